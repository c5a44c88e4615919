from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FamiglieConfig(AppConfig):
    name = "famiglie"
    verbose_name = _("Family cases")
