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
    operator_client, desk, django_capture_on_commit_callbacks
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

    with django_capture_on_commit_callbacks(execute=True):
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


# A date range ------------------------------------------------------------------------------
# Pinned on Monday 7 December 2026; the factory desk opens on Tuesdays, 9 to 12.

MONDAY = datetime.date(2026, 12, 7)
TUESDAYS = [datetime.date(2026, 12, 8), datetime.date(2026, 12, 15), datetime.date(2026, 12, 22)]


@pytest.fixture
def monday(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 7, 10, 0, tzinfo=local_zone()), tick=False)


def test_a_closure_over_a_period_closes_each_day_the_desk_opens(monday, operator_client, desk):
    response = operator_client.post(
        closures_url(desk),
        {"date": "2026-12-07", "date_to": "2026-12-20", "is_closed": "on", "reason": "Ferie"},
    )

    assert response.status_code == 302
    closed = DeskException.objects.filter(desk=desk).order_by("date")
    assert [(e.date, e.is_closed, e.reason) for e in closed] == [
        (TUESDAYS[0], True, "Ferie"),
        (TUESDAYS[1], True, "Ferie"),
    ]
    assert not desk_slots(desk, MONDAY, datetime.date(2026, 12, 20))
    assert desk_slots(desk, TUESDAYS[2], TUESDAYS[2])
    page = operator_client.get(closures_url(desk)).content.decode()
    assert "Salvato per 2 giorni" in page


def test_a_period_over_bookings_cancels_them_all_when_told(
    monday, operator_client, desk, django_capture_on_commit_callbacks
):
    first = booking_at(desk, TUESDAYS[0], datetime.time(9), email="anna@example.org")
    second = booking_at(desk, TUESDAYS[1], datetime.time(10), email="luca@example.org")
    after = booking_at(desk, TUESDAYS[2], datetime.time(9))
    data = {"date": "2026-12-08", "date_to": "2026-12-16", "is_closed": "on", "reason": "Ferie"}

    refused = operator_client.post(closures_url(desk), data)

    assert refused.status_code == 200
    assert "prenotazione cade fuori da questo orario" in refused.content.decode()
    assert not DeskException.objects.exists()  # not even the days before the first booking
    assert 'value="2026-12-16"' in refused.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        operator_client.post(closures_url(desk), data | {"cancel_bookings": "on"})

    for booking in (first, second, after):
        booking.refresh_from_db()
    assert (first.status, second.status, after.status) == ("cancelled", "cancelled", "booked")
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "luca@example.org"]


def test_special_hours_over_a_period_change_only_the_open_days(monday, operator_client, desk):
    operator_client.post(
        closures_url(desk),
        {"date": "2026-12-07", "date_to": "2026-12-13", "opens_at": "10:00", "closes_at": "11:00"},
    )

    assert list(DeskException.objects.values_list("date", "opens_at", "closes_at")) == [
        (TUESDAYS[0], datetime.time(10), datetime.time(11))
    ]


def test_a_closure_replaces_special_hours_given_earlier(monday, operator_client, desk):
    DeskExceptionFactory(
        desk=desk,
        date=TUESDAYS[1],
        is_closed=False,
        opens_at=datetime.time(9),
        closes_at=datetime.time(10),
    )

    operator_client.post(
        closures_url(desk), {"date": "2026-12-08", "date_to": "2026-12-22", "is_closed": "on"}
    )

    assert list(DeskException.objects.order_by("date").values_list("date", "is_closed")) == [
        (day, True) for day in TUESDAYS
    ]
    assert not desk_slots(desk, TUESDAYS[1], TUESDAYS[1])


@pytest.mark.parametrize(
    "date, date_to, message",
    [
        ("2026-12-20", "2026-12-10", "L’ultimo giorno viene prima del primo"),
        ("2026-12-07", "2027-03-10", "Al massimo 92 giorni alla volta (questi sono 94)"),
        ("2026-12-06", "2026-12-07", "Scegli oggi o una data successiva."),
        ("2026-12-07", "2029-01-01", "Scegli una data entro i prossimi due anni."),
        ("2026-12-07", "dopodomani", "Inserisci una data valida."),
    ],
)
def test_a_bad_period_gets_a_clear_message_and_keeps_what_was_typed(
    monday, operator_client, desk, date, date_to, message
):
    data = {"date": date, "date_to": date_to, "is_closed": "on", "reason": "Lavori"}

    response = operator_client.post(closures_url(desk), data)

    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert message in page
    assert 'value="Lavori"' in page and f'value="{date_to}"' in page
    assert not DeskException.objects.exists()


def test_a_period_without_open_days_says_nothing_would_change(monday, operator_client, desk):
    response = operator_client.post(
        closures_url(desk), {"date": "2026-12-09", "date_to": "2026-12-14", "is_closed": "on"}
    )

    assert "non apre in nessun giorno di questo periodo" in html.unescape(response.content.decode())
    assert not DeskException.objects.exists()


@pytest.mark.parametrize(
    "role, expected", [("other_desk_operator", 404), ("anonymous", 302), ("coordinator", 302)]
)
def test_who_may_close_a_desk_for_a_period(monday, client, desk, request, role, expected):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    data = {"date": "2026-12-08", "date_to": "2026-12-22", "is_closed": "on"}

    response = client.post(closures_url(desk), data)

    assert response.status_code == expected
    assert DeskException.objects.exists() == (role == "coordinator")
    if role == "anonymous":
        assert response["Location"].startswith(reverse("login"))


def test_a_period_is_listed_and_removed_as_one(monday, operator_client, desk, other_desk):
    operator_client.post(
        closures_url(desk),
        {"date": "2026-12-07", "date_to": "2026-12-22", "is_closed": "on", "reason": "Ferie"},
    )
    DeskExceptionFactory(desk=desk, date=datetime.date(2026, 12, 29), reason="Assemblea")
    foreign = DeskExceptionFactory(desk=other_desk, date=TUESDAYS[0])
    page = html.unescape(operator_client.get(closures_url(desk)).content.decode())
    assert "dal martedì 8 dicembre al martedì 22 dicembre 2026 (3 giorni)" in page
    assert page.count("Ferie") == 1 and "Assemblea" in page
    first = DeskException.objects.filter(desk=desk).order_by("date").first()
    others = DeskException.objects.filter(desk=desk, reason="Ferie").exclude(pk=first.pk)

    operator_client.post(
        reverse("sportelli:desk_closure_delete", kwargs={"slug": desk.slug, "pk": first.pk}),
        {"altri": [*others.values_list("pk", flat=True), foreign.pk, "x"]},
    )

    assert list(DeskException.objects.values_list("reason", flat=True).order_by("date")) == [
        "",
        "Assemblea",
    ]
