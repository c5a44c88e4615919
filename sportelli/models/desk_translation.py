"""A desk's public texts in the other interface languages, one row per desk and language.

The same shape as the listings' translations (``directory/models/translation.py``): the Italian
stays in ``Desk``, a row beside it is published through a revision reviewed by a coordinator
(``directory/staff/revision_kinds.py``) and read by the public pages through one LEFT JOIN
(``directory/translations.py``). Only texts families read: never the desk's bookings.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.translation import Translation
from sportelli.models.desk import Desk


class DeskTranslation(Translation):
    desk = models.ForeignKey(
        Desk, on_delete=models.CASCADE, related_name="translations", verbose_name=_("desk")
    )
    description = models.TextField(_("description"), blank=True)
    interpreting = models.TextField(_("help in other languages"), blank=True)

    text_fields = ("description", "interpreting")

    class Meta:
        verbose_name = _("translation of a desk")
        verbose_name_plural = _("translations of desks")
        ordering = ["desk", "language"]
        constraints = [
            models.UniqueConstraint(fields=["desk", "language"], name="desk_translation_unique"),
        ]

    def __str__(self):
        return f"{self.desk} [{self.language}]"
