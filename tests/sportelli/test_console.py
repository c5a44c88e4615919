"""The operator's console: agenda, booking outcomes, logging accesses, the list and CSV."""

import csv
import datetime
import html
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from sportelli.models import Access, Booking
from tests.factories import (
    AccessFactory,
    BookingFactory,
    DeskExceptionFactory,
    MunicipalityFactory,
    category,
)

# Free slots, agendas and retention depend on the day: every test here runs at PINNED_NOW.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

ROME = ZoneInfo("Europe/Rome")
# The week of the pinned tests: Monday 7 to Sunday 13 December 2026; the factory desk opens
# on Tuesday mornings, 9 to 12.
MONDAY = datetime.date(2026, 12, 7)
TUESDAY = datetime.date(2026, 12, 8)


def at(day, hour, minute=0):
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ROME)


def status_options(page, booking):
    """The (value, selected) options of the status select of ``booking`` in the agenda."""
    select = re.search(rf'<select name="status" id="status-{booking.pk}"[^>]*>(.*?)</select>', page)
    assert select, "no status control for this booking"
    return [
        (value, bool(selected))
        for value, selected in re.findall(r'<option value="([^"]+)"( selected)?>', select[1])
    ]


def access_data(**overrides):
    data = {
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "channel": "in_person",
        "topics": [category("digital-divide").pk, category("accesso-servizi").pk],
        "age_band": "30-44",
        "gender": "f",
        "citizenship": "non_eu",
        "municipality": "",
        "other_municipality": "",
        "outcome": "referral",
        "minutes": "20",
    }
    return data | overrides


def test_the_agenda_shows_the_days_bookings_of_the_operators_desks(
    client, desk, other_desk, desk_operator
):
    mine = BookingFactory(desk=desk, name="Persona Mia")
    BookingFactory(desk=other_desk, starts_at=mine.starts_at, name="Persona Altrui")
    client.force_login(desk_operator)
    day = timezone.localtime(mine.starts_at).date().isoformat()
    page = client.get(reverse("sportelli:console") + f"?giorno={day}").content.decode()
    assert "Persona Mia" in page and "Persona Altrui" not in page


def test_the_week_view_covers_monday_to_sunday(client, desk, desk_operator):
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(weeks=1)
    nine = datetime.time(9, tzinfo=timezone.get_current_timezone())
    for offset, name in ((0, "Lunedì"), (6, "Domenica"), (7, "Lunedì dopo")):
        day = monday + datetime.timedelta(days=offset)
        BookingFactory(desk=desk, name=name, starts_at=datetime.datetime.combine(day, nine))
    client.force_login(desk_operator)
    url = reverse("sportelli:console") + f"?giorno={monday + datetime.timedelta(days=3)}"
    page = client.get(url + "&vista=settimana").content.decode()
    assert "Lunedì<" in page and "Domenica" in page and "Lunedì dopo" not in page
    day_page = client.get(reverse("sportelli:console") + f"?giorno={monday}").content.decode()
    assert "Lunedì<" in day_page and "Domenica" not in day_page


def test_the_agenda_query_count_does_not_grow_with_bookings(
    client, desk, desk_operator, django_assert_max_num_queries
):
    start = timezone.now().replace(hour=8, minute=0, second=0, microsecond=0) + datetime.timedelta(
        days=1
    )
    url = reverse("sportelli:console") + f"?giorno={timezone.localtime(start).date()}"
    client.force_login(desk_operator)
    BookingFactory(desk=desk, starts_at=start, topic=category("digital-divide"))
    with django_assert_max_num_queries(8) as few:
        client.get(url)
    for n in range(1, 12):
        BookingFactory(
            desk=desk,
            starts_at=start + datetime.timedelta(minutes=30 * n),
            topic=category("digital-divide"),
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    page = response.content.decode()
    assert all(b.code in page for b in Booking.objects.all())


def test_an_operator_marks_a_booking_done_no_show_or_cancelled(
    client, desk, desk_operator, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 12, 8, 11, 0, tzinfo=ROME), tick=False)
    client.force_login(desk_operator)
    for status in ("done", "no_show", "cancelled"):
        booking = BookingFactory(desk=desk, starts_at=at(TUESDAY, 9))
        client.post(
            reverse("sportelli:booking_status", kwargs={"pk": booking.pk}), {"status": status}
        )
        booking.refresh_from_db()
        assert booking.status == status
        booking.delete()
    assert booking.seat is None


