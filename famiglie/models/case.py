"""Cases (prese in carico): a household followed by an équipe, through its states.

intake → assessment → active plan → monitoring → closed, and reopening. Moving to the plan and
closing are approved by the team lead: a member asks, the lead approves or refuses; the lead's
own move needs no second person. Each change is a ``CaseEvent``, the case's timeline.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from directory.models import Category, Organization
from famiglie.models.household import REFERENCE_ALPHABET, Household
from famiglie.models.labels import ChoiceLabels
from famiglie.models.team import Role, Team
from sportelli.models import TOPIC_TAXONOMY, Access, Referral

CODE_LENGTH = 10


def new_code() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(CODE_LENGTH))


class CaseState(models.TextChoices):
    INTAKE = "intake", _("intake")
    ASSESSMENT = "assessment", _("assessment")
    ACTIVE_PLAN = "active_plan", _("active plan")
    MONITORING = "monitoring", _("monitoring")
    CLOSED = "closed", pgettext_lazy("case state", "closed")


# state -> the states it may move to; reopening a closed case starts a new assessment.
TRANSITIONS = {
    CaseState.INTAKE: (CaseState.ASSESSMENT, CaseState.CLOSED),
    CaseState.ASSESSMENT: (CaseState.ACTIVE_PLAN, CaseState.CLOSED),
    CaseState.ACTIVE_PLAN: (CaseState.MONITORING, CaseState.CLOSED),
    CaseState.MONITORING: (CaseState.ACTIVE_PLAN, CaseState.CLOSED),
    CaseState.CLOSED: (CaseState.ASSESSMENT,),
}
# The moves the team lead approves.
NEEDS_APPROVAL = frozenset({CaseState.ACTIVE_PLAN, CaseState.CLOSED})


# What a list of cases shows of each (famiglie/home.html).
LIST_COLUMNS = ("code", "household", "team", "state", "requested_state", "opened_at", "updated_at")


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(state=CaseState.CLOSED)

    def for_list(self):
        """The columns of a list of cases (the household's reference, not its notes)."""
        return (
            self.select_related("household", "team")
            .only(*LIST_COLUMNS, "household__reference", "team__name")
            .order_by("-updated_at", "-pk")
        )


class Case(ChoiceLabels, models.Model):
    code = models.CharField(_("code"), max_length=16, unique=True, default=new_code, editable=False)
    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="cases", verbose_name=_("household")
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="cases", verbose_name=_("team")
    )
    state = models.CharField(_("state"), max_length=20, choices=CaseState, default=CaseState.INTAKE)
    # A move asked by a member, waiting for the team lead.
    requested_state = models.CharField(
        _("move waiting for approval"), max_length=20, choices=CaseState, blank=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("asked by"),
    )
    requested_note = models.TextField(_("reason given"), max_length=2000, blank=True)
    topics = models.ManyToManyField(
        Category,
        blank=True,
        related_name="+",
        verbose_name=_("topics"),
        limit_choices_to={"taxonomy__slug": TOPIC_TAXONOMY},
    )
    # Where the case came from: a desk access ("case to open") or a referral to the team.
    source_access = models.OneToOneField(
        Access,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case",
        verbose_name=_("from the desk access"),
    )
    source_referral = models.OneToOneField(
        Referral,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case",
        verbose_name=_("from the referral"),
    )
    closure_reason = models.TextField(_("reason for closing"), max_length=2000, blank=True)
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        permissions = [
            (
                "override_consent",
                _("Can share a case with an organization without the matching consent"),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="closed") | ~models.Q(closure_reason=""),
                name="case_closed_has_reason",
                violation_error_message=_("Say why the case is closed."),
            ),
        ]
        indexes = [models.Index(fields=["team", "state"], name="case_team_state_idx")]

    def __str__(self):
        return _("case %(code)s") % {"code": self.code}

    def get_absolute_url(self):
        return reverse("famiglie:case_detail", kwargs={"code": self.code})

    def allowed_transitions(self):
        return TRANSITIONS[CaseState(self.state)]


class CaseTeamMember(ChoiceLabels, models.Model):
    """Who works on one case, and as what; assigned and removed by the team lead."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="team_members", verbose_name=_("case")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="case_assignments",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("case team member")
        verbose_name_plural = _("case team members")
        constraints = [
            models.UniqueConstraint(fields=["case", "user"], name="case_team_member_once"),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"


class EventKind(models.TextChoices):
    OPENED = "opened", _("case opened")
    STATE = "state", _("state changed")
    REQUESTED = "requested", _("approval asked")
    REFUSED = "refused", _("approval refused")
    ASSIGNED = "assigned", _("team member assigned")
    REMOVED = "removed", _("team member removed")
    CONSENT = "consent", _("consent recorded")
    REFERRAL = "referral", _("referral sent")
    CONSENT_OVERRIDE = "override", _("shared without the matching consent")
    ASSESSMENT = "assessment", _("needs assessed")
    OBJECTIVE_SET = "objective", _("objective set")
    OBJECTIVE_CHANGED = "objective_changed", _("objective updated")
    REVIEW_SCHEDULED = "review", _("plan review scheduled")
    REVIEW_HELD = "review_held", _("plan review held")
    INTERVENTION = "intervention", _("intervention recorded")


class CaseEvent(ChoiceLabels, models.Model):
    """One line of the case's timeline. Notes here are the team's own words about the work,
    not about health (those go in the later steps' encrypted notes)."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="events", verbose_name=_("case")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    from_state = models.CharField(_("from"), max_length=20, choices=CaseState, blank=True)
    to_state = models.CharField(_("to"), max_length=20, choices=CaseState, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("team member"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization"),
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["case", "-at", "-id"], name="case_event_timeline_idx")]

    def __str__(self):
        return f"{self.case.code} {self.get_kind_display()}"
