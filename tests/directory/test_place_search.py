from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from tests.factories import MunicipalityFactory, ZoneFactory

pytestmark = pytest.mark.django_db


def place(client, **params):
    return client.get(reverse("directory:place_search"), params)


def search_params(response):
    assert response.status_code == 302
    url = urlsplit(response["Location"])
    assert url.path == reverse("directory:search")
    return {k: v[0] for k, v in parse_qs(url.query).items()}


def test_a_municipality_typed_by_name_goes_to_its_results_ignoring_case_and_accents(client):
    MunicipalityFactory(istat_code="015146", name="Milano")
    MunicipalityFactory(istat_code="040012", name="Forlì")
    assert search_params(place(client, dove=" milano ")) == {"comune": "015146"}
    assert search_params(place(client, dove="forli")) == {"comune": "040012"}


def test_the_finders_choices_are_carried_to_the_results(client):
    MunicipalityFactory()
    response = place(client, dove="Buccinasco", fascia="6-11", categoria="sport", passo="3")
    assert search_params(response) == {"comune": "015036", "fascia": "6-11", "categoria": "sport"}


def test_nothing_typed_searches_everywhere(client):
    assert search_params(place(client, dove="", fascia="0-3")) == {"fascia": "0-3"}


def test_a_zone_and_a_municipality_of_the_same_name_are_offered_zone_first(client):
    MunicipalityFactory(istat_code="015999", name="Corsico")
    ZoneFactory(name="Corsico", slug="ambito-corsico")
    response = place(client, dove="corsico", fascia="0-3")
    assert response.status_code == 200
    content = response.content.decode()
    zone = content.index("/cerca/?fascia=0-3&amp;zona=ambito-corsico")
    municipality = content.index("/cerca/?fascia=0-3&amp;comune=015999")
    assert zone < municipality


def test_a_partial_name_offers_the_places_that_start_with_it(client):
    MunicipalityFactory(istat_code="015146", name="Milano")
    MunicipalityFactory(istat_code="015999", name="Milanino")
    content = place(client, dove="mila").content.decode()
    assert "Milanino (MI)" in content
    assert "Milano (MI)" in content


def test_an_unknown_place_says_so_and_offers_the_form_again(client):
    response = place(client, dove="Atlantide", categoria="sport")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Atlantide" in content
    assert '<input type="hidden" name="categoria" value="sport">' in content


def test_place_search_query_count(client, django_assert_max_num_queries):
    MunicipalityFactory(istat_code="015146", name="Milano")
    MunicipalityFactory(istat_code="015999", name="Milanino")
    with django_assert_max_num_queries(4):
        assert place(client, dove="mila").status_code == 200


def test_suggestions_offer_names_starting_with_the_typed_text_zones_first(client):
    MunicipalityFactory(istat_code="015146", name="Milano")
    MunicipalityFactory(istat_code="040012", name="Forlì")
    ZoneFactory(name="Milano Sud", slug="milano-sud")
    response = client.get(reverse("directory:place_suggestions"), {"dove": "mil"})
    assert response.json() == {"names": ["Milano Sud", "Milano"]}
    assert "max-age=3600" in response["Cache-Control"]
    assert client.get(reverse("directory:place_suggestions"), {"dove": "forl"}).json() == {
        "names": ["Forlì"]
    }


def test_the_home_place_field_is_offered_municipalities_alone(client):
    MunicipalityFactory(istat_code="015146", name="Milano")
    ZoneFactory(name="Milano Sud", slug="milano-sud")
    suggest = reverse("directory:place_suggestions")
    assert client.get(suggest, {"dove": "mil", "solo": "comuni"}).json() == {"names": ["Milano"]}
    content = client.get(reverse("directory:search"), {"q": "doposcuola"}).content.decode()
    assert f'data-place-suggest="{suggest}?solo=comuni"' in content


def test_suggestions_need_two_letters_and_stop_at_ten(client):
    for n in range(12):
        MunicipalityFactory(istat_code=f"0150{n:02d}", name=f"Comune {n:02d}")
    suggest = reverse("directory:place_suggestions")
    assert client.get(suggest, {"dove": "c"}).json() == {"names": []}
    assert len(client.get(suggest, {"dove": "co"}).json()["names"]) == 10


def test_the_place_fields_ask_for_suggestions_and_work_as_plain_forms(client):
    content = client.get(reverse("directory:home")).content.decode()
    assert f'data-place-suggest="{reverse("directory:place_suggestions")}"' in content
    assert "js/place-suggest" in content