def test_a_forged_status_is_refused(client, desk, desk_operator):
    booking = BookingFactory(desk=desk)
    client.force_login(desk_operator)
    client.post(
        reverse("sportelli:booking_status", kwargs={"pk": booking.pk}), {"status": "booked2"}
    )
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_logging_a_walk_in_access(client, desk, desk_operator):
    client.force_login(desk_operator)
    url = reverse("sportelli:access_create", kwargs={"slug": desk.slug})
    assert client.get(url).status_code == 200
    response = client.post(url, access_data(municipality=str(desk.municipality_id)))
    assert response.status_code == 302
    access = Access.objects.get()
    assert (access.desk, access.logged_by, access.booking) == (desk, desk_operator, None)
    assert access.municipality == desk.municipality
    assert set(access.topics.values_list("slug", flat=True)) == {
        "digital-divide",
        "accesso-servizi",
    }


def test_logging_the_access_of_a_booking_marks_it_done(client, desk, desk_operator):
    booking = BookingFactory(desk=desk)
    client.force_login(desk_operator)
    url = reverse("sportelli:access_create", kwargs={"slug": desk.slug})
    assert client.get(f"{url}?prenotazione={booking.pk}").status_code == 200
    client.post(url, access_data(prenotazione=booking.pk))
    booking.refresh_from_db()
    assert booking.status == Booking.Status.DONE
    assert Access.objects.get().booking == booking


def test_a_booking_of_another_desk_cannot_be_attached(client, desk, other_desk, desk_operator):
    booking = BookingFactory(desk=other_desk)
    client.force_login(desk_operator)
    url = reverse("sportelli:access_create", kwargs={"slug": desk.slug})
    assert client.get(f"{url}?prenotazione={booking.pk}").status_code == 404
    assert client.post(url, access_data(prenotazione=booking.pk)).status_code == 404
    assert not Access.objects.exists()


def test_another_municipality_by_its_istat_name(client, desk, desk_operator):
    client.force_login(desk_operator)
    corsico = MunicipalityFactory(istat_code="015093", name="Corsico")
    url = reverse("sportelli:access_create", kwargs={"slug": desk.slug})
    client.post(url, access_data(other_municipality="corsico"))
    assert Access.objects.get().municipality == corsico


def test_an_unknown_municipality_name_gets_a_clear_message(client, desk, desk_operator):
    client.force_login(desk_operator)
    url = reverse("sportelli:access_create", kwargs={"slug": desk.slug})
    response = client.post(url, access_data(other_municipality="Atlantide"))
    assert "other_municipality" in response.context["form"].errors
    assert not Access.objects.exists()


def test_an_access_needs_topics_outcome_and_plausible_minutes(client, desk, desk_operator):
    client.force_login(desk_operator)
    url = reverse("sportelli:access_create", kwargs={"slug": desk.slug})
    response = client.post(url, access_data(topics=[], outcome="", minutes="9999"))
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"topics", "outcome", "minutes"}
    assert not Access.objects.exists()


def test_an_access_in_the_future_is_refused(client, desk, desk_operator):
    client.force_login(desk_operator)
    later = (timezone.localtime() + datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("sportelli:access_create", kwargs={"slug": desk.slug}),
        access_data(occurred_at=later),
    )
    assert "occurred_at" in response.context["form"].errors


def test_the_access_list_filters_and_keeps_to_own_desks(client, desk, other_desk, desk_operator):
    AccessFactory(desk=desk, outcome="information", minutes=11)
    AccessFactory(desk=desk, outcome="case", minutes=22)
    AccessFactory(desk=other_desk, outcome="case", minutes=33)
    client.force_login(desk_operator)
    page = client.get(reverse("sportelli:access_list") + "?esito=case")
    assert [a.minutes for a in page.context["page"]] == [22]


