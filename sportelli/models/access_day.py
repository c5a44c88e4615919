"""Desk accesses counted by desk and day: what the indicators read for the partial months of a
period (a period from the 15th, the current month up to today), which the monthly rollup
(``access_month``) cannot answer. The same shape as the monthly rows, a day instead of a month;
no person and no access: counts only.

Kept exact in the same transaction as the monthly rows (``sportelli.rollups`` recounts a desk's
month, its days with it) and rebuilt whole by ``manage.py refresh_indicator_rollups``. A partial
month sums at most 30 days of rows instead of counting its accesses.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import Category
from sportelli.models.access_count import DeskCount, DimensionCount


class AccessDay(DimensionCount):
    day = models.DateField(_("day"))

    class Meta:
        verbose_name = _("accesses of a day")
        verbose_name_plural = _("accesses by day")
        constraints = [
            models.UniqueConstraint(
                fields=["desk", "day", "dimension", "value"], name="access_day_unique"
            ),
        ]
        indexes = [models.Index(fields=["dimension", "day", "desk"], name="access_day_read_idx")]

    def __str__(self):
        return f"{self.desk_id} {self.day} {self.dimension}={self.value}"


class AccessTopicDay(DeskCount):
    day = models.DateField(_("day"))
    topic = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="+", verbose_name=_("topic")
    )

    class Meta:
        verbose_name = _("accesses of a day by topic")
        verbose_name_plural = _("accesses by day and topic")
        constraints = [
            models.UniqueConstraint(
                fields=["desk", "day", "topic"], name="access_topic_day_unique"
            ),
        ]
        indexes = [models.Index(fields=["day", "desk"], name="access_topic_day_read_idx")]

    def __str__(self):
        return f"{self.desk_id} {self.day} {self.topic_id}"
