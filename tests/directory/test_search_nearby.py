"""Place first: the family's municipality, remembered in a cookie or named by the search, puts
the nearby results first (never leaves any out), and the page asks for it when it is unknown."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from directory import home_place
from directory.search import rebuild_search_index
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
)

URL = reverse("directory:search")
REMEMBER = reverse("directory:remember_place")
PLACE_SEARCH = reverse("directory:place_search")
BUCCINASCO = "015036"
EMPOLI = "048014"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


def slugs(response):
    return re.findall(r'data-activity="([^"]+)"', response.content.decode())


def total(response):
    return int(re.search(r'data-total="(\d+)"', response.content.decode()).group(1))


@pytest.fixture
def towns():
    """Buccinasco, Corsico (1.5 km away), Milano (9 km), Empoli (250 km): one after-school club
    in each, named so that the alphabetical order is the reverse of nearness from Buccinasco,
    and a summer camp in Buccinasco that only mentions after-school in its description."""
    places = {
        "empoli": MunicipalityFactory(
            istat_code=EMPOLI, name="Empoli", latitude=43.7187, longitude=10.9462
        ),
        "milano": MunicipalityFactory(
            istat_code="015146", name="Milano", latitude=45.4642, longitude=9.19
        ),
        "corsico": MunicipalityFactory(
            istat_code="015093", name="Corsico", latitude=45.4310, longitude=9.1110
        ),
        "buccinasco": MunicipalityFactory(),
    }
    titles = {
        "empoli": "Doposcuola Arcobaleno",
        "milano": "Doposcuola Betulla",
        "corsico": "Doposcuola Ciliegio",
        "buccinasco": "Doposcuola Delfino",
    }
    for town, municipality in places.items():
        organization = OrganizationFactory(name=f"Associazione {municipality.name}")
        place = LocationFactory(
            organization=organization,
            municipality=municipality,
            latitude=municipality.latitude,
            longitude=municipality.longitude,
        )
        activity = ActivityFactory(organization=organization, title=titles[town], slug=town)
        activity.locations.set([place])
    camp = ActivityFactory(
        organization=organization,
        title="Centro estivo",
        slug="centro-estivo",
        description="Giochi e gite; per chi frequenta il doposcuola, anche i compiti.",
    )
    camp.locations.set([place])
    rebuild_search_index()
    return places


def remembering(code):
    client = Client()
    client.cookies[home_place.COOKIE] = code
    return client


def test_without_a_place_the_order_is_unchanged_and_the_page_asks_where(client, towns):
    response = client.get(URL, {"q": "doposcuola"})
    assert slugs(response)[:4] == ["empoli", "milano", "corsico", "buccinasco"]
    html = response.content.decode()
    assert "Dove abiti?" in html
    assert "data-home-place-form" in html
    assert f'action="{PLACE_SEARCH}"' in html
    assert 'name="lista" value="casa"' in html
    assert 'name="q" value="doposcuola"' in html  # the words typed are kept
    assert "data-nearby-first" not in html
    assert home_place.COOKIE not in response.cookies


def test_a_remembered_municipality_puts_the_nearby_results_first(towns):
    response = remembering(BUCCINASCO).get(URL, {"q": "doposcuola"})
    assert slugs(response)[:4] == ["buccinasco", "corsico", "milano", "empoli"]
    html = response.content.decode()
    assert "Prima i risultati vicino a Buccinasco" in html
    assert "Dove abiti?" not in html
    assert "Cambia comune" in html
    assert "Dimentica il mio comune" in html


def test_the_remembered_municipality_leaves_no_result_out(client, towns):
    plain = client.get(URL, {"q": "doposcuola"})
    near = remembering(EMPOLI).get(URL, {"q": "doposcuola"})
    assert total(near) == total(plain) == 5
    assert sorted(slugs(near)) == sorted(slugs(plain))
    assert slugs(near)[0] == "empoli"


def test_nearness_orders_results_of_comparable_relevance_only(towns):
    # The camp is in Buccinasco but only mentions the word: the clubs of the other towns,
    # holding it in their titles, stay before it.
    assert slugs(remembering(BUCCINASCO).get(URL, {"q": "doposcuola"}))[-1] == "centro-estivo"


def test_without_words_the_nearby_results_come_before_the_name(towns):
    organization_filter = {"gratis": "1"}
    response = remembering(BUCCINASCO).get(URL, organization_filter)
    # Both in Buccinasco (by name among them), then Corsico, Milano, Empoli.
    assert slugs(response) == ["centro-estivo", "buccinasco", "corsico", "milano", "empoli"]
    # Sorting by name, asked for, is by name.
    by_name = remembering(BUCCINASCO).get(URL, {**organization_filter, "ordine": "nome"})
    assert slugs(by_name)[:2] == ["centro-estivo", "empoli"]
    assert "data-nearby-first" not in by_name.content.decode()


def test_a_search_with_a_municipality_remembers_it(client, towns):
    response = client.get(URL, {"q": "doposcuola", "comune": EMPOLI})
    cookie = response.cookies[home_place.COOKIE]
    assert cookie.value == EMPOLI
    assert cookie["max-age"] == home_place.MAX_AGE_DAYS * 24 * 3600
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    # The cookie already says so: nothing set again (the page can then be cached).
    again = client.get(URL, {"q": "doposcuola", "comune": EMPOLI})
    assert home_place.COOKIE not in again.cookies
    # The next search without the municipality orders by it, keeps every result.
    later = client.get(URL, {"q": "doposcuola"})
    assert slugs(later)[0] == "empoli" and total(later) == 5


def test_where_do_you_live_works_without_javascript(client, towns):
    response = client.get(
        PLACE_SEARCH, {"lista": "casa", "dove": "buccinasco", "q": "doposcuola", "pagina": "3"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{REMEMBER}?q=doposcuola&casa={BUCCINASCO}"
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?q=doposcuola"
    assert response.cookies[home_place.COOKIE].value == BUCCINASCO
    results = client.get(response["Location"])
    assert slugs(results)[0] == "buccinasco"


def test_where_do_you_live_offers_the_municipalities_a_name_starts(client, towns):
    MunicipalityFactory(istat_code="015092", name="Cornaredo", latitude=45.5, longitude=9.03)
    response = client.get(PLACE_SEARCH, {"lista": "casa", "dove": "co", "q": "doposcuola"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{REMEMBER}?q=doposcuola&amp;casa=015093" in html  # Corsico
    assert 'name="lista" value="casa"' in html


def test_an_unknown_municipality_name_is_said_and_kept(client, towns):
    response = client.get(PLACE_SEARCH, {"lista": "casa", "dove": "Atlantide"})
    html = response.content.decode()
    assert "Atlantide" in html
    assert 'value="Atlantide"' in html


def test_change_and_forget(towns):
    client = remembering(BUCCINASCO)
    html = client.get(URL, {"q": "doposcuola"}).content.decode()
    assert f"{REMEMBER}?q=doposcuola&amp;dimentica=1" in html
    response = client.get(REMEMBER, {"q": "doposcuola", "dimentica": "1"})
    assert response["Location"] == f"{URL}?q=doposcuola"
    assert response.cookies[home_place.COOKIE]["max-age"] == 0
    html = client.get(URL, {"q": "doposcuola"}).content.decode()
    assert "Dove abiti?" in html
    client.get(REMEMBER, {"casa": EMPOLI})
    assert slugs(client.get(URL, {"q": "doposcuola"}))[0] == "empoli"


@pytest.mark.parametrize("code", ["999999", "abc", "0150361"])
def test_a_bad_code_to_remember_is_refused_with_a_message(client, towns, code):
    response = client.get(REMEMBER, {"casa": code, "q": "doposcuola"}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nessun comune ha questo codice" in html
    assert 'value="doposcuola"' in html
    assert home_place.COOKIE not in client.cookies or not client.cookies[home_place.COOKIE].value


@pytest.mark.parametrize("value", ["999999", "<script>", "0" * 300])
def test_a_bad_cookie_is_ignored_and_cleared(client, towns, value):
    response = remembering(value).get(URL, {"q": "doposcuola"})
    assert response.status_code == 200
    assert slugs(response)[:4] == ["empoli", "milano", "corsico", "buccinasco"]
    if value == "999999":
        assert response.cookies[home_place.COOKIE]["max-age"] == 0


def test_the_privacy_notice_describes_the_cookie(client):
    html = client.get(reverse("pages:privacy")).content.decode()
    assert "codice ISTAT" in html
    assert "Dimentica il mio comune" in html


def test_the_remembered_municipality_gives_its_desks_on_a_page_with_few_results(towns):
    from tests.factories import DeskFactory

    desk = DeskFactory(municipality=towns["buccinasco"], phone="02 4879 7200")
    html = remembering(BUCCINASCO).get(URL, {"q": "scacchi"}).content.decode()
    assert desk.name in html
    assert "02 4879 7200" in html


@pytest.mark.parametrize("count", [5, 40])
def test_query_count_with_a_remembered_place_does_not_grow(
    towns, count, django_assert_max_num_queries
):
    organization = OrganizationFactory(name="Oratorio")
    place = LocationFactory(organization=organization, municipality=towns["milano"])
    for n in range(count):
        ActivityFactory(organization=organization, title=f"Doposcuola {n:02d}").locations.set(
            [place]
        )
    rebuild_search_index()
    client = remembering(BUCCINASCO)
    # With words, one more: the coming events they name (directory/event_search.py).
    with django_assert_max_num_queries(13):
        response = client.get(URL, {"q": "doposcuola"})
    assert total(response) == count + 5
    with django_assert_max_num_queries(13):
        client.get(URL, {"q": "doposcuola", "pagina": "2"})


def test_the_page_cache_keeps_one_copy_per_remembered_municipality(towns):
    near_buccinasco, near_empoli, nowhere = (
        remembering(BUCCINASCO),
        remembering(EMPOLI),
        Client(),
    )
    query = {"q": "doposcuola"}
    first = near_buccinasco.get(URL, query)
    assert first["X-Page-Cache"] == "miss"
    assert slugs(first)[0] == "buccinasco"
    # Another municipality: not the copy of the first visitor.
    other = near_empoli.get(URL, query)
    assert other["X-Page-Cache"] == "miss"
    assert slugs(other)[0] == "empoli"
    # No municipality: the common copy, which asks where.
    common = nowhere.get(URL, query)
    assert common["X-Page-Cache"] == "miss"
    assert "Dove abiti?" in common.content.decode()
    # Each is then served from its own copy.
    again = remembering(BUCCINASCO).get(URL, query)
    assert again["X-Page-Cache"] == "hit"
    assert slugs(again)[0] == "buccinasco"
    assert Client().get(URL, query)["X-Page-Cache"] == "hit"
    assert "Cookie" in again["Vary"]


def test_a_response_setting_the_cookie_is_not_cached(client, towns):
    response = client.get(URL, {"q": "doposcuola", "comune": EMPOLI})
    assert response["X-Page-Cache"] == "bypass"
    assert client.get(URL, {"q": "doposcuola", "comune": EMPOLI})["X-Page-Cache"] == "miss"


def test_a_page_beyond_the_last_is_the_first_ranked_nearby_first(towns):
    client = remembering(BUCCINASCO)
    first = slugs(client.get(URL, {"q": "doposcuola"}))
    beyond = client.get(URL, {"q": "doposcuola", "pagina": "9"})
    assert slugs(beyond) == first
    assert "La pagina 9 non esiste: ecco la prima." in beyond.content.decode()


def test_remembering_goes_back_to_the_search_only(client, towns):
    response = client.get(
        REMEMBER, {"casa": BUCCINASCO, "next": "https://example.com/", "q": "doposcuola"}
    )
    assert response["Location"] == f"{URL}?q=doposcuola"
    response = client.post(REMEMBER, {"casa": BUCCINASCO})
    assert response.status_code == 405
