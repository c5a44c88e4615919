"""The activity page's "today" and "open now" speak only of days the activity runs."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from directory.models import Weekday
from tests.factories import ActivityFactory, OpeningSlotFactory

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")


@pytest.fixture
def tuesday_morning(time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 1, 10, 0, tzinfo=ROME), tick=False)


def page_of(client, **dates):
    activity = ActivityFactory(title="Centro estivo", slug="centro-estivo", **dates)
    OpeningSlotFactory(
        activity=activity,
        weekday=Weekday.TUESDAY,
        opens_at=datetime.time(8, 0),
        closes_at=datetime.time(17, 0),
    )
    url = reverse("directory:activity_detail", kwargs={"slug": activity.slug})
    return client.get(url).content.decode()


def test_a_running_activity_highlights_today_and_says_open_now(client, tuesday_morning):
    html = page_of(client)

    assert 'class="linkrete-today"' in html and "(oggi)" in html
    assert "Aperto adesso" in html


def test_an_activity_starting_in_june_highlights_no_day_and_says_when_it_starts(
    client, tuesday_morning
):
    html = page_of(client, valid_from=datetime.date(2027, 6, 15))

    assert 'class="linkrete-today"' not in html and "(oggi)" not in html
    assert "Aperto adesso" not in html and "Chiuso adesso" not in html
    assert "Non ancora iniziata" in html and "Dal 15 giugno 2027" in html


def test_an_ended_activity_highlights_no_day(client, tuesday_morning):
    html = page_of(
        client, valid_from=datetime.date(2026, 6, 15), valid_to=datetime.date(2026, 9, 10)
    )

    assert 'class="linkrete-today"' not in html and "(oggi)" not in html
    assert "Aperto adesso" not in html and "Non ancora iniziata" not in html
