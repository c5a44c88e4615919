"""Families' sign-ups for an event's session: personal data, seen only by the organization.

A sign-up is for one or more people: a name and a contact for the family, and each person's
age (checked against the event's age range, and nothing else about them). It holds as many
places as people. When the session is full it waits in line (``WAITING``) and moves up on its
own when places free (``directory/event_signups.py``). The code and the opaque cancel token
are what the family keeps; nothing personal ever goes into a URL.
"""

import secrets

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.event import EventSession
from linkrete.mail import MailStatus

# No 0/O, 1/I/L, 5/S, 2/Z: easy to read out on the phone (as the desks' booking codes).
CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789"
CODE_LENGTH = 8
# People one family signs up at once: the form shows this many age fields.
MAX_PEOPLE = 6


def new_signup_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_cancel_token():
    return secrets.token_urlsafe(32)


class EventSignupQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=EventSignup.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=EventSignup.Status.WAITING).order_by("created_at", "pk")

    def places_taken(self) -> int:
        return self.confirmed().aggregate(total=models.Sum("places"))["total"] or 0


class EventSignup(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("place confirmed")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    session = models.ForeignKey(
        EventSession,
        on_delete=models.CASCADE,
        related_name="signups",
        verbose_name=_("session"),
        # eventsignup_session_idx begins with it.
        db_index=False,
    )
    code = models.CharField(
        _("sign-up code"), max_length=CODE_LENGTH, unique=True, default=new_signup_code
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
    ages = ArrayField(
        models.PositiveSmallIntegerField(),
        verbose_name=_("ages of the people"),
        size=MAX_PEOPLE,
    )
    places = models.PositiveSmallIntegerField(_("places"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.CONFIRMED)
    privacy_consent_at = models.DateTimeField(_("privacy notice accepted at"))
    # One per sign-up form served: a form sent twice (double tap, resubmit) finds the sign-up
    # the first sending made instead of taking the places again.
    idempotency_key = models.CharField(
        _("form key"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    confirmation_mail = models.CharField(
        _("confirmation e-mail"), max_length=20, choices=MailStatus, default=MailStatus.NOT_NEEDED
    )
    # The last notice sent after the sign-up: moved up from the waiting list, session moved or
    # cancelled.
    notice_mail = models.CharField(
        _("notice e-mail"), max_length=20, choices=MailStatus, default=MailStatus.NOT_NEEDED
    )
    # Set when the reminder of the day before is queued (e-mail and/or text message): once.
    reminder_sent_at = models.DateTimeField(
        _("reminder sent at"), null=True, blank=True, editable=False
    )
    # Marked by the organization on the session's day or after: True came, False did not,
    # None not marked yet. Kept when the retention rule erases the name (the ages stay too),
    # so attendance by age band can still be counted.
    attended = models.BooleanField(_("came"), null=True, blank=True)

    objects = EventSignupQuerySet.as_manager()

    class Meta:
        verbose_name = _("event sign-up")
        verbose_name_plural = _("event sign-ups")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(places__gte=1, places__lte=MAX_PEOPLE),
                name="eventsignup_places_in_range",
                violation_error_message=_("Sign up from one to six people."),
            ),
            models.CheckConstraint(
                condition=~models.Q(phone="") | ~models.Q(email=""),
                name="eventsignup_has_a_contact",
                violation_error_message=_("Give a phone number or an e-mail address."),
            ),
        ]
        indexes = [
            # A session's sign-ups by status (places taken, the waiting line).
            models.Index(
                fields=["session", "status", "created_at"], name="eventsignup_session_idx"
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def is_cancellable(self):
        return self.status != self.Status.CANCELLED
