"""Booking an appointment through the plain GET/POST steps, and cancelling it."""

import datetime
import re

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from sportelli.models import CODE_ALPHABET, CODE_LENGTH, Booking
from sportelli.slots import bookable_window, desk_slots, slot_key
from sportelli.views.public import BOOKING_STATE_SECONDS, BOOKINGS_PER_HOUR
from tests.factories import BookingFactory, DeskExceptionFactory, category

# Free slots, agendas and retention depend on the day: every test here runs at PINNED_NOW.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

PERSON = {
    "name": "Giulia Verdi",
    "phone": "3471112233",
    "email": "giulia.verdi@example.org",
    "note": "Ho bisogno di aiuto per lo SPID.",
}


def url(name, desk, **kwargs):
    return reverse(f"sportelli:{name}", kwargs={"slug": desk.slug, **kwargs})


def free_slots(desk):
    return desk_slots(desk, *bookable_window(desk))


def errors_of(response):
    return [m for m in get_messages(response.wsgi_request) if m.level == messages.ERROR]


def walk_to_summary(client, desk, slot=None, **details):
    slot = slot or free_slots(desk)[0]
    response = client.post(url("booking_channel", desk), {"channel": "in_person"})
    assert response.url == url("booking_slot", desk)
    response = client.post(url("booking_slot", desk), {"slot": slot.key})
    assert response.url == url("booking_details", desk), response.content.decode()[:2000]
    data = PERSON | {"topic": category("digital-divide").pk} | details
    response = client.post(url("booking_details", desk), data)
    assert response.url == url("booking_privacy", desk)
    response = client.post(url("booking_privacy", desk), {"privacy": "on"})
    assert response.url == url("booking_summary", desk)
    return slot


def test_a_person_books_gets_a_code_an_ics_and_an_email_and_can_cancel(
    client, desk, django_capture_on_commit_callbacks
):
    for step in ("booking_channel",):
        assert client.get(url(step, desk)).status_code == 200
    slot = walk_to_summary(client, desk)
    summary = client.get(url("booking_summary", desk))
    assert PERSON["name"] in summary.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("booking_summary", desk))

    booking = Booking.objects.get()
    assert response.url == reverse("sportelli:booking_done", kwargs={"token": booking.cancel_token})
    assert (booking.starts_at, booking.seat, booking.status) == (slot.starts_at, 1, "booked")
    assert booking.name == PERSON["name"] and booking.topic == category("digital-divide")
    assert booking.privacy_consent_at is not None
    assert re.fullmatch(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}", booking.code)

    done = client.get(response.url).content.decode()
    assert booking.code in done

    ics = client.get(reverse("sportelli:booking_ics", kwargs={"token": booking.cancel_token}))
    assert ics["Content-Type"].startswith("text/calendar")
    body = ics.content.decode()
    assert f"DTSTART:{slot_key(slot.starts_at)}" in body and booking.code in body
    assert PERSON["name"] not in body

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [PERSON["email"]] and booking.code in message.subject
    cancel_url = reverse("sportelli:booking_cancel", kwargs={"token": booking.cancel_token})
    assert cancel_url in message.body

    assert client.get(cancel_url).status_code == 200
    client.post(cancel_url)
    booking.refresh_from_db()
    assert (booking.status, booking.seat) == ("cancelled", None)
    assert booking.cancelled_at is not None
    assert free_slots(desk)[0].starts_at == slot.starts_at


def test_the_session_is_cleared_after_booking_so_a_second_visit_starts_over(client, desk):
    walk_to_summary(client, desk)
    client.post(url("booking_summary", desk))
    response = client.get(url("booking_summary", desk))
    assert response.url == url("booking_channel", desk)


def test_a_booking_left_half_way_is_forgotten_after_a_while(client, desk):
    walk_to_summary(client, desk)
    session = client.session
    key = f"sportelli-booking-{desk.pk}"
    session[key]["started"] -= BOOKING_STATE_SECONDS + 1
    session.save()

    response = client.get(url("booking_summary", desk))

    assert response.url == url("booking_channel", desk)
    assert key not in client.session


def test_no_mail_without_an_address(client, desk):
    walk_to_summary(client, desk, email="")
    client.post(url("booking_summary", desk))
    assert Booking.objects.count() == 1
    assert mail.outbox == []


def test_personal_data_never_appear_in_urls(client, desk):
    walk_to_summary(client, desk)
    response = client.post(url("booking_summary", desk))
    for value in (PERSON["name"], PERSON["phone"], PERSON["email"], "Giulia"):
        assert value not in response.url
    booking = Booking.objects.get()
    assert str(booking.pk) not in response.url.split("/")


def test_an_unknown_desk_is_a_404(client):
    for name in ("desk_detail", "booking_channel", "booking_slot", "booking_summary"):
        assert (
            client.get(reverse(f"sportelli:{name}", kwargs={"slug": "nessuno"})).status_code == 404
        )


def test_an_unknown_token_is_a_404(client):
    for name in ("booking_done", "booking_ics", "booking_cancel"):
        assert (
            client.get(reverse(f"sportelli:{name}", kwargs={"token": "x" * 43})).status_code == 404
        )


def test_skipping_steps_sends_back_to_the_first_missing_one(client, desk):
    assert client.get(url("booking_summary", desk)).url == url("booking_channel", desk)
    client.post(url("booking_channel", desk), {"channel": "phone"})
    assert client.get(url("booking_details", desk)).url == url("booking_slot", desk)


