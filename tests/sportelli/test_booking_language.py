"""A booking remembers the interface language it was made in: its confirmation e-mail, its
calendar file and a cancellation the desk sends later (from an operator's Italian page) speak
it."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.dateformat import format as date_format

from sportelli import services
from sportelli.models import Booking
from tests.factories import BookingFactory
from tests.sportelli.test_ics import ics_of, value
from tests.sportelli.test_mail_failures import EMAIL, booking_on, summary_url, walk_to_summary

pytestmark = pytest.mark.django_db


@pytest.fixture
def monday(time_machine):
    from tests.sportelli.test_mail_failures import MONDAY

    time_machine.move_to(MONDAY, tick=False)


def book_in(client, desk, language, django_capture_on_commit_callbacks):
    with translation.override(language):
        key = walk_to_summary(client, desk)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(summary_url(desk), {"key": key})
    return Booking.objects.get()


def test_a_booking_made_in_english_is_confirmed_in_english(
    client, desk, monday, django_capture_on_commit_callbacks
):
    booking = book_in(client, desk, "en", django_capture_on_commit_callbacks)

    assert booking.interface_language == "en"
    (message,) = mail.outbox
    assert message.subject.startswith("Your appointment at")
    assert "/en/sportelli/prenotazione/" in message.body


def test_a_booking_made_in_arabic_has_arabic_dates_in_its_mail(
    client, desk, monday, django_capture_on_commit_callbacks
):
    booking = book_in(client, desk, "ar", django_capture_on_commit_callbacks)

    assert booking.interface_language == "ar"
    with translation.override("ar"):
        month = date_format(booking.starts_at, "F")
    assert month in mail.outbox[0].body
    assert "/ar/sportelli/prenotazione/" in mail.outbox[0].body


def test_the_calendar_file_speaks_the_bookings_language_whatever_page_links_it(client, desk):
    booking = BookingFactory(desk=desk, interface_language="en")

    assert value(ics_of(client, booking, "it"), "SUMMARY").startswith("Appointment at")
    italian = BookingFactory(desk=desk, interface_language="it", seat=2)
    assert value(ics_of(client, italian, "en"), "SUMMARY").startswith("Appuntamento")


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_the_desks_cancellation_goes_out_in_the_bookings_language(
    client, desk, desk_operator, monday
):
    day = datetime.date(2026, 12, 1)
    booking_on(desk, day, datetime.time(9), seat=1, email=EMAIL, interface_language="en")
    client.force_login(desk_operator)

    client.post(
        reverse("sportelli:desk_closures", kwargs={"slug": desk.slug}),
        {
            "date": day.isoformat(),
            "is_closed": "on",
            "reason": "Assemblea",
            "cancel_bookings": "on",
        },
    )

    (message,) = mail.outbox
    assert message.subject.endswith("is cancelled")
    assert "We are sorry" in message.body
    assert f"/en/sportelli/{desk.slug}/" in message.body


def test_a_language_outside_the_interface_falls_back_to_italian():
    assert services.booking_language("de") == "it"
    assert services.booking_language(None) == "it"
    assert services.booking_language("zh-hans") == "zh-hans"


def arabic():
    """Seeded by migration directory/0002; made again where a transactional test flushed it."""
    from directory.models import Language

    return Language.objects.get_or_create(code="ar", defaults={"name": "arabo"})[0]


def desk_list(client, language, query=""):
    with translation.override(language):
        url = reverse("sportelli:desk_list")
    return client.get(url + query).context


def test_the_desk_list_shows_the_desks_speaking_the_readers_language(client, desk, other_desk):
    other_desk.languages.set([arabic()])

    page = desk_list(client, "ar")
    assert [d.pk for d in page["desks"]] == [other_desk.pk]
    assert page["form"]["lingua"].value() == "ar"
    assert len(desk_list(client, "ar", "?lingua=")["desks"]) == 2  # "any language" stays so
    assert len(desk_list(client, "it")["desks"]) == 2
    assert len(desk_list(client, "uk")["desks"]) == 2  # no desk speaks Ukrainian: no filter


def test_the_booking_offers_the_readers_language_first_when_the_desk_speaks_it(client, desk):
    from sportelli.forms import DetailsForm

    language = arabic()
    desk.languages.set([language])

    with translation.override("ar"):
        assert DetailsForm(desk=desk).initial["language"] == language.pk
        # A family that chose no language on an earlier visit keeps its choice.
        assert DetailsForm(desk=desk, initial={"language": None}).initial["language"] is None
    with translation.override("fr"):
        assert "language" not in DetailsForm(desk=desk).initial
