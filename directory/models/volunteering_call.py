"""Public volunteering calls and the applications citizens send (applications are private)."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models.activity import Activity
from directory.models.organization import (
    Organization,
    of_published_organization,
)
from directory.models.territory import Municipality
from directory.models.volunteer import Volunteer

# The day a call closes, a call without a deadline last of all: what the public list sorts
# by, read in that order from an index (``call_public_order_idx``, migration 0021).
OPEN_UNTIL = Coalesce("deadline", models.Value(datetime.date.max), output_field=models.DateField())


class VolunteeringCallQuerySet(models.QuerySet):
    def public(self, on=None):
        """Approved by a coordinator (or from a trusted organization), published, still open."""
        day = on or timezone.localdate()
        return (
            self.filter(is_published=True, review_status=VolunteeringCall.ReviewStatus.APPROVED)
            .filter(of_published_organization())
            .alias(open_until=OPEN_UNTIL)
            .filter(open_until__gte=day)
        )

    def closing_first(self):
        """The calls closing soonest first, then those without a deadline; newest first
        within a day."""
        return self.order_by(OPEN_UNTIL.asc(), "-created_at", "pk")

    def pending_review(self):
        return self.filter(review_status=VolunteeringCall.ReviewStatus.PENDING)

    def for_review(self):
        return self.select_related("organization", "activity", "municipality", "reviewed_by")


class VolunteeringCall(models.Model):
    """A public opportunity to volunteer. Public data: what an untrusted organization writes
    waits for a coordinator's review (``review_status``) and is public only once approved."""

    class ReviewStatus(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="volunteering_calls",
        verbose_name=_("organization"),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volunteering_calls",
        verbose_name=_("activity"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("what you would do"))
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=16)
    time_commitment = models.CharField(
        _("time commitment"), max_length=200, help_text=_("e.g. two hours a week, on Saturdays.")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    deadline = models.DateField(_("apply by"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    review_status = models.CharField(
        _("review"),
        max_length=20,
        choices=ReviewStatus,
        default=ReviewStatus.PENDING,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("proposed at"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    objects = VolunteeringCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteering call")
        verbose_name_plural = _("volunteering calls")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The public list, a page at a time in its order (VolunteeringCallQuerySet).
            models.Index(
                OPEN_UNTIL,
                models.F("created_at").desc(),
                models.F("id"),
                condition=models.Q(is_published=True, review_status="approved"),
                name="call_public_order_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(review_status="rejected") | ~models.Q(rejection_reason=""),
                name="volunteering_call_rejection_has_reason",
                violation_error_message=_("Say why the change is rejected."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("directory:call_detail", kwargs={"slug": self.slug})


class Application(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("new")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    call = models.ForeignKey(
        VolunteeringCall,
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("call"),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    # Null only once erased (directory/retention.py); the form still asks for it.
    birth_date = models.DateField(_("date of birth"), null=True)
    message = models.TextField(_("why you would like to take part"), blank=True)
    privacy_consent_at = models.DateTimeField(_("privacy consent given at"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.NEW, db_index=True
    )
    volunteer = models.OneToOneField(
        Volunteer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="application",
        verbose_name=_("volunteer record"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        # Not the applicant's name: str() ends up in the admin's history and log lines.
        return _("application #%(pk)s") % {"pk": self.pk}
