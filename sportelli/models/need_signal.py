"""Emerging-need signals: an access point noticed a need but has no consent to refer anyone yet.

A signal says only what kind of need, where and at what age (area of intervention, municipality,
age band) and which kind of access point saw it: no name, no contact, no free text, so no
personal data can slip in and the row is kept for the monitoring.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import Municipality, Network, Organization, SourceType
from famiglie.areas import Area
from sportelli.models.access_log import AgeBand


class NeedSignalQuerySet(models.QuerySet):
    def in_period(self, start, end):
        """Signals sent from ``start`` to ``end`` (dates, both included)."""
        return self.filter(created_at__date__gte=start, created_at__date__lte=end)


class NeedSignal(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.PROTECT, related_name="need_signals", verbose_name=_("network")
    )
    access_point = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="need_signals",
        verbose_name=_("access point"),
    )
    source_type = models.CharField(_("access point's type"), max_length=20, choices=SourceType)
    area = models.CharField(_("area of need"), max_length=30, choices=Area)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    objects = NeedSignalQuerySet.as_manager()

    class Meta:
        verbose_name = _("emerging-need signal")
        verbose_name_plural = _("emerging-need signals")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["network", "created_at"], name="needsignal_network_idx")]

    def __str__(self):
        return f"{self.get_area_display()} – {self.municipality} ({self.get_age_band_display()})"
