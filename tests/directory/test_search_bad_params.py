import pytest
from django.urls import reverse

from tests.directory.search_world import build_world, slugs, total

URL = reverse("directory:search")
ALL = {"calcio", "doposcuola", "lavoro", "teatro", "pacchi"}


@pytest.fixture
def world(db):
    return build_world()


@pytest.mark.parametrize(
    "params",
    [
        {"eta": "abc"},
        {"eta": "-3"},
        {"eta": "9999999999999999999999"},
        {"fascia": "99-100"},
        {"categoria": "non-esiste"},
        {"comune": "12"},
        {"comune": "999999"},
        {"zona": "nessuna-zona"},
        {"zona": "<script>"},
        {"vicino": "garbage"},
        {"vicino": "95,10"},
        {"vicino": "nan,nan"},
        {"giorno": "funday"},
        {"ora": "25:99"},
        {"lingua": "xx"},
        {"modalita": "teletrasporto"},
        {"ordine": "prezzo"},
        {"pagina": "x"},
        {"pagina": "999"},
        {"pagina": "-1"},
    ],
)
def test_a_bad_parameter_is_ignored_with_a_message(client, world, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert set(slugs(response)) == ALL
    assert total(response) == 5
    assert 'role="status">' in response.content.decode()
    assert "alert alert-warning py-2" in response.content.decode()


def test_a_bad_radius_falls_back_to_the_default(client, world):
    response = client.get(URL, {"vicino": "45.4180,9.1100", "raggio": "-5"})
    assert response.status_code == 200
    assert "lavoro" in slugs(response)  # ~9 km: within the default 10 km
    assert "teatro" not in slugs(response)
    assert "alert alert-warning py-2" in response.content.decode()


def test_good_parameters_keep_working_beside_a_bad_one(client, world):
    response = client.get(URL, {"eta": "abc", "giorno": "sab"})
    assert set(slugs(response)) == {"calcio", "teatro"}


def test_distance_sort_without_a_position_falls_back_to_names(client, world):
    response = client.get(URL, {"ordine": "distanza"})
    assert slugs(response) == ["calcio", "pacchi", "doposcuola", "teatro", "lavoro"]
    assert "alert alert-warning py-2" in response.content.decode()


def test_strange_but_harmless_input_does_not_break_the_page(client, world):
    for params in (
        {"q": "'; DROP TABLE x; --"},
        {"q": "&|!():*<>"},
        {"q": "x" * 5000},
        {"q": "\u0000"},
        {"q": "🙂 bambini"},
        {"eta": ["8", "abc"]},
        {"vicino": "1,2,3"},
        {"raggio": "inf", "vicino": "45,9"},
    ):
        assert client.get(URL, params).status_code == 200, params
