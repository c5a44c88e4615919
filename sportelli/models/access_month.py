"""Desk accesses counted by desk and month: what the network's indicators read, since a
region's 1,000,000 accesses cannot be counted within a page's time (bench/indicators_bench.py).
No person and no access: counts only.

``AccessMonth`` holds one count per desk, month and value of one dimension (channel, age band,
outcome, area of the topics): every access has one channel, so the channel's rows also give the
accesses by desk and by month; an access counts once in an area whatever number of its topics
fall in it. ``AccessTopicMonth`` holds them by topic (an access about two topics counts under
each). Kept exact in the transaction that saves, edits or deletes an access or changes its
topics (``sportelli.rollups``), and rebuilt whole by ``manage.py refresh_indicator_rollups``
(nightly) for what bypasses the models (bulk loads, SQL).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import Category
from sportelli.models.access_count import DeskCount, Dimension, DimensionCount

# The dimensions counted once per access, by their field on ``Access`` (the area is its topics').
FIELD_OF_DIMENSION = {
    Dimension.CHANNEL: "channel",
    Dimension.AGE_BAND: "age_band",
    Dimension.OUTCOME: "outcome",
}


class AccessMonth(DimensionCount):
    month = models.DateField(_("month"), help_text=_("Its first day."))

    class Meta:
        verbose_name = _("accesses of a month")
        verbose_name_plural = _("accesses by month")
        constraints = [
            models.UniqueConstraint(
                fields=["desk", "month", "dimension", "value"], name="access_month_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["dimension", "desk", "month"], name="access_month_read_idx")
        ]

    def __str__(self):
        return f"{self.desk_id} {self.month:%Y-%m} {self.dimension}={self.value}"


class AccessTopicMonth(DeskCount):
    month = models.DateField(_("month"), help_text=_("Its first day."))
    topic = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="+", verbose_name=_("topic")
    )

    class Meta:
        verbose_name = _("accesses of a month by topic")
        verbose_name_plural = _("accesses by month and topic")
        constraints = [
            models.UniqueConstraint(
                fields=["desk", "month", "topic"], name="access_topic_month_unique"
            ),
        ]

    def __str__(self):
        return f"{self.desk_id} {self.month:%Y-%m} {self.topic_id}"
