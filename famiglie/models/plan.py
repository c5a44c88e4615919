"""The accompaniment plan (progetto di accompagnamento): objectives by area of intervention,
each with a target date and a status, and the periodic reviews of the plan, each due on a
date; a review held may schedule the next one. Reviews due soon are on the team's home."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from famiglie.areas import Area
from famiglie.models.case import Case
from famiglie.models.labels import ChoiceLabels

# A review is listed on the team's home this many days before it is due (and after, until held).
REVIEW_DUE_DAYS = 7


class ObjectiveStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("in progress")
    ACHIEVED = "achieved", _("achieved")
    PARTLY = "partly", _("partly achieved")
    NOT_ACHIEVED = "not_achieved", _("not achieved")
    DROPPED = "dropped", _("dropped")


class Objective(ChoiceLabels, models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="objectives", verbose_name=_("case")
    )
    area = models.CharField(_("area of intervention"), max_length=30, choices=Area)
    description = models.TextField(_("objective"), max_length=1000)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ObjectiveStatus, default=ObjectiveStatus.IN_PROGRESS
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("set by"),
    )
    created_at = models.DateTimeField(_("set on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["case", "pk"]

    def __str__(self):
        # Audit entries show this: never the description.
        return _("objective %(number)s of case %(code)s") % {
            "number": self.pk,
            "code": self.case.code,
        }


class ReviewQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(held_on__isnull=True)

    def due(self, day: datetime.date):
        """Not held, due within ``REVIEW_DUE_DAYS`` of ``day`` or overdue."""
        return self.pending().filter(due_on__lte=day + datetime.timedelta(days=REVIEW_DUE_DAYS))


class Review(ChoiceLabels, models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("case")
    )
    due_on = models.DateField(_("due on"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("held by"),
    )
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("scheduled by"),
    )
    created_at = models.DateTimeField(_("scheduled at"), auto_now_add=True)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan review")
        verbose_name_plural = _("plan reviews")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(
                fields=["due_on"],
                condition=models.Q(held_on__isnull=True),
                name="review_pending_due_idx",
            ),
            models.Index(fields=["case", "due_on"], name="review_case_due_idx"),
        ]

    def __str__(self):
        return _("review %(number)s of case %(code)s") % {"number": self.pk, "code": self.case.code}
