import math

import pytest
from django.urls import reverse

from directory.models import Activity, Location
from directory.search import rebuild_search_index
from directory.search.geo import EARTH_RADIUS_KM, Point, box_around, haversine_km, near
from tests.directory.search_world import BUCCINASCO, CORSICO, MILANO, build_world, slugs, total
from tests.factories import ActivityFactory, LocationFactory, OrganizationFactory

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


def test_the_box_holds_the_whole_circle():
    # A circle's furthest east point lies north of its centre, a little further east than
    # radius / cos(latitude) (the old box cut it off at large radii).
    centre, radius = Point(45.0, 9.0), 300.0
    south, west, north, east = box_around(centre, radius)
    for bearing in range(0, 360, 2):
        edge = destination(centre, bearing, radius * 0.99999)
        assert south <= edge.latitude <= north
        assert west <= edge.longitude <= east


def destination(start, bearing_degrees, km):
    """The point ``km`` from ``start`` along a bearing (great circle)."""
    lat1, lon1 = math.radians(start.latitude), math.radians(start.longitude)
    bearing, angle = math.radians(bearing_degrees), km / EARTH_RADIUS_KM
    lat2 = math.asin(
        math.sin(lat1) * math.cos(angle) + math.cos(lat1) * math.sin(angle) * math.cos(bearing)
    )
    lon2 = lon1 + math.atan2(
        math.sin(bearing) * math.sin(angle) * math.cos(lat1),
        math.cos(angle) - math.sin(lat1) * math.sin(lat2),
    )
    return Point(math.degrees(lat2), math.degrees(lon2))


def test_near_keeps_exactly_the_places_within_the_radius(world):
    centre = Point(*BUCCINASCO)
    places = Location.objects.filter(latitude__isnull=False)
    for radius in (1, 2.5, 9, 30, 300):
        expected = {
            p.pk for p in places if haversine_km(centre, Point(p.latitude, p.longitude)) <= radius
        }
        assert set(places.filter(near(centre, radius)).values_list("pk", flat=True)) == expected


def spread_around(count):
    """Activities at places 1, 2, 3… km north of Buccinasco, titles in reverse order."""
    organization = OrganizationFactory()
    for n in range(1, count + 1):
        place = LocationFactory(
            organization=organization,
            latitude=BUCCINASCO[0] + n / 111.2,
            longitude=BUCCINASCO[1],
        )
        activity = ActivityFactory(
            organization=organization, title=f"Attività {count - n:02d}", slug=f"a{n:02d}"
        )
        activity.locations.set([place])
    rebuild_search_index()


def test_distance_order_beyond_the_limit_takes_the_nearest_first(client, db, settings):
    settings.LINKRETE_SEARCH_COUNT_LIMIT = 25
    settings.LINKRETE_SEARCH_NEAR_CANDIDATES = 22
    spread_around(40)
    near_buccinasco = f"{BUCCINASCO[0]},{BUCCINASCO[1]}"
    params = {"vicino": near_buccinasco, "raggio": 50, "ordine": "distanza"}
    response = client.get(URL, params)
    assert 'data-total="25" data-total-more' in response.content.decode()
    # The nearest first, although the limits are below the number of matches, and the pages
    # stop at the nearest 22.
    assert slugs(response) == [f"a{n:02d}" for n in range(1, 21)]
    assert slugs(client.get(URL, {**params, "pagina": 2})) == ["a21", "a22"]


def test_distance_order_within_the_limit_is_exact(client, db):
    spread_around(25)
    near_buccinasco = f"{BUCCINASCO[0]},{BUCCINASCO[1]}"
    params = {"vicino": near_buccinasco, "raggio": 50, "ordine": "distanza"}
    first, second = client.get(URL, params), client.get(URL, {**params, "pagina": 2})
    assert slugs(first) + slugs(second) == [f"a{n:02d}" for n in range(1, 26)]


def test_distance_order_sorts_every_counted_match_beyond_the_nearest_candidates(
    client, db, settings
):
    # More matches than the nearest places walked beyond the limit, but all counted: they are
    # all sorted by distance and every one can be paged to (the walk would stop at 22).
    settings.LINKRETE_SEARCH_COUNT_LIMIT = 30
    settings.LINKRETE_SEARCH_NEAR_CANDIDATES = 22
    spread_around(25)
    near_buccinasco = f"{BUCCINASCO[0]},{BUCCINASCO[1]}"
    params = {"vicino": near_buccinasco, "raggio": 50, "ordine": "distanza"}
    first, second = client.get(URL, params), client.get(URL, {**params, "pagina": 2})
    assert 'data-total="25"' in first.content.decode()
    assert slugs(first) + slugs(second) == [f"a{n:02d}" for n in range(1, 26)]


def test_name_order_beyond_the_limit_sorts_a_bounded_set(client, db, settings):
    settings.LINKRETE_SEARCH_COUNT_LIMIT = 10
    settings.LINKRETE_SEARCH_RANK_CANDIDATES = 12
    spread_around(30)
    response = client.get(URL, {"comune": "015036", "ordine": "nome"})
    assert 'data-total="10" data-total-more' in response.content.decode()
    shown = slugs(response)
    titles = dict(Activity.objects.values_list("slug", "title"))
    assert len(shown) == 10
    assert [titles[s] for s in shown] == sorted(titles[s] for s in shown)
    # Without any filter, the whole directory is sorted by name (the title index).
    assert slugs(client.get(URL, {"ordine": "nome"}))[:3] == ["a30", "a29", "a28"]


def test_the_nearest_places_come_from_the_earth_index(world):
    from django.db import connection

    from directory.search.geo import nearness

    centre = Point(*BUCCINASCO)
    places = (
        Location.objects.filter(latitude__isnull=False)
        .order_by(nearness(centre))
        .values_list("pk", flat=True)[:3]
    )
    by_distance = sorted(
        Location.objects.filter(latitude__isnull=False),
        key=lambda p: haversine_km(centre, Point(p.latitude, p.longitude)),
    )
    assert list(places) == [p.pk for p in by_distance if p.pk in set(places)]
    with connection.cursor() as cursor:
        # A handful of rows: without these the planner may as well sort them.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        sql, params = places.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "location_earth_gist" in plan
