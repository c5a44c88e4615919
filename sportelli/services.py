"""Writes that span several rows, send mail or must hold under concurrency."""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.models import (
    Activity,
    Category,
    Language,
    Municipality,
    Network,
    Organization,
    source_type_of,
)
from linkrete.mail import Mail, MailStatus, Outcome, send_after_commit
from sportelli.models import (
    Access,
    Booking,
    Desk,
    DeskException,
    NeedSignal,
    Referral,
    ReferralEvent,
    ReferralStatus,
)
from sportelli.models.booking import new_booking_code
from sportelli.slots import desk_slots, find_bookable_slot, local_zone

logger = logging.getLogger(__name__)


class SlotUnavailable(Exception):
    """The slot is not (or no longer) offered: full, past, closed or never offered."""


def _free_seat(desk: Desk, starts_at: datetime.datetime) -> int | None:
    taken = set(
        Booking.objects.active()
        .filter(desk=desk, starts_at=starts_at)
        .values_list("seat", flat=True)
    )
    if len(taken) >= desk.capacity:
        return None
    return next(seat for seat in range(1, desk.capacity + 1) if seat not in taken)


def booking_create(
    *,
    desk: Desk,
    starts_at: datetime.datetime,
    channel: str,
    name: str,
    phone: str = "",
    email: str = "",
    topic: Category | None = None,
    language: Language | None = None,
    note: str = "",
    privacy_consent: bool,
    cancel_url_template: str = "",
    idempotency_key: str | None = None,
    interface_language: str | None = None,
) -> Booking:
    """Book a place in a slot. The seat number, unique per slot, makes the database refuse a
    second person on the last place; a losing request retries with the next seat, if any.

    ``idempotency_key`` makes a retried confirmation (double click, resubmit, retry after an
    error) return the booking the first one made instead of booking a second place.
    ``cancel_url_template`` holds ``{token}``, replaced to put the cancel link in the e-mail,
    which leaves after the commit; ``booking.confirmation_mail`` says how it went.
    ``interface_language`` (by default the active one) is the language its e-mails speak.
    """
    if idempotency_key and (existing := _booking_with_key(idempotency_key)):
        return existing
    if not privacy_consent:
        raise ValidationError(_("Accept the privacy notice to book."))
    slot = find_bookable_slot(desk, starts_at)
    if slot is None:
        raise SlotUnavailable
    booking = Booking(
        desk=desk,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        channel=channel,
        name=name,
        phone=phone,
        email=email,
        topic=topic,
        language=language,
        note=note,
        interface_language=booking_language(interface_language or translation.get_language()),
        privacy_consent_at=timezone.now(),
        idempotency_key=idempotency_key or None,
        confirmation_mail=MailStatus.PENDING if email else MailStatus.NOT_NEEDED,
    )
    # Constraints on the seat and the key are the database's job (see below); check everything
    # else first.
    booking.full_clean(exclude={"seat", "idempotency_key"})
    with transaction.atomic():
        for _attempt in range(desk.capacity + 1):
            seat = _free_seat(desk, slot.starts_at)
            if seat is None:
                raise SlotUnavailable
            booking.seat = seat
            try:
                with transaction.atomic():
                    booking.save()
                break
            except IntegrityError:
                if idempotency_key and (existing := _booking_with_key(idempotency_key)):
                    # The same confirmation, sent twice at once, won the race: that's the one.
                    return existing
                # Someone took this seat between our read and our write: read again.
                booking.pk = None
                booking.code = new_booking_code()
                continue
        else:
            raise SlotUnavailable
    logger.debug("Booking created at desk %s for %s", desk.pk, slot.starts_at.isoformat())
    if booking.email:
        _send_booking_mail(booking, cancel_url_template)
    return booking


def booking_language(code: str | None) -> str:
    """One of the interface languages (``settings.LANGUAGES``), else the site's."""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _booking_with_key(key: str) -> Booking | None:
    return Booking.objects.filter(idempotency_key=key).first()


def _send_booking_mail(booking: Booking, cancel_url_template: str):
    with translation.override(booking.interface_language):
        mail = _booking_mail(booking, cancel_url_template)
    send_after_commit(mail, Outcome.on(booking, "confirmation_mail"))


def _booking_mail(booking: Booking, cancel_url_template: str) -> Mail:
    context = {
        "booking": booking,
        "desk": booking.desk,
        "cancel_url": cancel_url_template.format(token=booking.cancel_token),
    }
    return Mail(
        kind="booking_confirmed",
        reference=f"booking {booking.code}",
        subject=_("Your appointment at %(desk)s, code %(code)s")
        % {"desk": booking.desk.name, "code": booking.code},
        body=render_to_string("sportelli/email/booking_confirmed.txt", context),
        to=booking.email,
    )


