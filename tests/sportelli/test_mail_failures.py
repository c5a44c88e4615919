"""Nothing a family or an operator does is lost when the mail server fails, and a retried
booking confirmation never books a second place.

Views that tell the operator how the mail went read the outcome right after the commit, so
those tests commit for real (``transaction=True``); the others run the on-commit callbacks with
``django_capture_on_commit_callbacks``.
"""

import datetime
import logging
import threading
from zoneinfo import ZoneInfo

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from linkrete.mail import MailStatus
from sportelli import services
from sportelli.models import Booking, Channel, ReferralEvent
from sportelli.slots import bookable_window, desk_slots, local_zone
from tests.factories import BookingFactory, DeskFactory, DeskOpeningSlotFactory, OrganizationFactory

ROME = ZoneInfo("Europe/Rome")
# A Monday: the factory desk opens on Tuesday mornings, so tomorrow has free slots.
MONDAY = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=ROME)
EMAIL = "giulia.verdi@example.org"
NAME = "Giulia Verdi"


@pytest.fixture
def monday(time_machine):
    time_machine.move_to(MONDAY, tick=False)


def assert_log_is_anonymous(caplog, *personal):
    records = [r for r in caplog.records if r.name == "linkrete.mail"]
    assert records, "the failure was not logged"
    assert any(r.levelno >= logging.ERROR for r in records)
    for record in records:
        text = record.getMessage() + (record.exc_text or "")
        for value in personal:
            assert value not in text


def summary_url(desk):
    return reverse("sportelli:booking_summary", kwargs={"slug": desk.slug})


def walk_to_summary(client, desk, email=EMAIL):
    slug = {"slug": desk.slug}
    slot = desk_slots(desk, *bookable_window(desk))[0]
    client.post(reverse("sportelli:booking_channel", kwargs=slug), {"channel": "in_person"})
    client.post(reverse("sportelli:booking_slot", kwargs=slug), {"slot": slot.key})
    client.post(
        reverse("sportelli:booking_details", kwargs=slug),
        {"name": NAME, "phone": "3471112233", "email": email, "note": ""},
    )
    response = client.post(reverse("sportelli:booking_privacy", kwargs=slug), {"privacy": "on"})
    assert response.url == summary_url(desk), "the booking steps did not reach the summary"
    return client.get(summary_url(desk)).context["key"]


# Booking confirmation ----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_booking_with_a_failing_mail_server_shows_the_code_and_the_cancel_link(
    client, desk, desk_operator, monday, failing_mail, caplog, django_capture_on_commit_callbacks
):
    key = walk_to_summary(client, desk)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(summary_url(desk), {"key": key})

    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("sportelli:booking_done", kwargs={"token": booking.cancel_token})
    assert booking.confirmation_mail == MailStatus.FAILED
    assert mail.outbox == []
    done = client.get(response.url).content.decode()
    assert booking.code in done
    assert reverse("sportelli:booking_cancel", kwargs={"token": booking.cancel_token}) in done
    assert "Non siamo riusciti a inviarti la mail di conferma" in done
    assert_log_is_anonymous(caplog, EMAIL, NAME, "Giulia")
    assert any(booking.code in r.getMessage() for r in caplog.records)

    client.force_login(desk_operator)
    agenda = client.get(reverse("sportelli:console"), {"giorno": "2026-12-01"})
    assert booking.code in agenda.content.decode()
    assert "mail di conferma non inviata" in agenda.content.decode()