def test_the_access_list_query_count_does_not_grow(
    client, desk, desk_operator, django_assert_max_num_queries
):
    client.force_login(desk_operator)
    AccessFactory(desk=desk, municipality=desk.municipality)
    with django_assert_max_num_queries(10) as few:
        client.get(reverse("sportelli:access_list"))
    for _n in range(15):
        AccessFactory(desk=desk, municipality=desk.municipality)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("sportelli:access_list"))


def test_the_csv_export_has_the_anonymous_profile_and_no_names(
    client, desk, other_desk, desk_operator
):
    booking = BookingFactory(desk=desk, name="Nome Riservato", phone="3330001111")
    AccessFactory(desk=desk, booking=booking, municipality=desk.municipality)
    AccessFactory(desk=desk, topics=[category("digital-divide"), category("accesso-servizi")])
    AccessFactory(desk=other_desk)
    client.force_login(desk_operator)
    response = client.get(reverse("sportelli:access_export"))
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode()
    assert "Nome Riservato" not in body and "3330001111" not in body
    assert desk_operator.username not in body
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 2
    assert {r["desk"] for r in rows} == {desk.slug}
    assert {r["booked"] for r in rows} == {"0", "1"}
    assert any(
        r["topics"] == "accesso-servizi|digital-divide"
        or r["topics"] == "digital-divide|accesso-servizi"
        for r in rows
    )
    assert {r["part_of_day"] for r in rows} <= {"morning", "afternoon", "evening"}
    assert "time" not in rows[0]  # the minute of an access, next to the agenda, tells who came
    assert rows[0].keys() >= {
        "age_band",
        "gender",
        "citizenship",
        "municipality_istat_code",
        "outcome",
        "minutes",
    }


def test_the_csv_export_follows_the_filters(client, desk, desk_operator):
    AccessFactory(desk=desk, channel="phone")
    AccessFactory(desk=desk, channel="in_person")
    client.force_login(desk_operator)
    body = b"".join(
        client.get(reverse("sportelli:access_export") + "?canale=phone").streaming_content
    )
    assert len(body.decode().strip().splitlines()) == 2


@pytest.mark.parametrize(
    "day", ["9999-12-31", "0001-01-01", "2026-02-30", "ieri", "2026-11-22T10:00"]
)
@pytest.mark.parametrize("view", ["giorno", "settimana"])
def test_an_impossible_agenda_day_shows_today_instead(client, desk, desk_operator, day, view):
    client.force_login(desk_operator)
    response = client.get("/sportelli/console/", {"giorno": day, "vista": view})
    assert response.status_code == 200


def test_a_future_booking_can_only_stay_booked_or_be_cancelled(
    client, desk, desk_operator, time_machine
):
    time_machine.move_to(at(MONDAY, 10), tick=False)
    booking = BookingFactory(desk=desk, starts_at=at(TUESDAY, 9))
    client.force_login(desk_operator)

    page = client.get(reverse("sportelli:console"), {"giorno": TUESDAY}).content.decode()

    assert status_options(page, booking) == [("booked", True), ("cancelled", False)]


def test_once_it_started_a_booking_can_be_marked_done_or_no_show(
    client, desk, desk_operator, time_machine
):
    time_machine.move_to(at(TUESDAY, 9, 5), tick=False)
    started = BookingFactory(desk=desk, starts_at=at(TUESDAY, 9))
    later = BookingFactory(desk=desk, starts_at=at(TUESDAY, 9, 30))
    done = BookingFactory(desk=desk, starts_at=at(TUESDAY, 9), seat=2, status="done")
    client.force_login(desk_operator)

    page = client.get(reverse("sportelli:console"), {"giorno": TUESDAY}).content.decode()

    assert status_options(page, started) == [
        ("booked", True),
        ("done", False),
        ("no_show", False),
        ("cancelled", False),
    ]
    assert status_options(page, later) == [("booked", True), ("cancelled", False)]
    assert ("done", True) in status_options(page, done)  # defaults to what it is


