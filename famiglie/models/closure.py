"""Closing a case (OSCaR's exit): why, how each objective of the plan ended, and the needs
assessment that closes it. Asked by a member, a closure waits for the team lead's approval
(the case's ``requested_state``); the lead's own is approved at once. Reopening the case keeps
every closure, so a case closed twice shows both."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from famiglie.models.assessment import Assessment
from famiglie.models.case import Case
from famiglie.models.labels import ChoiceLabels
from famiglie.models.plan import Objective, ObjectiveStatus


class ExitReason(models.TextChoices):
    OBJECTIVES_REACHED = "objectives_reached", _("the plan's objectives were reached")
    REFERRED = "referred", _("taken over by another service")
    MOVED = "moved", _("the family moved away")
    FAMILY_WITHDREW = "withdrew", _("the family ended the accompaniment")
    NO_CONTACT = "no_contact", _("the family could no longer be reached")
    OTHER = "other", _("other reason")


class ObjectiveOutcome(models.TextChoices):
    """An objective's outcome at closure: the statuses of ``ObjectiveStatus`` that end it."""

    REACHED = ObjectiveStatus.ACHIEVED.value, _("reached")
    PARTLY = ObjectiveStatus.PARTLY.value, _("partly reached")
    NOT_REACHED = ObjectiveStatus.NOT_ACHIEVED.value, _("not reached")


class Closure(ChoiceLabels, models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="closures", verbose_name=_("case")
    )
    reason = models.CharField(_("reason for closing"), max_length=30, choices=ExitReason)
    note = models.TextField(_("in a few words"), max_length=2000)
    final_assessment = models.ForeignKey(
        Assessment,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("final needs assessment"),
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("asked by"),
    )
    asked_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        ordering = ["-asked_at", "-pk"]
        constraints = [
            # One closure at most waits for approval on a case.
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(approved_at__isnull=True),
                name="closure_one_pending_per_case",
            ),
        ]

    def __str__(self):
        # Audit entries show this: never the words.
        return _("closure %(number)s of case %(code)s") % {
            "number": self.pk,
            "code": self.case.code,
        }


class ClosureOutcome(ChoiceLabels, models.Model):
    closure = models.ForeignKey(
        Closure, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("closure")
    )
    objective = models.ForeignKey(
        Objective, on_delete=models.CASCADE, related_name="+", verbose_name=_("objective")
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=ObjectiveOutcome)

    class Meta:
        verbose_name = _("objective's outcome")
        verbose_name_plural = _("objectives' outcomes")
        ordering = ["objective_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["closure", "objective"], name="closure_outcome_once_per_objective"
            ),
        ]

    def __str__(self):
        return f"{self.closure_id} {self.objective_id}"
