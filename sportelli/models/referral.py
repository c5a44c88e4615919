"""Referrals (segnalazioni): a network member sends a person to an organization, activity or desk.

States: sent → accepted or declined (with reason) → in progress → closed (with outcome). Every
change is kept as an event, so the sending side sees the whole story (the feedback loop).
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from directory.models import Activity, Organization, SourceType
from linkrete.mail import MailStatus
from sportelli.models.desk import Desk


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("sent")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    IN_PROGRESS = "in_progress", _("in progress")
    CLOSED = "closed", pgettext_lazy("referral status", "closed")


# status -> the statuses it may move to
TRANSITIONS = {
    ReferralStatus.SENT: (ReferralStatus.ACCEPTED, ReferralStatus.DECLINED),
    ReferralStatus.ACCEPTED: (ReferralStatus.IN_PROGRESS,),
    ReferralStatus.DECLINED: (),
    ReferralStatus.IN_PROGRESS: (ReferralStatus.CLOSED,),
    ReferralStatus.CLOSED: (),
}


class ReferralQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related(
            "from_desk",
            "from_organization",
            "to_organization",
            "to_activity",
            "to_desk",
            "receiving_organization",
        ).order_by("-created_at", "-pk")


class Referral(models.Model):
    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    # The sending side: one of the sender's desks or organizations.
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    from_desk = models.ForeignKey(
        Desk,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_sent",
        verbose_name=_("from desk"),
    )
    from_organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_sent",
        verbose_name=_("from organization"),
    )
    # The receiving side: exactly one target; its organization owns the inbox.
    to_organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("to organization"),
    )
    to_activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("to activity"),
    )
    to_desk = models.ForeignKey(
        Desk,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_received",
        verbose_name=_("to desk"),
    )
    # An équipe of family cases (famiglie): its team lead may accept the referral into a case.
    to_team = models.ForeignKey(
        "famiglie.Team",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("to team"),
    )
    # Set when an access point (bank, patronato, company, school) sent it, from its legal form:
    # the indicators count referrals by it, and the sender sees the state only.
    source_type = models.CharField(
        _("access point's type"), max_length=20, choices=SourceType, blank=True
    )
    receiving_organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("receiving organization"),
    )
    person_name = models.CharField(_("name of the person"), max_length=120)
    person_contact = models.CharField(
        _("contact"), max_length=120, help_text=_("A phone number or an e-mail address.")
    )
    need = models.TextField(_("what is needed"), max_length=1000)
    consent_to_share = models.BooleanField(
        _("the person agreed to share these data with the receiving organization")
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded at"))
    note = models.TextField(_("note"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReferralStatus, default=ReferralStatus.SENT
    )
    decline_reason = models.TextField(_("reason for declining"), max_length=1000, blank=True)
    outcome = models.TextField(_("outcome"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(from_desk__isnull=False, from_organization__isnull=True)
                | models.Q(from_desk__isnull=True, from_organization__isnull=False),
                name="referral_one_sending_side",
                violation_error_message=_("A referral is sent by a desk or by an organization."),
            ),
            models.CheckConstraint(
                condition=models.Q(
                    to_organization__isnull=False,
                    to_activity__isnull=True,
                    to_desk__isnull=True,
                    to_team__isnull=True,
                )
                | models.Q(
                    to_organization__isnull=True,
                    to_activity__isnull=False,
                    to_desk__isnull=True,
                    to_team__isnull=True,
                )
                | models.Q(
                    to_organization__isnull=True,
                    to_activity__isnull=True,
                    to_desk__isnull=False,
                    to_team__isnull=True,
                )
                | models.Q(
                    to_organization__isnull=True,
                    to_activity__isnull=True,
                    to_desk__isnull=True,
                    to_team__isnull=False,
                ),
                name="referral_one_target",
                violation_error_message=_(
                    "Refer the person to one organization, one activity, one desk or one team."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(consent_to_share=True),
                name="referral_consent_given",
                violation_error_message=_(
                    "A referral needs the person's consent to share their data."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="declined") | ~models.Q(decline_reason=""),
                name="referral_decline_has_reason",
                violation_error_message=_("Say why the referral is declined."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="closed") | ~models.Q(outcome=""),
                name="referral_closed_has_outcome",
                violation_error_message=_("Say how the referral ended."),
            ),
        ]

    def __str__(self):
        return _("Referral to %(target)s") % {"target": self.target}

    def get_absolute_url(self):
        return reverse("sportelli:referral_detail", kwargs={"uuid": self.uuid})

    @property
    def target(self):
        return self.to_organization or self.to_activity or self.to_desk or self.to_team

    @property
    def sender(self):
        return self.from_desk or self.from_organization

    def target_organization(self):
        if self.to_organization_id:
            return self.to_organization
        if self.to_activity_id:
            return self.to_activity.organization
        if self.to_desk_id:
            return self.to_desk.host_organization
        if self.to_team_id:
            return self.to_team.organization
        return None

    def allowed_transitions(self):
        return TRANSITIONS[ReferralStatus(self.status)]

    def clean(self):
        super().clean()
        targets = [self.to_organization_id, self.to_activity_id, self.to_desk_id, self.to_team_id]
        if sum(t is not None for t in targets) != 1:
            raise ValidationError(
                _("Refer the person to one organization, one activity, one desk or one team.")
            )
        if (self.from_desk_id is None) == (self.from_organization_id is None):
            raise ValidationError(_("A referral is sent by a desk or by an organization."))
        if not self.consent_to_share:
            raise ValidationError(
                {
                    "consent_to_share": _(
                        "A referral needs the person's consent to share their data."
                    )
                }
            )
        if self.status == ReferralStatus.DECLINED and not self.decline_reason.strip():
            raise ValidationError({"decline_reason": _("Say why the referral is declined.")})
        if self.status == ReferralStatus.CLOSED and not self.outcome.strip():
            raise ValidationError({"outcome": _("Say how the referral ended.")})


class ReferralEvent(models.Model):
    """One change of a referral's status: who, when, from what to what, with a short note."""

    referral = models.ForeignKey(
        Referral, on_delete=models.CASCADE, related_name="events", verbose_name=_("referral")
    )
    from_status = models.CharField(
        _("from status"), max_length=20, choices=ReferralStatus, blank=True
    )
    to_status = models.CharField(_("to status"), max_length=20, choices=ReferralStatus)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("note"), max_length=1000, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    # The e-mail about this change: to the receiving organization for the first event, to the
    # sender for the others.
    mail = models.CharField(
        _("e-mail"), max_length=20, choices=MailStatus, default=MailStatus.NOT_NEEDED
    )

    class Meta:
        verbose_name = _("referral event")
        verbose_name_plural = _("referral events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_status or '–'} → {self.to_status}"
