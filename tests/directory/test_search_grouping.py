"""Identical titles grouped on a results page (directory/search/grouping.py): one entry with the
organization and town of each, counts and pages unchanged."""

import re

import pytest
from django.urls import reverse

from directory.search import rebuild_search_index
from directory.search.grouping import by_title
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
)

URL = reverse("directory:search")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


def slugs(response):
    return re.findall(r'data-activity="([^"]+)"', response.content.decode())


def total(response):
    return int(re.search(r'data-total="(\d+)"', response.content.decode()).group(1))


def course(organization, municipality, slug, title="Corso di italiano per stranieri"):
    place = LocationFactory(organization=organization, municipality=municipality)
    activity = ActivityFactory(organization=organization, title=title, slug=slug)
    activity.locations.set([place])
    return activity


@pytest.fixture
def courses():
    buccinasco = MunicipalityFactory()
    corsico = MunicipalityFactory(istat_code="015093", name="Corsico")
    milano = MunicipalityFactory(istat_code="015146", name="Milano")
    caritas = OrganizationFactory(name="Caritas Ambrosiana")
    arci = OrganizationFactory(name="Circolo Arci")
    course(caritas, buccinasco, "italiano-buccinasco")
    course(caritas, corsico, "italiano-corsico")
    course(arci, milano, "italiano-milano", title="corso di  ITALIANO per stranieri")
    course(arci, milano, "italiano-avanzato", title="Corso di italiano avanzato")
    rebuild_search_index()


def test_identical_titles_are_one_entry_with_each_organization_and_town(client, courses):
    response = client.get(URL, {"q": "italiano"})
    html = response.content.decode()
    assert total(response) == 4
    assert len(slugs(response)) == 4
    assert html.count('class="card-title h5"') == 2  # two titles, four activities
    group = re.search(r"<article[^>]*data-activity-group>.*?</article>", html, re.S).group(0)
    assert "3 attività con questo titolo" in group
    for name, town, slug in [
        ("Caritas Ambrosiana", "Buccinasco", "italiano-buccinasco"),
        ("Caritas Ambrosiana", "Corsico", "italiano-corsico"),
        ("Circolo Arci", "Milano", "italiano-milano"),
    ]:
        assert re.search(
            rf'data-activity="{slug}"><a href="/attivita/{slug}/">{name} · {town}', group
        )


def test_grouping_keeps_the_order_of_each_titles_first_activity():
    class A:
        def __init__(self, title):
            self.title = title

    entries = by_title([A("Doposcuola"), A("Calcio"), A("doposcuolà "), A("Calcio"), A("Coro")])
    assert [e.title for e in entries] == ["Doposcuola", "Calcio", "Coro"]
    assert [len(e.activities) for e in entries] == [2, 2, 1]
    assert [e.grouped for e in entries] == [True, True, False]


def test_pages_and_counts_are_those_of_the_activities(client, db, django_assert_max_num_queries):
    municipality = MunicipalityFactory()
    for n in range(25):
        organization = OrganizationFactory(name=f"Parrocchia {n:02d}")
        course(organization, municipality, f"oratorio-{n:02d}", title="Oratorio estivo")
    rebuild_search_index()
    # With words, one more: the coming events they name (directory/event_search.py).
    with django_assert_max_num_queries(12):
        first = client.get(URL, {"q": "oratorio"})
    assert total(first) == 25
    assert len(slugs(first)) == 20
    assert first.content.decode().count('class="card-title h5"') == 1
    second = client.get(URL, {"q": "oratorio", "pagina": "2"})
    assert len(slugs(second)) == 5
    assert set(slugs(first)).isdisjoint(slugs(second))
