"""Proximity desks (sportelli di prossimità), their weekly hours and the exceptions to them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from directory.models import (
    Category,
    Language,
    Location,
    Municipality,
    Organization,
    PublicationStatus,
    Zone,
)
from directory.models.identifiers import public_identifier
from directory.models.organization import of_published_organization
from directory.models.schedule import (
    DatedException,
    WeeklySlot,
    closed_or_hours,
    weekly_slot_rules,
)

TOPIC_TAXONOMY = "temi-sportello"
# Paths under /sportelli/ that are not desks: a desk with one of these slugs would be shadowed.
RESERVED_SLUGS = frozenset(
    {"console", "segnalazioni", "prenotazione", "punto-accesso", "bisogni-emergenti"}
)


def validate_desk_slug(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("'%(slug)s' is a reserved word in the site's addresses: choose another slug."),
            params={"slug": value},
        )


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    PHONE = "phone", _("by phone")
    VIDEO = "video", _("video call")


class DeskQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=PublicationStatus.PUBLISHED).filter(
            of_published_organization("host_organization")
        )

    def for_list(self):
        # Prefetched by the page's keys, not joined: with a join the database fetched the
        # organization and place of all 2,500 desks before sorting them by name.
        return self.prefetch_related(
            "municipality", "host_organization", "location", "topics", "languages"
        )

    def with_channel(self, channel):
        return self.filter(**{Desk.CHANNEL_FIELDS[channel]: True})

    def open_on(self, day):
        """Desks with hours on ``day``: a weekly slot not closed that day, or special hours."""
        weekly = DeskOpeningSlot.objects.filter(
            desk=models.OuterRef("pk"), weekday=day.isoweekday()
        ).filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day),
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day),
        )
        any_exception = DeskException.objects.filter(desk=models.OuterRef("pk"), date=day)
        special_hours = any_exception.filter(is_closed=False)
        return self.filter(
            (models.Exists(weekly) & ~models.Exists(any_exception)) | models.Exists(special_hours)
        )


class Desk(models.Model):
    """A proximity desk hosted by a network organization: the first door for orientation."""

    CHANNEL_FIELDS = {
        Channel.IN_PERSON: "offers_in_person",
        Channel.PHONE: "offers_phone",
        Channel.VIDEO: "offers_video",
    }

    name = models.CharField(_("name"), max_length=200)
    # The desk's identifier in the open data (HSDS, directory/hsds/): stable across exports.
    uuid = public_identifier()
    slug = models.SlugField(_("slug"), max_length=200, unique=True, validators=[validate_desk_slug])
    host_organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="desks",
        verbose_name=_("host organization"),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="desks",
        verbose_name=_("location"),
        help_text=_("Where people meet the desk in person."),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="desks", verbose_name=_("municipality")
    )
    zone = models.ForeignKey(
        Zone,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="desks",
        verbose_name=_("zone served"),
        help_text=_("Its municipalities are offered first when logging an access."),
    )
    description = models.TextField(_("description"), blank=True)
    offers_in_person = models.BooleanField(_("in person"), default=True)
    offers_phone = models.BooleanField(_("by phone"), default=False)
    offers_video = models.BooleanField(_("video call"), default=False)
    slot_minutes = models.PositiveSmallIntegerField(
        _("appointment length (minutes)"),
        default=30,
        validators=[MinValueValidator(10), MaxValueValidator(240)],
    )
    capacity = models.PositiveSmallIntegerField(
        _("people per appointment slot"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    booking_weeks = models.PositiveSmallIntegerField(
        _("weeks open to booking"),
        default=4,
        validators=[MinValueValidator(4), MaxValueValidator(26)],
    )
    topics = models.ManyToManyField(
        Category,
        related_name="desks",
        verbose_name=_("topics"),
        limit_choices_to={"taxonomy__slug": TOPIC_TAXONOMY},
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="desks", verbose_name=_("languages spoken")
    )
    interpreting = models.TextField(
        _("help in other languages"),
        blank=True,
        help_text=_(
            "What the desk offers to someone who speaks none of its languages, such as a "
            "cultural mediator on request or an interpreter by phone. Shown to people who book "
            "in another language."
        ),
    )
    operators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="desks", verbose_name=_("operators")
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    video_instructions = models.TextField(
        _("how video calls work"),
        blank=True,
        help_text=_("Sent with the booking: which app, who calls whom."),
    )
    status = models.CharField(
        _("publication status"),
        max_length=20,
        choices=PublicationStatus,
        default=PublicationStatus.PUBLISHED,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DeskQuerySet.as_manager()

    class Meta:
        verbose_name = _("desk")
        verbose_name_plural = _("desks")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(offers_in_person=True)
                | models.Q(offers_phone=True)
                | models.Q(offers_video=True),
                name="desk_has_a_channel",
                violation_error_message=_("A desk offers at least one channel."),
            ),
            models.CheckConstraint(
                condition=~models.Q(slug__in=sorted(RESERVED_SLUGS)),
                name="desk_slug_not_reserved",
                violation_error_message=_("This slug is reserved: choose another one."),
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1),
                name="desk_capacity_positive",
                violation_error_message=_("At least one person per slot."),
            ),
            models.CheckConstraint(
                condition=models.Q(slot_minutes__gte=10),
                name="desk_slot_minutes_min",
                violation_error_message=_("Appointments last at least 10 minutes."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("sportelli:desk_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if not (self.offers_in_person or self.offers_phone or self.offers_video):
            raise ValidationError(_("A desk offers at least one channel."))
        if self.offers_in_person and self.location_id is None:
            raise ValidationError(
                {"location": _("A desk that meets people in person needs its location.")}
            )

    @property
    def channels(self):
        return [channel for channel, field in self.CHANNEL_FIELDS.items() if getattr(self, field)]

    def channel_choices(self):
        return [(channel.value, channel.label) for channel in self.channels]

    @property
    def booking_days(self):
        return self.booking_weeks * 7

    def offers(self, channel):
        return channel in {c.value for c in self.channels}


class DeskOpeningSlot(WeeklySlot):
    """The desk is open on this weekday between these times (same shape as activity hours)."""

    desk = models.ForeignKey(
        Desk, on_delete=models.CASCADE, related_name="opening_slots", verbose_name=_("desk")
    )

    class Meta(WeeklySlot.Meta):
        verbose_name = _("desk opening slot")
        verbose_name_plural = _("desk hours")
        constraints = weekly_slot_rules("desk_slot")


class DeskException(DatedException):
    """A dated change: the desk is closed that day, or open with special hours."""

    desk = models.ForeignKey(
        Desk, on_delete=models.CASCADE, related_name="exceptions", verbose_name=_("desk")
    )

    class Meta(DatedException.Meta):
        verbose_name = _("exception to the desk hours")
        verbose_name_plural = _("exceptions to the desk hours")
        constraints = [
            closed_or_hours(
                "desk_exception_closed_or_hours",
                _(
                    "Either the desk is closed all day, or give special hours that open "
                    "before they close."
                ),
            ),
        ]