def booking_set_status(*, booking: Booking, status: str) -> Booking:
    """Mark a booking done, no-show or cancelled (operators), freeing the place on cancel."""
    if status not in Booking.Status.values:
        raise ValidationError(_("Unknown status."))
    with transaction.atomic():
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.status == Booking.Status.CANCELLED:
            raise ValidationError(_("This booking was cancelled and cannot change any more."))
        booking.status = status
        if status == Booking.Status.CANCELLED:
            booking.seat = None
            booking.cancelled_at = timezone.now()
        booking.full_clean()
        booking.save()
    return booking


def booking_cancel(*, booking: Booking) -> Booking:
    """The person cancels through the link they were given."""
    if not booking.is_cancellable:
        raise ValidationError(_("This booking can no longer be cancelled."))
    if booking.starts_at <= timezone.now():
        raise ValidationError(_("This appointment has already started."))
    return booking_set_status(booking=booking, status=Booking.Status.CANCELLED)


def bookings_outside_hours(desk: Desk, day: datetime.date) -> list[Booking]:
    """Active bookings of ``day`` that no longer fall on a slot the desk offers that day."""
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=local_zone())
    offered = {
        slot.starts_at
        for slot in desk_slots(
            desk, day, day, now=start - datetime.timedelta(seconds=1), include_full=True
        )
    }
    bookings = Booking.objects.active().filter(
        desk=desk, starts_at__gte=start, starts_at__lt=start + datetime.timedelta(days=1)
    )
    return [booking for booking in bookings if booking.starts_at not in offered]


class BookingsAffected(ValidationError):
    """The change would leave bookings outside the hours and the operator did not say to cancel
    them: nothing was saved."""


def desk_exception_add(
    *, exception: DeskException, cancel_bookings: bool, desk_url: str = ""
) -> list[Booking]:
    """Save a closure or special hours of ``exception.desk``.

    Bookings the change leaves outside the hours are cancelled, and the people who gave an
    e-mail are told, only when ``cancel_bookings`` is set; otherwise nothing is saved and
    ``BookingsAffected`` says how many bookings would be touched. Returns the cancelled ones.
    ``desk_url``, the desk's public page, goes in the e-mail for booking another time.
    """
    exception.full_clean()
    with transaction.atomic():
        exception.save()
        affected = bookings_outside_hours(exception.desk, exception.date)
        if affected and not cancel_bookings:
            raise BookingsAffected(
                ngettext(
                    "%(count)d booking falls outside these hours. Tick “cancel the bookings "
                    "outside the new hours” to cancel it (the person is told by e-mail if they "
                    "left an address), or move it with the person first.",
                    "%(count)d bookings fall outside these hours. Tick “cancel the bookings "
                    "outside the new hours” to cancel them (people are told by e-mail if they "
                    "left an address), or move them with the people first.",
                    len(affected),
                )
                % {"count": len(affected)},
                code="bookings_affected",
            )
        cancelled = [
            booking_set_status(booking=booking, status=Booking.Status.CANCELLED)
            for booking in affected
        ]
        for booking in cancelled:
            if booking.email:
                _send_cancelled_by_desk_mail(booking, exception, desk_url)
    return cancelled


def _send_cancelled_by_desk_mail(booking: Booking, exception: DeskException, desk_url: str):
    booking.cancellation_mail = MailStatus.PENDING
    booking.save(update_fields=["cancellation_mail"])
    # In the booking's language, whoever closes the desk (an operator, in Italian); the link
    # is translated first, while the operator's language still resolves it.
    desk_url = translate_url(desk_url, booking.interface_language)
    with translation.override(booking.interface_language):
        mail = Mail(
            kind="booking_cancelled_by_desk",
            reference=f"booking {booking.code}",
            subject=_("Your appointment at %(desk)s is cancelled") % {"desk": booking.desk.name},
            body=render_to_string(
                "sportelli/email/booking_cancelled_by_desk.txt",
                {
                    "booking": booking,
                    "desk": booking.desk,
                    "exception": exception,
                    "desk_url": desk_url,
                },
            ),
            to=booking.email,
        )
    send_after_commit(mail, Outcome.on(booking, "cancellation_mail"))


