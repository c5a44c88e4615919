"""The calendar file of a booking: in the page's language, complete, and valid RFC 5545."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from sportelli.ics import booking_calendar
from tests.factories import BookingFactory

ROME = ZoneInfo("Europe/Rome")


def unfold(body: str) -> list[str]:
    assert body.endswith("\r\n")
    physical = body[:-2].split("\r\n")
    for line in physical:
        assert len(line.encode()) <= 75, line
        assert "\n" not in line and "\r" not in line
    return body[:-2].replace("\r\n ", "").split("\r\n")


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def properties(body: str) -> list[tuple[str, str]]:
    return [tuple(line.split(":", 1)) for line in unfold(body)]


def value(body: str, name: str, within: str = "VEVENT") -> str:
    inside, found = [], []
    for key, val in properties(body):
        if key == "BEGIN":
            inside.append(val)
        elif key == "END":
            inside.pop()
        elif key == name and inside[-1] == within:
            found.append(val)
    assert len(found) == 1, (name, found)
    return unescape(found[0])


@pytest.fixture
def booking(desk, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 10, 0, tzinfo=ROME), tick=False)
    desk.phone = "02 4879 7200"
    desk.save()
    return BookingFactory(
        desk=desk,
        starts_at=datetime.datetime(2026, 12, 8, 9, 30, tzinfo=ROME),
        ends_at=datetime.datetime(2026, 12, 8, 10, 0, tzinfo=ROME),
    )


def ics_of(client, booking, language="it"):
    prefix = "/en" if language == "en" else ""
    path = reverse("sportelli:booking_ics", kwargs={"token": booking.cancel_token})
    response = client.get(prefix + path)
    assert response.status_code == 200
    return response.content.decode()


def test_an_italian_booking_gets_an_italian_calendar_file(client, booking):
    body = ics_of(client, booking)

    assert value(body, "SUMMARY") == "Appuntamento allo sportello Sportello Pagnana"
    description = value(body, "DESCRIPTION")
    assert f"Codice di prenotazione: {booking.code}" in description
    assert "Appointment" not in body and "Booking code" not in body


def test_an_english_booking_gets_an_english_calendar_file(client, booking):
    booking.interface_language = "en"
    booking.save()
    body = ics_of(client, booking, "en")

    assert value(body, "SUMMARY") == "Appointment at Sportello Pagnana"
    assert f"Booking code: {booking.code}" in value(body, "DESCRIPTION")


def test_the_file_gives_the_desk_phone_and_the_absolute_cancel_link(client, booking):
    body = ics_of(client, booking)

    cancel = "http://testserver" + reverse(
        "sportelli:booking_cancel", kwargs={"token": booking.cancel_token}
    )
    description = value(body, "DESCRIPTION")
    assert "02 4879 7200" in description and cancel in description
    assert value(body, "CONTACT") == "02 4879 7200"
    assert value(body, "URL") == cancel


def test_the_file_reminds_the_day_before(client, booking):
    body = ics_of(client, booking)

    assert value(body, "TRIGGER", within="VALARM") == "-P1D"
    assert value(body, "ACTION", within="VALARM") == "DISPLAY"
    assert value(body, "DTSTART") == "20261208T083000Z"


def test_long_lines_fold_at_75_octets_without_splitting_a_character(booking):
    booking.desk.name = "Sportello di prossimità Società di mutuo soccorso « Unità e Libertà » " * 3
    body = booking_calendar(booking, cancel_url="https://linkrete.example.org/annulla/x/")

    assert value(body, "SUMMARY") == f"Appuntamento allo sportello {booking.desk.name}"


def test_commas_semicolons_and_newlines_are_escaped(booking):
    booking.desk.location.address = "Via Roma 1; scala B,\ncitofono 3"
    body = booking_calendar(booking)

    raw = next(line for line in unfold(body) if line.startswith("LOCATION:"))
    assert raw == "LOCATION:Via Roma 1\\; scala B\\,\\ncitofono 3\\, Buccinasco"
    assert value(body, "LOCATION") == "Via Roma 1; scala B,\ncitofono 3, Buccinasco"
