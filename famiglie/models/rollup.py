"""Interventions counted by team, month and type: what the network's indicators read for the
past months, since a region's 600,000 interventions cannot be summed within a page's time
(bench/indicators_bench.py). No person, no case: counts and amounts only.

Rebuilt whole by ``manage.py refresh_indicator_rollups`` (nightly): the months before the
current one are as fresh as the last run; the current month and the partial months at the
edges of a period are counted live (``directory.indicators.family_figures``).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from famiglie.models.intervention import InterventionKind
from famiglie.models.team import Team


class InterventionMonth(models.Model):
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="+", verbose_name=_("team")
    )
    month = models.DateField(_("month"), help_text=_("Its first day."))
    kind = models.CharField(_("type"), max_length=30, choices=InterventionKind)
    interventions = models.PositiveIntegerField(_("interventions"))
    amount = models.DecimalField(_("amount (€)"), max_digits=14, decimal_places=2, default=0)
    # When the nightly run wrote the row: the dashboard's "data updated on".
    counted_at = models.DateTimeField(_("counted at"), default=timezone.now)

    class Meta:
        verbose_name = _("interventions of a month")
        verbose_name_plural = _("interventions by month")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "month", "kind"], name="intervention_month_unique"
            ),
        ]

    def __str__(self):
        return f"{self.team_id} {self.month:%Y-%m} {self.kind}"