def access_log(
    *,
    desk: Desk,
    logged_by,
    occurred_at: datetime.datetime,
    channel: str,
    topics,
    age_band: str,
    gender: str,
    citizenship: str,
    municipality: Municipality | None,
    outcome: str,
    minutes: int,
    booking: Booking | None = None,
) -> Access:
    with transaction.atomic():
        access = Access(
            desk=desk,
            booking=booking,
            occurred_at=occurred_at,
            channel=channel,
            age_band=age_band,
            gender=gender,
            citizenship=citizenship,
            municipality=municipality,
            outcome=outcome,
            minutes=minutes,
            logged_by=logged_by,
        )
        access.full_clean()
        access.save()
        access.topics.set(topics)
        if booking is not None and booking.status == Booking.Status.BOOKED:
            booking_set_status(booking=booking, status=Booking.Status.DONE)
    return access


def referral_create(
    *,
    sent_by,
    from_desk: Desk | None = None,
    from_organization: Organization | None = None,
    to_organization: Organization | None = None,
    to_activity: Activity | None = None,
    to_desk: Desk | None = None,
    to_team=None,
    person_name: str,
    person_contact: str,
    need: str,
    consent_to_share: bool,
    note: str = "",
    source_type: str = "",
) -> Referral:
    with transaction.atomic():
        referral = Referral(
            source_type=source_type,
            sent_by=sent_by,
            from_desk=from_desk,
            from_organization=from_organization,
            to_organization=to_organization,
            to_activity=to_activity,
            to_desk=to_desk,
            to_team=to_team,
            person_name=person_name,
            person_contact=person_contact,
            need=need,
            consent_to_share=consent_to_share,
            consent_recorded_at=timezone.now(),
            note=note,
        )
        receiving = referral.target_organization()
        if receiving is None:
            raise ValidationError(
                _("Refer the person to one organization, one activity, one desk or one team.")
            )
        referral.receiving_organization = receiving
        referral.full_clean()
        referral.save()
        event = ReferralEvent.objects.create(
            referral=referral, from_status="", to_status=ReferralStatus.SENT, by=sent_by, note=""
        )
        _notify_receiving_side(referral, event)
    return referral


def referral_transition(
    *, referral: Referral, to_status: str, by, reason: str = "", outcome: str = "", note: str = ""
) -> Referral:
    """Move a referral along sent → accepted/declined → in progress → closed, and tell the
    sender. Any other move is refused."""
    with transaction.atomic():
        referral = Referral.objects.select_for_update().get(pk=referral.pk)
        current = referral.status
        if to_status not in referral.allowed_transitions():
            raise ValidationError(
                _("A referral cannot go from “%(from)s” to “%(to)s”.")
                % {
                    "from": ReferralStatus(current).label,
                    "to": ReferralStatus(to_status).label
                    if to_status in ReferralStatus.values
                    else to_status,
                }
            )
        referral.status = to_status
        if to_status == ReferralStatus.DECLINED:
            referral.decline_reason = reason.strip()
        if to_status == ReferralStatus.CLOSED:
            referral.outcome = outcome.strip()
        referral.full_clean()
        referral.save()
        event = ReferralEvent.objects.create(
            referral=referral, from_status=current, to_status=to_status, by=by, note=note.strip()
        )
        _notify_sender(referral, event)
    return referral


# Each mail's outcome goes on the event it tells about (``event.mail``), for the detail page.
# No personal data of the referred person in these e-mails: the reader signs in to see them.


def _notify_sender(referral: Referral, event: ReferralEvent):
    sender = referral.sent_by
    if sender is None or not sender.email:
        return
    _send_referral_mail(
        event,
        Mail(
            kind="referral_update",
            reference=f"referral {referral.pk}",
            subject=_("Referral update: %(status)s") % {"status": referral.get_status_display()},
            body=render_to_string("sportelli/email/referral_update.txt", {"referral": referral}),
            to=sender.email,
        ),
    )


def _notify_receiving_side(referral: Referral, event: ReferralEvent):
    organization = referral.receiving_organization
    if not organization.email:
        return
    _send_referral_mail(
        event,
        Mail(
            kind="referral_new",
            reference=f"referral {referral.pk}",
            subject=_("New referral from the network"),
            body=render_to_string("sportelli/email/referral_new.txt", {"referral": referral}),
            to=organization.email,
        ),
    )


def _send_referral_mail(event: ReferralEvent, mail: Mail):
    event.mail = MailStatus.PENDING
    event.save(update_fields=["mail"])
    send_after_commit(mail, Outcome.on(event, "mail"))


def need_signal_create(
    *, access_point: Organization, network: Network, area: str, municipality, age_band: str
) -> NeedSignal:
    """An anonymous emerging-need signal of an access point: no identity, no free text."""
    signal = NeedSignal(
        network=network,
        access_point=access_point,
        source_type=source_type_of(access_point),
        area=area,
        municipality=municipality,
        age_band=age_band,
    )
    signal.full_clean()
    signal.save()
    return signal
