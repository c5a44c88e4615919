"""The public list of volunteering calls, ``/volontariato/``: pages of ``CALLS_PER_PAGE`` and
narrowing by municipality or zone, read strictly (bad values are ignored with a notice)."""

import datetime

import pytest
from django.urls import reverse

from directory.models import VolunteeringCall, Zone
from directory.views.calls import CALLS_PER_PAGE
from tests.factories import MunicipalityFactory, VolunteeringCallFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

URL = reverse("directory:call_list")
NOT_A_NUMBER = "Il numero di pagina è stato ignorato: non è un numero."


def titles(response):
    return [c.title for c in response.context["calls"]]


def notices(response):
    return response.context["notices"]


@pytest.fixture
def many_calls(db):
    """Two pages and a bit, in the order shown: by deadline, the earliest first."""
    first = datetime.date(2026, 12, 10)
    return [
        VolunteeringCallFactory(title=f"Chiamata {n:03d}", deadline=first + datetime.timedelta(n))
        for n in range(2 * CALLS_PER_PAGE + 3)
    ]


def test_the_first_page_holds_the_first_calls_and_links_to_the_next(client, many_calls):
    response = client.get(URL)
    assert titles(response) == [c.title for c in many_calls[:CALLS_PER_PAGE]]
    body = response.content.decode()
    assert 'rel="next" href="?pagina=2"' in body and 'rel="prev"' not in body
    assert 'aria-current="page">1<' in body and 'href="?pagina=3"' in body
    assert f"{len(many_calls)} annunci aperti" in body
    assert notices(response) == []


def test_a_middle_and_the_last_page(client, many_calls):
    middle = client.get(URL, {"pagina": "2"})
    assert titles(middle) == [c.title for c in many_calls[CALLS_PER_PAGE : 2 * CALLS_PER_PAGE]]
    body = middle.content.decode()
    assert 'rel="prev" href="?pagina=1"' in body and 'rel="next" href="?pagina=3"' in body
    last = client.get(URL, {"pagina": "3"})
    assert titles(last) == [c.title for c in many_calls[2 * CALLS_PER_PAGE :]]
    assert 'rel="next"' not in last.content.decode()


def test_the_canonical_address_is_the_list_without_parameters(client, many_calls):
    body = client.get(URL, {"pagina": "2"}).content.decode()
    assert f'<link rel="canonical" href="http://testserver{URL}">' in body


@pytest.mark.parametrize(
    ("value", "notice"),
    [
        ("9", "La pagina 9 non esiste: ecco la prima."),
        ("0", "La pagina 0 non esiste: ecco la prima."),
        ("due", NOT_A_NUMBER),
        ("²", NOT_A_NUMBER),
        ("-1", NOT_A_NUMBER),
        ("9" * 40, NOT_A_NUMBER),
        ("1\x00", NOT_A_NUMBER),
    ],
)
def test_a_page_that_is_not_one_shows_the_first_with_a_notice(client, many_calls, value, notice):
    response = client.get(URL, {"pagina": value})
    assert response.status_code == 200
    assert titles(response) == [c.title for c in many_calls[:CALLS_PER_PAGE]]
    assert notices(response) == [notice]


def test_no_call_says_so_and_shows_no_pager(client, db):
    body = client.get(URL).content.decode()
    assert "Al momento non ci sono annunci aperti." in body and "pagination" not in body


def test_narrows_to_a_municipality_or_a_zone(client, db):
    rho = MunicipalityFactory(istat_code="015182", name="Rho")
    corsico = MunicipalityFactory(istat_code="015093", name="Corsico")
    zone = Zone.objects.create(name="Ambito del Rhodense", slug="rhodense")
    zone.municipalities.add(rho)
    in_rho = VolunteeringCallFactory(title="A Rho", municipality=rho)
    VolunteeringCallFactory(title="A Corsico", municipality=corsico)
    VolunteeringCallFactory(title="Ovunque", municipality=None)

    by_code = client.get(URL, {"comune": "015182"})
    assert titles(by_code) == [in_rho.title]
    assert "Rho" in by_code.content.decode() and 'href="/volontariato/"' in by_code.content.decode()
    assert titles(client.get(URL, {"zona": "rhodense"})) == [in_rho.title]
    assert titles(client.get(URL, {"comune": "015093", "zona": "rhodense"})) == []
    empty = client.get(URL, {"comune": "015093", "zona": "rhodense"}).content.decode()
    assert "Al momento non ci sono annunci aperti in questo luogo." in empty


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        (
            {"comune": "Rho"},
            "Il filtro “Comune” è stato ignorato: "
            "il comune si indica con il codice ISTAT di sei cifre.",
        ),
        (
            {"comune": "999999"},
            "Il filtro “Comune” è stato ignorato: nessun comune ha questo codice.",
        ),
        ({"zona": "nessuna"}, "Il filtro “Zona” è stato ignorato: questa zona non esiste."),
        (
            {"zona": "zona con spazi\x00"},
            "Il filtro “Zona” è stato ignorato: questa zona non esiste.",
        ),
    ],
)
def test_a_place_that_names_nothing_is_ignored_with_a_notice(client, db, query, notice):
    VolunteeringCallFactory(title="Ovunque")
    response = client.get(URL, query)
    assert response.status_code == 200
    assert titles(response) == ["Ovunque"]
    assert notices(response) == [notice]


def test_the_place_search_leads_back_to_the_calls(client, db):
    MunicipalityFactory(istat_code="015182", name="Rho")
    response = client.get(
        reverse("directory:place_search"), {"dove": "Rho", "lista": "volontariato"}
    )
    assert response.status_code == 302 and response.url == f"{URL}?comune=015182"


def test_the_place_search_ignores_an_unknown_list(client, db):
    MunicipalityFactory(istat_code="015182", name="Rho")
    response = client.get(reverse("directory:place_search"), {"dove": "Rho", "lista": "/admin/"})
    assert response.url == f"{reverse('directory:search')}?comune=015182"


def test_the_list_shows_only_public_calls(client, db):
    VolunteeringCallFactory(title="Aperta")
    VolunteeringCallFactory(
        title="Da approvare", review_status=VolunteeringCall.ReviewStatus.PENDING
    )
    VolunteeringCallFactory(title="Scaduta", deadline=datetime.date(2026, 11, 1))
    assert titles(client.get(URL)) == ["Aperta"]
