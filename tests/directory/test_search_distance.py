import pytest
from django.urls import reverse

from directory.geo import Point, haversine_km
from tests.directory.search_world import BUCCINASCO, CORSICO, MILANO, build_world, slugs, total

URL = reverse("directory:search")
NEAR_BUCCINASCO = "45.4180,9.1100"
CORSICO_POINT = f"{CORSICO[0]},{CORSICO[1]}"


@pytest.fixture
def world(db):
    return build_world()


def test_haversine_matches_a_known_distance():
    milano, roma = Point(45.4642, 9.19), Point(41.9028, 12.4964)
    assert 475 < haversine_km(milano, roma) < 480


def test_near_keeps_activities_within_the_radius(client, world):
    # Corsico is ~1.5 km from Buccinasco, Milano ~9 km, Empoli ~250 km.
    assert set(slugs(client.get(URL, {"vicino": NEAR_BUCCINASCO, "raggio": 3}))) == {
        "calcio",
        "pacchi",
        "doposcuola",
    }
    assert "lavoro" in slugs(client.get(URL, {"vicino": NEAR_BUCCINASCO, "raggio": 12}))
    assert "teatro" not in slugs(client.get(URL, {"vicino": NEAR_BUCCINASCO}))


def test_default_radius_is_ten_km(client, world):
    distance = haversine_km(Point(*BUCCINASCO), Point(*MILANO))
    assert distance < 10
    assert "lavoro" in slugs(client.get(URL, {"vicino": NEAR_BUCCINASCO}))


def test_results_sorted_by_distance_when_a_position_is_given(client, world):
    results = slugs(client.get(URL, {"vicino": CORSICO_POINT, "raggio": 20}))
    assert results[0] == "doposcuola"
    assert results[-1] == "lavoro"


def test_cards_show_the_distance(client, world):
    html = client.get(URL, {"vicino": NEAR_BUCCINASCO, "raggio": 3}).content.decode()
    assert "data-distance" in html


def test_no_results_offer_a_wider_radius(client, world):
    # Milano is ~7 km from Corsico: twice the radius finds the job desk.
    response = client.get(URL, {"vicino": CORSICO_POINT, "raggio": 4, "q": "lavoro"})
    assert total(response) == 0
    html = response.content.decode()
    assert "raggio=8" in html
    assert "raggio=20" in html