@pytest.mark.parametrize("status", ["done", "no_show"])
def test_a_future_booking_cannot_be_marked_done_or_no_show(
    client, desk, desk_operator, time_machine, status
):
    time_machine.move_to(at(MONDAY, 10), tick=False)
    booking = BookingFactory(desk=desk, starts_at=at(TUESDAY, 9))
    client.force_login(desk_operator)

    response = client.post(
        reverse("sportelli:booking_status", kwargs={"pk": booking.pk}),
        {"status": status, "vista": "settimana"},
        follow=True,
    )

    booking.refresh_from_db()
    assert booking.status == "booked"
    assert "solo quando l" in html.unescape(response.content.decode())
    assert response.redirect_chain[-1][0].endswith("giorno=2026-12-08&vista=settimana")


def test_the_week_view_shows_the_open_days_without_bookings(
    client, desk, desk_operator, time_machine
):
    time_machine.move_to(at(MONDAY, 10), tick=False)
    DeskExceptionFactory(
        desk=desk,
        date=datetime.date(2026, 12, 12),
        is_closed=False,
        opens_at=datetime.time(15),
        closes_at=datetime.time(18),
        reason="Festa di quartiere",
    )
    client.force_login(desk_operator)

    page = client.get(
        reverse("sportelli:console"), {"giorno": MONDAY, "vista": "settimana"}
    ).content.decode()

    assert "Martedì 8 dicembre" in page and "09:00–12:00" in page
    assert "Sabato 12 dicembre" in page and "Festa di quartiere" in page
    assert "Lunedì 7 dicembre" not in page and "Mercoledì 9 dicembre" not in page
    assert page.count("Nessuna prenotazione.") == 2
    assert "?giorno=2026-11-30&amp;vista=settimana" in page
    assert "?giorno=2026-12-14&amp;vista=settimana" in page


def test_the_week_view_says_when_a_usual_day_is_closed(client, desk, desk_operator, time_machine):
    time_machine.move_to(at(MONDAY, 10), tick=False)
    DeskExceptionFactory(desk=desk, date=TUESDAY, reason="Immacolata")
    client.force_login(desk_operator)

    page = client.get(
        reverse("sportelli:console"), {"giorno": MONDAY, "vista": "settimana"}
    ).content.decode()

    assert "Martedì 8 dicembre" in page and "Immacolata" in page and "09:00" not in page


def test_the_day_view_shows_a_day_without_bookings(client, desk, desk_operator, time_machine):
    time_machine.move_to(at(MONDAY, 10), tick=False)
    client.force_login(desk_operator)

    page = client.get(reverse("sportelli:console"), {"giorno": TUESDAY}).content.decode()

    assert "Martedì 8 dicembre" in page and "Nessuna prenotazione." in page


def test_the_week_view_query_count_does_not_grow_with_days_and_bookings(
    client, desk, desk_operator, time_machine, django_assert_max_num_queries
):
    time_machine.move_to(at(MONDAY, 10), tick=False)
    client.force_login(desk_operator)
    params = {"giorno": MONDAY, "vista": "settimana"}
    BookingFactory(desk=desk, starts_at=at(TUESDAY, 9), topic=category("digital-divide"))
    with django_assert_max_num_queries(10) as few:
        client.get(reverse("sportelli:console"), params)
    for offset in (2, 3, 4, 5):
        day = MONDAY + datetime.timedelta(days=offset)
        DeskExceptionFactory(
            desk=desk,
            date=day,
            is_closed=False,
            opens_at=datetime.time(9),
            closes_at=datetime.time(12),
            reason=f"Apertura {offset}",
        )
        for hour in (9, 10, 11):
            BookingFactory(desk=desk, starts_at=at(day, hour), topic=category("digital-divide"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("sportelli:console"), params).content.decode()
    assert page.count("<tbody>") == 5 and "Apertura 5" in page


def test_the_csv_export_writes_a_formula_like_cell_as_text(client, desk, desk_operator):
    municipality = desk.municipality
    municipality.name = "\t=1+1"
    municipality.save()
    AccessFactory(desk=desk, municipality=municipality)
    client.force_login(desk_operator)
    body = b"".join(client.get(reverse("sportelli:access_export")).streaming_content).decode()
    (row,) = csv.DictReader(io.StringIO(body))
    assert row["municipality"] == "'\t=1+1"
