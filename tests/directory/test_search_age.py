import pytest
from django.urls import reverse

from tests.directory.search_world import build_world, slugs

URL = reverse("directory:search")


@pytest.fixture
def world(db):
    return build_world()


def found(client, **params):
    return set(slugs(client.get(URL, params)))


def test_age_matches_activities_whose_range_contains_it(client, world):
    # pacchi has no age limits, so it is for everyone.
    assert found(client, eta=8) == {"calcio", "doposcuola", "pacchi"}
    assert found(client, eta=14) == {"doposcuola", "teatro", "pacchi"}
    assert found(client, eta=40) == {"lavoro", "pacchi"}


def test_age_range_bounds_are_inclusive(client, world):
    assert "calcio" in found(client, eta=6)
    assert "calcio" in found(client, eta=11)
    assert "calcio" not in found(client, eta=12)


def test_age_band_matches_overlapping_ranges(client, world):
    assert found(client, fascia="11-14") == {"calcio", "doposcuola", "teatro", "pacchi"}
    assert found(client, fascia="0-3") == {"pacchi"}
    assert found(client, fascia="adulti") == {"lavoro", "pacchi"}
