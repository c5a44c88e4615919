"""Events, workshops and labs: an organization's dated sessions, shown on the public calendar.

An ``Event`` says what it is and for whom (like an activity: ages, languages, categories, cost);
its ``EventSession`` rows say when and where. Places available and whether families sign up or
just come are fields of the event now; the sign-ups themselves (and their waiting list) are a
later table hanging on the session.
"""

import datetime
import uuid

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models.activity import Activity, age_range_condition
from directory.models.age_range import AgeRange
from directory.models.membership import Membership
from directory.models.network import Network, NetworkMembership
from directory.models.organization import (
    Location,
    Organization,
    PublicationStatus,
    of_published_organization,
)
from directory.models.taxonomy import Category, Language
from linkrete.accounts.roles import is_coordinator
from linkrete.folding import Folded


class EventQuerySet(models.QuerySet):
    def public(self):
        """Published events of published organizations (cancelled ones too: families who
        saw them are told they are cancelled), not internal to a network."""
        return (
            self.filter(publication_status=PublicationStatus.PUBLISHED)
            .filter(of_published_organization())
            .filter(internal_network__isnull=True)
        )

    def internal_visible_to(self, user):
        """Events internal to a network, for the staff of its member organizations and the
        coordinators (who see them all)."""
        internal = self.filter(internal_network__isnull=False)
        if is_coordinator(user):
            return internal
        own = Membership.objects.filter(user=user).values("organization_id")
        networks = NetworkMembership.objects.filter(organization__in=own).values("network_id")
        return internal.filter(internal_network__in=networks)


