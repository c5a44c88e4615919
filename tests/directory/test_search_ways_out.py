"""A results page that finds little offers a way out: related categories, the nearest desks with
their phone and booking page, the national helplines, and no facet values that give nothing."""

import re
from html import unescape

import pytest
from django.urls import reverse

from directory.models import PublicationStatus
from tests.directory.search_world import build_world, total
from tests.factories import DeskFactory, LocationFactory, MunicipalityFactory

URL = reverse("directory:search")
EMPOLI = "048014"
BUCCINASCO = "015036"
MILANO = "015146"


@pytest.fixture
def world(db, pinned_now):
    world = build_world()
    world.buccinasco_desk = DeskFactory(
        name="Sportello Buccinasco",
        slug="sportello-buccinasco",
        phone="02 4579 7200",
        location=LocationFactory(municipality=world.buccinasco),
    )
    # In Corsico, which shares the Ambito Visconteo with Buccinasco.
    world.corsico_desk = DeskFactory(
        name="Sportello Corsico",
        slug="sportello-corsico",
        phone="",
        location=LocationFactory(municipality=world.corsico, latitude=45.4310, longitude=9.1110),
    )
    world.empoli_desk = DeskFactory(
        name="Sportello Empoli",
        slug="sportello-empoli",
        phone="0571 757 111",
        location=LocationFactory(municipality=world.empoli, latitude=43.7187, longitude=10.9462),
    )
    DeskFactory(
        name="Sportello in bozza",
        slug="sportello-bozza",
        status=PublicationStatus.DRAFT,
        location=LocationFactory(municipality=world.buccinasco),
    )
    return world


def ways_out(response):
    html = response.content.decode()
    found = re.search(r"<section[^>]*data-ways-out>(.*?)</section>", html, re.S)
    return unescape(found.group(1)) if found else None


def desks(box):
    return re.findall(r'data-desk="([^"]+)"', box)


def test_nothing_found_in_a_municipality_offers_its_desks_first_then_its_zone(client, world):
    response = client.get(URL, {"q": "equitazione", "comune": BUCCINASCO})

    assert total(response) == 0
    box = ways_out(response)
    assert desks(box) == ["sportello-buccinasco", "sportello-corsico"]
    assert '<a href="tel:0245797200">Chiama 02 4579 7200</a>' in box
    assert 'href="/sportelli/sportello-buccinasco/prenota/"' in box
    assert 'href="/sportelli/sportello-corsico/prenota/"' in box  # no phone, still bookable


def test_a_zone_offers_the_desks_of_its_municipalities(client, world):
    box = ways_out(client.get(URL, {"q": "equitazione", "zona": "ambito-visconteo"}))

    assert desks(box) == ["sportello-buccinasco", "sportello-corsico"]


def test_a_position_offers_the_nearest_desks_first(client, world):
    box = ways_out(client.get(URL, {"q": "equitazione", "vicino": "43.72,10.95"}))

    assert desks(box)[0] == "sportello-empoli"
    assert "km" in box


def test_without_a_place_no_desks_but_the_list_of_desks_and_the_helplines(client, world):
    box = ways_out(client.get(URL, {"q": "equitazione"}))

    assert desks(box) == []
    assert 'href="/sportelli/"' in box
    for number in ("112", "1522", "114", "19696"):
        assert f'href="tel:{number}"' in box


def test_a_municipality_without_desks_says_so(client, world):
    box = ways_out(client.get(URL, {"q": "equitazione", "comune": MILANO}))

    assert desks(box) == []
    assert "Non c'è ancora uno sportello della rete in questa zona." in box


def test_a_chosen_category_offers_its_parent_and_siblings(client, world):
    box = ways_out(client.get(URL, {"categoria": "centri-estivi"}))

    related = re.findall(r"\?categoria=([\w-]+)", box)
    assert "socialita" in related and "sport" in related and "laboratori" in related
    assert "centri-estivi" not in related


def test_words_offer_the_categories_whose_names_share_them(client, world):
    box = ways_out(client.get(URL, {"q": "sostegno scolastico"}))

    related = re.findall(r"\?categoria=([\w-]+)", box)
    assert "diritto-istruzione" in related


def test_few_results_also_offer_a_way_out_and_hide_the_zero_facets(client, world):
    response = client.get(URL, {"q": "calcio"})

    assert total(response) == 1
    assert ways_out(response) is not None
    html = response.content.decode()
    aside = re.search(r"<aside.*?</aside>", html, re.S).group(0)
    assert "(0)" not in aside


def test_enough_results_offer_none_and_keep_the_facets(client, world):
    response = client.get(URL)

    assert total(response) >= 3
    assert ways_out(response) is None
    aside = re.search(r"<aside.*?</aside>", response.content.decode(), re.S).group(0)
    assert "(0)" in aside


def test_a_new_municipality_in_no_zone_gets_only_its_own_desks(client, world):
    alone = MunicipalityFactory(istat_code="001001", name="Agliè", latitude=45.36, longitude=7.77)
    DeskFactory(
        name="Sportello Agliè", slug="sportello-aglie", location=LocationFactory(municipality=alone)
    )

    box = ways_out(client.get(URL, {"q": "equitazione", "comune": "001001"}))

    assert desks(box) == ["sportello-aglie"]
