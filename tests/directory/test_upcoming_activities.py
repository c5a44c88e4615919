"""Activities that start later are found (search, category, facets, organization page), with a
badge saying when they start and where enrolment stands; ended ones are not; "only running now"
leaves the upcoming ones out; "open now" never names one."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from directory import home
from directory.models import Activity, Weekday
from directory.search import rebuild_search_index
from tests.factories import ActivityFactory, OpeningSlotFactory, OrganizationFactory, category

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

SEARCH = reverse("directory:search")
# pinned_now: Wednesday 2 December 2026, 10:00 in Rome.
JUNE = datetime.date(2027, 6, 14)


@pytest.fixture
def camps():
    organization = OrganizationFactory(name="Oratorio San Luigi", slug="oratorio")
    summer = ActivityFactory(
        organization=organization,
        title="Centro estivo",
        slug="centro-estivo",
        categories=[category("centri-estivi")],
        valid_from=JUNE,
        valid_to=datetime.date(2027, 7, 30),
        enrolment_opens=datetime.date(2027, 3, 1),
        enrolment_closes=datetime.date(2027, 5, 15),
    )
    # Wednesday 10:00 falls in its hours: still not "open now" before it starts.
    OpeningSlotFactory(
        activity=summer,
        weekday=Weekday.WEDNESDAY,
        opens_at=datetime.time(8, 0),
        closes_at=datetime.time(17, 0),
    )
    running = ActivityFactory(
        organization=organization,
        title="Centro estivo invernale",
        slug="centro-invernale",
        categories=[category("centri-estivi")],
        valid_from=datetime.date(2026, 11, 1),
        enrolment_opens=datetime.date(2026, 10, 1),
    )
    OpeningSlotFactory(
        activity=running,
        weekday=Weekday.WEDNESDAY,
        opens_at=datetime.time(8, 0),
        closes_at=datetime.time(17, 0),
    )
    ended = ActivityFactory(
        organization=organization,
        title="Centro estivo 2026",
        slug="centro-estivo-2026",
        categories=[category("centri-estivi")],
        valid_from=datetime.date(2026, 6, 15),
        valid_to=datetime.date(2026, 7, 31),
    )
    closed_for_good = ActivityFactory(
        organization=organization,
        title="Centro estivo chiuso",
        slug="centro-estivo-chiuso",
        categories=[category("centri-estivi")],
        status=Activity.Status.ENDED,
    )
    rebuild_search_index()
    return {"summer": summer, "running": running, "ended": ended, "closed": closed_for_good}


def shown(response):
    return re.findall(r'data-activity="([^"]+)"', response.content.decode())


def card(response, slug):
    html = response.content.decode()
    start = html.index(f'data-activity="{slug}"')
    return html[start : html.index("</article>", start)]


def test_the_category_finds_the_summer_camp_in_december_and_not_the_ended_ones(client, camps):
    response = client.get(SEARCH, {"categoria": "centri-estivi"})

    assert sorted(shown(response)) == ["centro-estivo", "centro-invernale"]
    assert 'data-total="2"' in response.content.decode()


def test_an_upcoming_activity_is_found_by_its_words_with_its_badges(client, camps):
    response = client.get(SEARCH, {"q": "centro estivo"})

    assert "centro-estivo" in shown(response)
    summer = card(response, "centro-estivo")
    assert '<span class="badge bg-primary" data-starts>Da giugno 2027</span>' in summer
    assert 'data-enrolment="later">Iscrizioni dal 1 marzo 2027</span>' in summer


def test_a_running_activity_has_no_start_badge_and_says_enrolment_is_open(client, camps):
    running = card(client.get(SEARCH, {"categoria": "centri-estivi"}), "centro-invernale")

    assert "data-starts" not in running
    assert 'data-enrolment="open">Iscrizioni aperte</span>' in running


def test_the_badges_speak_english_on_the_english_site(client, camps):
    summer = card(client.get("/en" + SEARCH, {"categoria": "centri-estivi"}), "centro-estivo")

    assert "data-starts>From June 2027</span>" in summer
    assert "Enrolment from 1 March 2027" in summer


def test_only_running_now_leaves_the_upcoming_out_and_is_counted_with_the_facets(client, camps):
    everything = client.get(SEARCH, {"categoria": "centri-estivi"}).content.decode()
    facet = re.search(r'<section class="mb-3" data-facet="other">(.*?)</section>', everything, re.S)
    assert "Solo attive ora" in facet.group(1) and "(1)" in facet.group(1)

    response = client.get(SEARCH, {"categoria": "centri-estivi", "attive_ora": "1"})

    assert shown(response) == ["centro-invernale"]
    assert '<span class="chip-label">Solo attive ora</span>' in response.content.decode()


def test_open_now_never_names_an_activity_that_has_not_started(client, camps):
    response = client.get(SEARCH, {"categoria": "centri-estivi", "aperto_ora": "1"})

    assert shown(response) == ["centro-invernale"]
    summer = card(client.get(SEARCH, {"categoria": "centri-estivi"}), "centro-estivo")
    assert "Aperto adesso" not in summer and "aperto ora" not in summer


def test_the_organization_page_lists_the_upcoming_activity_with_its_badge(client, camps):
    response = client.get(reverse("directory:organization_detail", kwargs={"slug": "oratorio"}))

    assert sorted(shown(response)) == ["centro-estivo", "centro-invernale"]
    assert "Da giugno 2027" in card(response, "centro-estivo")


def test_the_home_figures_count_the_upcoming_activities(camps):
    figures = home.store_figures()

    (leisure,) = [
        root
        for root in figures["need_categories"]
        if any(child.slug == "centri-estivi" for child in root.children.all())
    ]
    assert leisure.activity_count == 2
    assert figures["activity_count"] == 2


def test_the_activity_page_says_when_it_starts_and_when_to_enrol_and_not_open_now(client, camps):
    html = client.get(camps["summer"].get_absolute_url()).content.decode()

    assert "data-starts>Da giugno 2027</span>" in html
    assert 'data-enrolment="later">Iscrizioni dal 1 marzo 2027</span>' in html
    assert "Iscrizioni dal 1 marzo 2027 al 15 maggio 2027." in html
    assert "Aperto adesso" not in html and 'class="linkrete-today"' not in html


def test_enrolment_closed_and_enrolment_open_until(camps):
    from directory import upcoming

    summer = camps["summer"]
    assert upcoming.enrolment(summer, datetime.date(2027, 4, 2)).label == (
        "Iscrizioni aperte fino al 15 maggio"
    )
    assert upcoming.enrolment(summer, datetime.date(2027, 5, 16)).state == "closed"
    assert upcoming.enrolment(summer, datetime.date(2027, 8, 1)) is None  # ended
    assert upcoming.start_label(summer, JUNE) == ""  # started that day


def test_the_cached_results_of_yesterday_are_not_served_once_the_activity_has_started(
    camps, time_machine
):
    visitor = Client()  # no cookie: the page cache serves it
    url = f"{SEARCH}?categoria=centri-estivi&attive_ora=1"
    time_machine.move_to("2027-06-13T23:58:00+02:00", tick=False)
    before = visitor.get(url)
    assert "centro-estivo" not in shown(before)
    assert visitor.get(url)["X-Page-Cache"] == "hit"

    time_machine.move_to("2027-06-14T00:01:00+02:00", tick=False)
    after = visitor.get(url)

    assert after["X-Page-Cache"] == "miss"
    assert "centro-estivo" in shown(after)
