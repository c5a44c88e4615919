"""The shape the access rollups share (``access_month``, ``access_day``): a count of a desk's
accesses under a key, never a person nor an access."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from sportelli.models.desk import Desk


class Dimension(models.TextChoices):
    CHANNEL = "channel", _("channel")
    AGE_BAND = "age_band", _("age band")
    OUTCOME = "outcome", _("outcome")
    AREA = "area", _("area of need")


class DeskCount(models.Model):
    desk = models.ForeignKey(
        Desk, on_delete=models.CASCADE, related_name="+", verbose_name=_("desk")
    )
    accesses = models.PositiveIntegerField(_("accesses"))

    class Meta:
        abstract = True


class DimensionCount(DeskCount):
    """Accesses by the value of one dimension (channel, age band, outcome, area)."""

    dimension = models.CharField(_("dimension"), max_length=20, choices=Dimension)
    value = models.CharField(_("value"), max_length=30)

    class Meta:
        abstract = True
