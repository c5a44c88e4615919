"""Appointments at a desk. The seat number makes the database refuse an overbooked slot."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import Category, Language
from linkrete.mail import MailStatus
from sportelli.models.desk import Channel, Desk

# No 0/O, 1/I/L, 5/S, 2/Z: easy to read out on the phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789"
CODE_LENGTH = 8
NOTE_MAX_LENGTH = 500


def new_booking_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_cancel_token():
    return secrets.token_urlsafe(32)


class BookingQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Booking.Status.CANCELLED)

    def for_agenda(self):
        return self.select_related("desk", "topic", "language", "access").order_by(
            "starts_at", "seat"
        )


class Booking(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("booked")
        DONE = "done", _("done")
        NO_SHOW = "no_show", _("did not come")
        CANCELLED = "cancelled", _("cancelled")

    desk = models.ForeignKey(
        Desk, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("desk")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    seat = models.PositiveSmallIntegerField(
        _("place in the slot"),
        null=True,
        blank=True,
        help_text=_("From 1 to the desk's capacity; empty once cancelled, freeing the place."),
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel)
    code = models.CharField(
        _("booking code"), max_length=CODE_LENGTH, unique=True, default=new_booking_code
    )
    cancel_token = models.CharField(
        _("cancellation token"),
        max_length=64,
        unique=True,
        default=new_cancel_token,
        editable=False,
    )
    name = models.CharField(_("name"), max_length=120)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    topic = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic"),
    )
    language = models.ForeignKey(
        Language,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("language needed"),
    )
    note = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    # The language of the pages the booking was made on: its e-mails and calendar file speak it.
    interface_language = models.CharField(
        _("interface language"), max_length=10, default="it", editable=False
    )
    privacy_consent_at = models.DateTimeField(_("privacy notice accepted at"))
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.BOOKED)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # One per visit to the last booking step: a retried confirmation finds the booking it made.
    idempotency_key = models.CharField(
        _("confirmation key"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    confirmation_mail = models.CharField(
        _("confirmation e-mail"), max_length=20, choices=MailStatus, default=MailStatus.NOT_NEEDED
    )
    cancellation_mail = models.CharField(
        _("cancellation e-mail"), max_length=20, choices=MailStatus, default=MailStatus.NOT_NEEDED
    )
    # Set when the reminder of the day before is queued (e-mail and/or text message): once.
    reminder_sent_at = models.DateTimeField(
        _("reminder sent at"), null=True, blank=True, editable=False
    )

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at", "seat"]
        constraints = [
            # The guarantee that nobody takes the last place twice: one row per place.
            models.UniqueConstraint(
                fields=["desk", "starts_at", "seat"],
                name="booking_one_person_per_place",
                violation_error_message=_("This place of the slot is already taken."),
            ),
            models.CheckConstraint(
                condition=models.Q(status="cancelled", seat__isnull=True)
                | (~models.Q(status="cancelled") & models.Q(seat__isnull=False, seat__gte=1)),
                name="booking_seat_iff_not_cancelled",
                violation_error_message=_("A cancelled booking frees its place; others hold one."),
            ),
            models.CheckConstraint(
                condition=models.Q(starts_at__lt=models.F("ends_at")),
                name="booking_starts_before_it_ends",
                violation_error_message=_("An appointment starts before it ends."),
            ),
            models.CheckConstraint(
                condition=~models.Q(phone="") | ~models.Q(email=""),
                name="booking_has_a_contact",
                violation_error_message=_("Give a phone number or an e-mail address."),
            ),
        ]
        indexes = [models.Index(fields=["desk", "starts_at"], name="booking_desk_start_idx")]

    def __str__(self):
        return self.code

    def clean(self):
        super().clean()
        if not (self.phone or self.email):
            raise ValidationError(_("Give a phone number or an e-mail address."))
        if self.channel and self.desk_id and not self.desk.offers(self.channel):
            raise ValidationError({"channel": _("The desk does not offer this channel.")})

    @property
    def is_cancellable(self):
        return self.status == self.Status.BOOKED