class Event(AgeRange):
    """A workshop, a lab, a meeting: one date or a series of dated sessions."""

    class Admission(models.TextChoices):
        SIGN_UP = "sign_up", _("sign-up needed")
        WALK_IN = "walk_in", _("just come, no sign-up")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        CANCELLED = "cancelled", _("cancelled")

    uuid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("organization"),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("part of the activity"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.CharField(
        _("summary"), max_length=300, blank=True, help_text=_("One sentence shown in the calendar.")
    )
    # The title and the summary accent- and case-folded, one line each, kept by PostgreSQL:
    # the search page's words are matched in it (directory.event_search), and a recheck of the
    # trigram index then compares stored text instead of folding both fields again per row.
    folded_text = models.GeneratedField(
        expression=Concat(
            Folded("title"), models.Value("\n"), Folded("summary"), output_field=models.TextField()
        ),
        output_field=models.TextField(),
        db_persist=True,
    )
    description = models.TextField(_("description"))
    categories = models.ManyToManyField(
        Category, related_name="events", verbose_name=_("categories")
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="events", verbose_name=_("languages spoken")
    )
    is_free = models.BooleanField(_("free of charge"), default=True)
    fee_description = models.TextField(
        _("cost"), blank=True, help_text=_("Price, reductions and how to pay, when not free.")
    )
    admission = models.CharField(
        _("how to take part"), max_length=10, choices=Admission, default=Admission.WALK_IN
    )
    capacity = models.PositiveIntegerField(
        _("places available"),
        null=True,
        blank=True,
        help_text=_("Per session; empty if there is no limit."),
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, interpreters, quiet room: what helps people take part."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.SCHEDULED)
    # A meeting of the network's bodies, its steering board, a training: never public.
    internal_network = models.ForeignKey(
        Network,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="internal_events",
        verbose_name=_("internal to the network"),
        help_text=_(
            "A meeting of the network's bodies, its steering board or a training: shown only "
            "to the staff of the network's organizations and to the coordinators, never in "
            "public."
        ),
    )
    minutes = models.TextField(
        _("minutes"), blank=True, help_text=_("What was said and decided (internal events).")
    )
    notice = models.CharField(
        _("public notice"),
        max_length=300,
        blank=True,
        help_text=_("Shown prominently, e.g. why the event is cancelled."),
    )
    publication_status = models.CharField(
        _("publication status"),
        max_length=20,
        choices=PublicationStatus,
        default=PublicationStatus.PUBLISHED,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta(AgeRange.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["title"]
        # The search page's words, matched in the folded titles and summaries
        # (directory.event_search).
        indexes = [
            GinIndex(OpClass("folded_text", name="gin_trgm_ops"), name="event_folded_text_trgm"),
        ]
        constraints = [
            *AgeRange.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(is_free=True) | ~models.Q(fee_description=""),
                name="event_fee_described",
                violation_error_message=_("Describe the cost of an event that is not free."),
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gte=1),
                name="event_capacity_positive",
                violation_error_message=_("An event with a limit has at least one place."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("directory:event_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = self.age_errors()
        if not self.is_free and not self.fee_description.strip():
            errors["fee_description"] = _("Describe the cost of an event that is not free.")
        if self.status == self.Status.CANCELLED and not self.notice.strip():
            errors["notice"] = _("Tell families why the event is cancelled.")
        if self.activity_id and self.activity.organization_id != self.organization_id:
            errors["activity"] = _("Choose one of the organization's own activities.")
        if (
            self.internal_network_id
            and not NetworkMembership.objects.filter(
                network_id=self.internal_network_id, organization_id=self.organization_id
            ).exists()
        ):
            errors["internal_network"] = _("Choose a network the organization is part of.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_internal(self):
        return self.internal_network_id is not None


class EventSessionQuerySet(models.QuerySet):
    def public(self):
        """Sessions of public events (``EventQuerySet.public``), the event's published state
        tested per session row through the event's key."""
        return self.filter(event__in=Event.objects.public().values("pk"))

    def taking_place(self):
        """Public sessions that are not cancelled, of events that are not (what a page lists
        as coming up)."""
        return (
            self.public()
            .exclude(status=EventSession.Status.CANCELLED)
            .exclude(event__status=Event.Status.CANCELLED)
        )

    def between(self, first: datetime.date, last: datetime.date):
        """Sessions on the days from ``first`` to ``last``, both included, in their order
        (``eventsession_calendar_idx`` holds the range and the order)."""
        return self.filter(date__gte=first, date__lte=last).order_by("date", "starts_at", "pk")

    def upcoming(self, today: datetime.date | None = None):
        return self.between(today or timezone.localdate(), datetime.date.max)

    def for_age_range(self, minimum, maximum):
        return self.filter(
            event__in=Event.objects.filter(age_range_condition(minimum, maximum)).values("pk")
        )

    def in_categories(self, categories):
        return self.filter(
            event__in=Event.categories.through.objects.filter(category__in=categories).values(
                "event_id"
            )
        )

    def for_list(self):
        """What a line of the calendar shows, in one query with the page; the long texts stay
        in the database (a month's page sorted 3,200 rows three times as wide without this)."""
        return self.select_related("event__organization", "location__municipality").defer(
            "event__description",
            "event__accessibility",
            "event__organization__description",
            "event__organization__social_utility",
        )


class EventSession(models.Model):
    """One dated occurrence of an event, in a place or online."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        MOVED = "moved", _("moved")
        CANCELLED = "cancelled", _("cancelled")

    uuid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("event"),
        # eventsession_event_idx begins with it.
        db_index=False,
    )
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"))
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="event_sessions",
        verbose_name=_("place"),
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("For a session held online.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.SCHEDULED)
    moved_from = models.DateField(
        _("moved from"), null=True, blank=True, help_text=_("The date it was first planned on.")
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_("E.g. why it is cancelled or moved, or which room."),
    )

    objects = EventSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("event session")
        verbose_name_plural = _("event sessions")
        ordering = ["date", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_at__lt=models.F("ends_at")),
                name="eventsession_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(location__isnull=False) | ~models.Q(online_url=""),
                name="eventsession_has_place",
                violation_error_message=_("Give the place or the online link of the session."),
            ),
            models.CheckConstraint(
                condition=models.Q(status="moved") | models.Q(moved_from__isnull=True),
                name="eventsession_moved_from_only_when_moved",
                violation_error_message=_("Only a moved session has the date it moved from."),
            ),
        ]
        indexes = [
            # The calendar: a day, week or month of sessions in their order, a page at a time,
            # read from this index whatever the number of sessions of other months.
            models.Index(fields=["date", "starts_at", "id"], name="eventsession_calendar_idx"),
            # An event's sessions (its page, its .ics, the upcoming ones on other pages).
            models.Index(fields=["event", "date", "starts_at"], name="eventsession_event_idx"),
        ]

    def __str__(self):
        return f"{self.event} – {self.date:%Y-%m-%d} {self.starts_at:%H:%M}"

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.starts_at >= self.ends_at:
            errors["ends_at"] = _("A session must end after it starts.")
        if self.location_id is None and not self.online_url:
            errors["location"] = _("Give the place or the online link of the session.")
        if self.status == self.Status.MOVED and self.moved_from is None:
            errors["moved_from"] = _("Give the date the session was first planned on.")
        if self.status != self.Status.MOVED and self.moved_from is not None:
            errors["moved_from"] = _("Only a moved session has the date it moved from.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED or self.event.is_cancelled

    @property
    def is_online(self):
        return self.location_id is None

    def starts(self) -> datetime.datetime:
        return datetime.datetime.combine(
            self.date, self.starts_at, tzinfo=timezone.get_default_timezone()
        )

    def ends(self) -> datetime.datetime:
        return datetime.datetime.combine(
            self.date, self.ends_at, tzinfo=timezone.get_default_timezone()
        )
