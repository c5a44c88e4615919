import re

import pytest
from django.urls import reverse

from tests.directory.search_world import build_world, slugs, total

URL = reverse("directory:search")


@pytest.fixture
def world(db):
    return build_world()


def facet_count(html, param, value):
    """The count shown beside a facet value (a link that sets param=value)."""
    match = re.search(
        rf'href="\?[^"]*\b{param}={re.escape(value)}\b[^"]*">[^<]*</a> <span class="text-muted">'
        rf"\((\d+)\)",
        html,
    )
    return int(match.group(1)) if match else None


def test_category_filter_includes_children(client, world):
    # "socialita" is the parent of "sport" and "musica-arte-teatro".
    assert set(slugs(client.get(URL, {"categoria": "socialita"}))) == {"calcio", "teatro"}
    assert slugs(client.get(URL, {"categoria": "sport"})) == ["calcio"]


def test_place_filters(client, world):
    assert set(slugs(client.get(URL, {"comune": "015036"}))) == {"calcio", "pacchi"}
    assert set(slugs(client.get(URL, {"zona": "ambito-visconteo"}))) == {
        "calcio",
        "pacchi",
        "doposcuola",
    }


def test_other_filters(client, world):
    assert set(slugs(client.get(URL, {"gratis": "1"}))) == {"calcio", "lavoro", "pacchi"}
    assert set(slugs(client.get(URL, {"lingua": "ar"}))) == {"doposcuola", "lavoro"}
    assert set(slugs(client.get(URL, {"accessibile": "1"}))) == {"calcio", "pacchi"}
    assert slugs(client.get(URL, {"modalita": "remoto"})) == ["lavoro"]
    assert "lavoro" in slugs(client.get(URL, {"modalita": "presenza"}))


def test_facets_count_each_value_with_the_other_filters(client, world):
    html = client.get(URL, {"eta": 8}).content.decode()
    # Age 8: calcio (sport, Buccinasco), doposcuola (Corsico), pacchi (Buccinasco).
    assert facet_count(html, "categoria", "sport") == 1
    assert facet_count(html, "categoria", "emergenze") == 1
    assert facet_count(html, "comune", "015036") == 2
    assert facet_count(html, "comune", "015093") == 1
    assert facet_count(html, "zona", "ambito-visconteo") == 3
    assert facet_count(html, "giorno", "sab") == 1
    assert facet_count(html, "lingua", "ar") == 1
    assert facet_count(html, "gratis", "1") == 2
    assert facet_count(html, "fascia", "adulti") == 1  # only pacchi: ages still apply


def test_a_facet_ignores_its_own_filter(client, world):
    html = client.get(URL, {"fascia": "0-3"}).content.decode()
    assert facet_count(html, "fascia", "adulti") == 2  # lavoro and pacchi
    assert facet_count(html, "fascia", "6-11") == 4  # teatro's 11–14 touches it


def test_active_filters_are_removable_chips(client, world):
    html = client.get(URL, {"eta": 8, "gratis": "1"}).content.decode()
    chips = re.findall(
        r'<div class="chip chip-simple[^"]*"><span class="chip-label">([^<]*)</span>'
        r'<a href="([^"]*)"',
        html,
    )
    assert len(chips) == 2
    urls = dict(chips)
    assert any(url == "?gratis=1" for url in urls.values())
    assert any(url == "?eta=8" for url in urls.values())


def test_no_results_offer_dropping_each_filter_with_its_count(client, world):
    response = client.get(URL, {"eta": 40, "giorno": "sab"})
    assert total(response) == 0
    html = response.content.decode()
    relaxations = re.findall(r'<a href="([^"]*)" data-relax>', html)
    assert "?giorno=sab" in relaxations  # dropping the age: calcio and teatro
    assert "?eta=40" in relaxations  # dropping the day: lavoro and pacchi
