"""Operators close their desk on a date or give special hours, from the console."""

import datetime
import html

import pytest
from django.core import mail
from django.urls import reverse

from sportelli.models import Booking, DeskException
from sportelli.slots import bookable_window, desk_slots, local_zone
from tests.factories import BookingFactory, DeskExceptionFactory

# Free slots, agendas and retention depend on the day: every test here runs at PINNED_NOW.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


def closures_url(desk):
    return reverse("sportelli:desk_closures", kwargs={"slug": desk.slug})


def next_open_day(desk):
    return desk_slots(desk, *bookable_window(desk))[-1].local_start.date()


def booking_at(desk, day, wall_time, **fields):
    starts_at = datetime.datetime.combine(day, wall_time, tzinfo=local_zone())
    return BookingFactory(
        desk=desk,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=desk.slot_minutes),
        seat=1,
        **fields,
    )


@pytest.fixture
def operator_client(client, desk_operator):
    client.force_login(desk_operator)
    return client


def test_a_closure_on_a_free_day_removes_its_slots(operator_client, desk):
    day = next_open_day(desk)

    response = operator_client.post(
        closures_url(desk), {"date": day.isoformat(), "is_closed": "on", "reason": "Festa"}
    )

    assert response.status_code == 302
    assert not desk_slots(desk, day, day)
    page = operator_client.get(closures_url(desk)).content.decode()
    assert "Festa" in page
    assert "Festa" in operator_client.get(desk.get_absolute_url()).content.decode()


def test_a_closure_over_bookings_is_refused_until_the_operator_says_to_cancel_them(
    operator_client, desk
):
    day = next_open_day(desk)
    kept = booking_at(desk, day, datetime.time(9), email="anna@example.org", name="Anna Neri")
    data = {"date": day.isoformat(), "is_closed": "on", "reason": "Assemblea"}

    refused = operator_client.post(closures_url(desk), data)

    assert refused.status_code == 200
    assert "1 prenotazione cade fuori da questo orario" in refused.content.decode()
    assert 'value="Assemblea"' in refused.content.decode()  # what was typed is kept
    assert not DeskException.objects.filter(desk=desk).exists()
    kept.refresh_from_db()
    assert kept.status == Booking.Status.BOOKED

    operator_client.post(closures_url(desk), data | {"cancel_bookings": "on"})

    kept.refresh_from_db()
    assert kept.status == Booking.Status.CANCELLED and kept.seat is None
    assert DeskException.objects.filter(desk=desk, date=day).count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@example.org"]
    assert "Assemblea" in mail.outbox[0].body
    assert desk.get_absolute_url() in mail.outbox[0].body


def test_special_hours_cancel_only_the_bookings_they_leave_out(operator_client, desk):
    day = next_open_day(desk)
    inside = booking_at(desk, day, datetime.time(9))
    outside = booking_at(desk, day, datetime.time(11))

    operator_client.post(
        closures_url(desk),
        {
            "date": day.isoformat(),
            "opens_at": "09:00",
            "closes_at": "10:00",
            "cancel_bookings": "on",
        },
    )

    inside.refresh_from_db()
    outside.refresh_from_db()
    assert inside.status == Booking.Status.BOOKED
    assert outside.status == Booking.Status.CANCELLED
    assert mail.outbox == []  # the factory's bookings left no e-mail address


@pytest.mark.parametrize(
    "data, message",
    [
        ({"date": "2000-01-01", "is_closed": "on"}, "Scegli oggi o una data successiva."),
        ({"date": "domani", "is_closed": "on"}, "Inserisci una data valida."),
        ({"date": "{day}", "opens_at": "12:00", "closes_at": "09:00"}, "precedere la chiusura"),
        ({"date": "{day}", "opens_at": "09:00"}, "Indicare l'ora di apertura"),
        ({"date": "{day}", "is_closed": "on", "opens_at": "09:00"}, "non ha orari"),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(operator_client, desk, data, message):
    day = next_open_day(desk).isoformat()
    data = {key: value.format(day=day) for key, value in data.items()}

    response = operator_client.post(closures_url(desk), data)

    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    assert not DeskException.objects.exists()


def test_removing_a_closure_gives_the_slots_back(operator_client, desk):
    day = next_open_day(desk)
    closure = DeskExceptionFactory(desk=desk, date=day)
    assert not desk_slots(desk, day, day)

    operator_client.post(
        reverse("sportelli:desk_closure_delete", kwargs={"slug": desk.slug, "pk": closure.pk})
    )

    assert desk_slots(desk, day, day)


def test_a_closure_of_another_desk_cannot_be_removed(operator_client, desk, other_desk):
    closure = DeskExceptionFactory(desk=other_desk, date=next_open_day(other_desk))

    response = operator_client.post(
        reverse("sportelli:desk_closure_delete", kwargs={"slug": desk.slug, "pk": closure.pk})
    )

    assert response.status_code == 404
    assert DeskException.objects.filter(pk=closure.pk).exists()


def test_the_closures_page_query_count_does_not_grow(
    operator_client, desk, django_assert_max_num_queries
):
    for days in range(1, 30):
        DeskExceptionFactory(desk=desk, date=datetime.date.today() + datetime.timedelta(days))
    with django_assert_max_num_queries(8):
        assert operator_client.get(closures_url(desk)).status_code == 200


def test_a_date_years_ahead_is_refused_as_a_typo(operator_client, desk):
    for date in ("9999-12-31", "2099-01-01"):
        response = operator_client.post(closures_url(desk), {"date": date, "is_closed": "on"})

        assert response.status_code == 200
        assert "Scegli una data entro i prossimi due anni." in response.content.decode()
    assert not DeskException.objects.exists()
