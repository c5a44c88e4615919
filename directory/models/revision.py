"""Proposed changes to public data, reviewed by coordinators before they are published."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.activity import Activity
from directory.models.event import Event
from directory.models.organization import Location, Organization


class RevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Revision.Status.PENDING)

    def for_list(self):
        return self.select_related(
            "organization", "author", "reviewer", "location", "activity", "event"
        )


class Revision(models.Model):
    """One submitted change: the proposed values as JSON, kept whatever its outcome.

    ``data`` holds the values as the edit form submits them (primary keys for relations,
    ISO strings for dates), so the same form both validates them on approval and puts them
    back in front of the author when a rejected revision is reopened.
    """

    class Kind(models.TextChoices):
        ORGANIZATION = "organization", _("organization profile")
        LOCATION = "location", _("location")
        ACTIVITY = "activity", _("activity")
        HOURS = "hours", _("opening hours")
        EVENT = "event", _("event")
        ACTIVITY_TRANSLATION = "activity_translation", _("translation of an activity")
        ORGANIZATION_TRANSLATION = "org_translation", _("translation of the profile")
        # The desk's or the call's key is in ``data`` ("desk", "call"): a desk lives in the
        # sportelli app, which depends on this one.
        DESK_TRANSLATION = "desk_translation", _("translation of a desk")
        CALL_TRANSLATION = "call_translation", _("translation of a volunteering call")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="revisions",
        verbose_name=_("organization"),
    )
    kind = models.CharField(_("what changes"), max_length=20, choices=Kind)
    location = models.ForeignKey(
        Location,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("location"),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("activity"),
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("event"),
    )
    is_new = models.BooleanField(_("creates a new record"), default=False)
    data = models.JSONField(_("proposed values"), default=dict)
    previous = models.JSONField(_("values when proposed"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="revisions",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_revisions",
        verbose_name=_("reviewer"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    published_directly = models.BooleanField(
        _("published without review"), default=False, help_text=_("Trusted organization.")
    )

    objects = RevisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="rejected") | ~models.Q(reason=""),
                name="revision_rejection_has_reason",
                violation_error_message=_("Say why the change is rejected."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.organization} ({self.get_status_display()})"

    @property
    def target_label(self):
        if self.kind in (self.Kind.DESK_TRANSLATION, self.Kind.CALL_TRANSLATION):
            # The record's Italian name, carried in ``data`` when proposed: no query per row.
            language = str(self.data.get("language", "")).upper()
            return f"{self.data.get('record') or self.organization} [{language}]"
        if self.kind in (self.Kind.ACTIVITY_TRANSLATION, self.Kind.ORGANIZATION_TRANSLATION):
            # The Italian name the reviewer knows the record by, and the language.
            record = self.activity if self.kind == self.Kind.ACTIVITY_TRANSLATION else None
            language = str(self.data.get("language", "")).upper()
            return f"{record or self.organization} [{language}]"
        if self.kind == self.Kind.ORGANIZATION:
            return str(self.organization)
        if self.kind == self.Kind.LOCATION:
            return self.data.get("name") or str(self.location or "")
        return self.data.get("title") or str(self.activity or self.event or "")