@pytest.mark.django_db
def test_a_sent_confirmation_is_recorded_and_the_agenda_shows_no_warning(
    client, desk, desk_operator, monday, django_capture_on_commit_callbacks
):
    key = walk_to_summary(client, desk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(summary_url(desk), {"key": key})

    booking = Booking.objects.get()
    assert booking.confirmation_mail == MailStatus.SENT
    assert len(mail.outbox) == 1
    client.force_login(desk_operator)
    agenda = client.get(reverse("sportelli:console"), {"giorno": "2026-12-01"})
    assert booking.code in agenda.content.decode()
    assert "non inviata" not in agenda.content.decode()


@pytest.mark.django_db
def test_a_booking_without_an_address_needs_no_mail(client, desk, monday):
    key = walk_to_summary(client, desk, email="")
    client.post(summary_url(desk), {"key": key})
    assert Booking.objects.get().confirmation_mail == MailStatus.NOT_NEEDED


@pytest.mark.django_db
def test_a_resubmitted_confirmation_shows_the_same_booking_instead_of_booking_again(
    client, desk, monday
):
    key = walk_to_summary(client, desk)
    first = client.post(summary_url(desk), {"key": key})

    # Back to the summary and confirm again: the session no longer holds the steps.
    again = client.post(summary_url(desk), {"key": key})

    assert Booking.objects.count() == 1
    assert again.status_code == 302 and again.url == first.url


@pytest.mark.django_db
def test_a_retry_after_an_error_with_the_steps_still_in_the_session_books_once(
    client, desk, monday
):
    key = walk_to_summary(client, desk)
    state_key = f"sportelli-booking-{desk.pk}"
    state = client.session[state_key]
    first = client.post(summary_url(desk), {"key": key})
    # As if the first answer never reached the person (an error page, a lost connection):
    # the session still holds every step, and the button is pressed again.
    session = client.session
    session[state_key] = state
    session.save()

    again = client.post(summary_url(desk))  # even without the key in the form

    assert Booking.objects.count() == 1
    assert again.url == first.url
    assert state_key not in client.session


@pytest.mark.django_db
def test_two_confirmations_racing_with_the_same_key_make_one_booking(desk, monday, monkeypatch):
    """The second request checked for the key before the first one saved: the database's unique
    key refuses its row, and it returns the first one's booking."""
    desk.capacity = 2  # a free place left: only the key can refuse the second row
    desk.save()
    common = {
        "desk": desk,
        "starts_at": desk_slots(desk, *bookable_window(desk))[0].starts_at,
        "channel": Channel.IN_PERSON,
        "name": NAME,
        "phone": "3471112233",
        "privacy_consent": True,
        "idempotency_key": "the-same-key",
    }
    first = services.booking_create(**common)
    lookups = []
    real_lookup = services._booking_with_key

    def lookup_too_early_once(key):
        lookups.append(key)
        return None if len(lookups) == 1 else real_lookup(key)

    monkeypatch.setattr(services, "_booking_with_key", lookup_too_early_once)
    second = services.booking_create(**common)

    assert second == first
    assert Booking.objects.count() == 1
    assert len(lookups) == 2  # the early check, then the one after the refused insert


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_a_double_click_sends_two_requests_at_once_and_books_one_place(monday):
    desk = DeskFactory(capacity=3)
    DeskOpeningSlotFactory(desk=desk)
    client = Client()
    key = walk_to_summary(client, desk, email="")
    twin = Client()
    twin.cookies = client.cookies
    barrier = threading.Barrier(2)
    results, errors = [], []

    def confirm(c):
        try:
            barrier.wait(timeout=10)
            results.append(c.post(summary_url(desk), {"key": key}))
        except Exception as error:  # surfaced below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(c,)) for c in (client, twin)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert Booking.objects.count() == 1
    done = reverse("sportelli:booking_done", kwargs={"token": Booking.objects.get().cancel_token})
    assert [r.url for r in results] == [done, done]


# Closures ----------------------------------------------------------------------------------


def booking_on(desk, day, wall_time, **fields):
    starts_at = datetime.datetime.combine(day, wall_time, tzinfo=local_zone())
    return BookingFactory(
        desk=desk,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=desk.slot_minutes),
        **fields,
    )


