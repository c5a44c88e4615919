from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SportelliConfig(AppConfig):
    name = "sportelli"
    verbose_name = _("Proximity desks")