def test_a_channel_the_desk_does_not_offer_is_refused(client, desk):
    response = client.post(url("booking_channel", desk), {"channel": "video"})
    assert response.status_code == 200
    assert client.get(url("booking_slot", desk)).url == url("booking_channel", desk)


def _post_slot(client, desk, key):
    client.post(url("booking_channel", desk), {"channel": "in_person"})
    return client.post(url("booking_slot", desk), {"slot": key})


def test_a_forged_slot_is_refused_with_a_clear_message(client, desk):
    real = free_slots(desk)[0]
    forged = slot_key(real.starts_at + datetime.timedelta(minutes=10))
    response = _post_slot(client, desk, forged)
    assert response.status_code == 200
    assert "slot" in response.context["form"].errors
    assert client.get(url("booking_details", desk)).url == url("booking_slot", desk)


def test_garbage_in_the_slot_field_is_refused(client, desk):
    response = _post_slot(client, desk, "<script>")
    assert response.status_code == 200
    assert "slot" in response.context["form"].errors


def test_a_slot_in_the_past_is_refused(client, desk):
    past = free_slots(desk)[0].starts_at - datetime.timedelta(weeks=1)
    response = _post_slot(client, desk, slot_key(past))
    assert "slot" in response.context["form"].errors


def test_a_slot_on_a_closed_day_is_refused(client, desk):
    slot = free_slots(desk)[0]
    DeskExceptionFactory(desk=desk, date=slot.local_start.date(), is_closed=True)
    response = _post_slot(client, desk, slot.key)
    assert "slot" in response.context["form"].errors


def test_an_overlong_note_gets_a_clear_message_and_nothing_is_kept(client, desk):
    slot = free_slots(desk)[0]
    _post_slot(client, desk, slot.key)
    response = client.post(url("booking_details", desk), PERSON | {"note": "x" * 501})
    assert response.status_code == 200
    assert "note" in response.context["form"].errors
    assert 'id="form-errors"' in response.content.decode()
    assert client.get(url("booking_privacy", desk)).url == url("booking_details", desk)
    assert Booking.objects.count() == 0


def test_a_phone_or_an_email_is_needed(client, desk):
    _post_slot(client, desk, free_slots(desk)[0].key)
    response = client.post(url("booking_details", desk), {"name": "Giulia"})
    assert response.context["form"].non_field_errors()


def test_consent_is_needed(client, desk):
    _post_slot(client, desk, free_slots(desk)[0].key)
    client.post(url("booking_details", desk), PERSON)
    response = client.post(url("booking_privacy", desk), {})
    assert "privacy" in response.context["form"].errors
    assert client.get(url("booking_summary", desk)).url == url("booking_privacy", desk)


def test_a_slot_taken_meanwhile_sends_back_to_choose_keeping_what_was_typed(client, desk):
    slot = walk_to_summary(client, desk)
    BookingFactory(desk=desk, starts_at=slot.starts_at, seat=1)

    response = client.post(url("booking_summary", desk))

    assert response.url == url("booking_slot", desk)
    assert len(errors_of(response)) == 1
    assert Booking.objects.count() == 1  # only the other person's
    page = client.get(url("booking_slot", desk)).content.decode()
    assert slot.key not in page
    # Choosing again leads straight on; the details are still there.
    other = free_slots(desk)[0]
    client.post(url("booking_slot", desk), {"slot": other.key})
    details = client.get(url("booking_details", desk)).content.decode()
    assert PERSON["name"] in details and PERSON["note"] in details


def test_too_many_bookings_from_one_client_are_refused_keeping_what_was_typed(client, desk):
    desk.capacity = BOOKINGS_PER_HOUR + 1
    desk.save()
    slot = free_slots(desk)[0]
    for _ in range(BOOKINGS_PER_HOUR):
        walk_to_summary(client, desk, slot)
        assert "/prenotazione/" in client.post(url("booking_summary", desk)).url
    walk_to_summary(client, desk, slot)

    response = client.post(url("booking_summary", desk))

    assert response.url == url("booking_summary", desk)
    assert len(errors_of(response)) == 1
    assert Booking.objects.count() == BOOKINGS_PER_HOUR
    assert PERSON["name"] in client.get(url("booking_summary", desk)).content.decode()


def test_cancelling_twice_or_after_the_start_is_refused(client, desk):
    booking = BookingFactory(desk=desk)
    cancel = reverse("sportelli:booking_cancel", kwargs={"token": booking.cancel_token})
    client.post(cancel)
    response = client.post(cancel)
    assert len(errors_of(response)) == 1

    an_hour_ago = timezone.now().replace(microsecond=0) - datetime.timedelta(hours=1)
    started = BookingFactory(desk=desk, starts_at=an_hour_ago, seat=1)
    response = client.post(
        reverse("sportelli:booking_cancel", kwargs={"token": started.cancel_token})
    )
    started.refresh_from_db()
    assert started.status == "booked"
    assert len(errors_of(response)) == 2  # the first refusal's message is still unread


def test_the_week_pages_cover_four_weeks(client, desk):
    client.post(url("booking_channel", desk), {"channel": "in_person"})
    found = 0
    for week in range(4):
        page = client.get(url("booking_slot", desk) + f"?settimana={week}").content.decode()
        found += page.count('name="slot"')
    assert found >= 3 * 6  # at least three Tuesdays of six slots (today may be one)