def texts(response, level=None):
    return [
        m.message for m in get_messages(response.wsgi_request) if level is None or m.level == level
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_a_closure_is_saved_when_the_cancellation_mails_fail_and_the_operator_is_told(
    client, desk, desk_operator, monday, failing_mail, caplog
):
    day = datetime.date(2026, 12, 1)
    with_mail = booking_on(desk, day, datetime.time(9), seat=1, email=EMAIL, name=NAME)
    phone_only = booking_on(desk, day, datetime.time(9, 30), seat=1, name="Anna Neri")
    client.force_login(desk_operator)

    response = client.post(
        reverse("sportelli:desk_closures", kwargs={"slug": desk.slug}),
        {
            "date": day.isoformat(),
            "is_closed": "on",
            "reason": "Assemblea",
            "cancel_bookings": "on",
        },
    )

    assert response.status_code == 302
    with_mail.refresh_from_db()
    phone_only.refresh_from_db()
    assert with_mail.status == phone_only.status == Booking.Status.CANCELLED
    assert with_mail.cancellation_mail == MailStatus.FAILED
    assert phone_only.cancellation_mail == MailStatus.NOT_NEEDED
    errors = texts(response, messages.ERROR)
    assert len(errors) == 1 and with_mail.code in errors[0]
    assert any(phone_only.code in t for t in texts(response, messages.WARNING))
    assert_log_is_anonymous(caplog, EMAIL, NAME)
    agenda = client.get(reverse("sportelli:console"), {"giorno": day.isoformat()})
    assert "mail di annullamento non inviata" in agenda.content.decode()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_the_operator_is_told_how_many_people_got_the_cancellation_mail(
    client, desk, desk_operator, monday
):
    day = datetime.date(2026, 12, 1)
    booking = booking_on(desk, day, datetime.time(9), seat=1, email=EMAIL)
    client.force_login(desk_operator)

    response = client.post(
        reverse("sportelli:desk_closures", kwargs={"slug": desk.slug}),
        {
            "date": day.isoformat(),
            "is_closed": "on",
            "reason": "Assemblea",
            "cancel_bookings": "on",
        },
    )

    booking.refresh_from_db()
    assert booking.cancellation_mail == MailStatus.SENT
    assert "1 persona è stata avvisata via e-mail." in texts(response, messages.INFO)
    assert texts(response, messages.ERROR) == []


# Referrals ---------------------------------------------------------------------------------


def send_referral(client, desk, organization):
    return client.post(
        reverse("sportelli:referral_create"),
        {
            "sender": f"desk-{desk.pk}",
            "to_organization": organization.pk,
            "person_name": "Fatima Benali",
            "person_contact": "3339876543",
            "need": "Corso di italiano serale.",
            "consent_to_share": "on",
        },
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_a_referral_is_saved_when_its_mail_fails_and_the_operator_and_the_detail_say_so(
    client, desk, desk_operator, organization, failing_mail, caplog
):
    client.force_login(desk_operator)

    response = send_referral(client, desk, organization)

    referral = organization.referrals_received.get()
    assert response.status_code == 302 and response.url == referral.get_absolute_url()
    assert referral.events.get().mail == MailStatus.FAILED
    assert texts(response, messages.ERROR) == [
        "Non è stato possibile inviare la mail all'ente: avvisalo per telefono."
    ]
    detail = client.get(response.url).content.decode()
    assert "Non è stato possibile inviare la mail: avvisalo per telefono." in detail
    assert_log_is_anonymous(caplog, organization.email, "Fatima", "3339876543")


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_the_operator_learns_the_organization_was_notified(
    client, desk, desk_operator, organization
):
    client.force_login(desk_operator)
    response = send_referral(client, desk, organization)
    assert "L'ente è stato avvisato via e-mail." in texts(response, messages.SUCCESS)
    assert "Avvisato via e-mail." in client.get(response.url).content.decode()
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_the_operator_is_asked_to_phone_an_organization_without_an_address(
    client, desk, desk_operator
):
    no_address = OrganizationFactory(email="")
    client.force_login(desk_operator)
    response = send_referral(client, desk, no_address)
    assert texts(response, messages.WARNING) == [
        "L'ente non ha un indirizzo e-mail: avvisalo per telefono."
    ]
    assert no_address.referrals_received.get().events.get().mail == MailStatus.NOT_NEEDED
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_a_status_change_is_saved_when_the_mail_to_the_sender_fails(
    client, desk, desk_operator, organization, staff, failing_mail, caplog
):
    referral = services.referral_create(
        sent_by=desk_operator,
        from_desk=desk,
        to_organization=organization,
        person_name="Fatima Benali",
        person_contact="3339876543",
        need="Corso di italiano serale.",
        consent_to_share=True,
    )
    client.force_login(staff)

    response = client.post(
        reverse("sportelli:referral_transition", kwargs={"uuid": referral.uuid}),
        {"to_status": "accepted"},
    )

    referral.refresh_from_db()
    assert response.status_code == 302
    assert referral.status == "accepted"
    assert ReferralEvent.objects.filter(referral=referral).last().mail == MailStatus.FAILED
    assert any("mittente" in t for t in texts(response, messages.ERROR))
    assert_log_is_anonymous(caplog, desk_operator.email, "Fatima")
