"""The public desk list in pages of ``DESKS_PER_PAGE``, narrowed by municipality or zone from the
place search (the topic, language, channel and day filters: test_public_pages.py)."""

import pytest
from django.urls import reverse

from directory.models import Language, Zone
from sportelli.views.public import DESKS_PER_PAGE
from tests.factories import DeskFactory, LocationFactory, MunicipalityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

URL = reverse("sportelli:desk_list")


def names(response):
    return [d.name for d in response.context["desks"]]


@pytest.fixture
def many_desks(db):
    """A page and a bit, in the order shown (by name)."""
    return [DeskFactory(name=f"Sportello {n:03d}") for n in range(DESKS_PER_PAGE + 2)]


def test_the_desks_come_in_pages(client, many_desks):
    first = client.get(URL)
    assert names(first) == [d.name for d in many_desks[:DESKS_PER_PAGE]]
    body = first.content.decode()
    assert f"{len(many_desks)} sportelli" in body and 'rel="next" href="?pagina=2"' in body
    last = client.get(URL, {"pagina": "2"})
    assert names(last) == [d.name for d in many_desks[DESKS_PER_PAGE:]]
    assert 'rel="prev" href="?pagina=1"' in last.content.decode()


def test_the_pages_keep_the_filters(client, many_desks):
    arabic = Language.objects.get(code="ar")
    for desk in many_desks:
        desk.languages.add(arabic)
    body = client.get(URL, {"lingua": "ar"}).content.decode()
    assert 'href="?lingua=ar&amp;pagina=2"' in body


@pytest.mark.parametrize(
    ("value", "notice"),
    [
        ("3", "La pagina 3 non esiste: ecco la prima."),
        ("x", "Il numero di pagina è stato ignorato: non è un numero."),
        ("99999999999999999999999", "Il numero di pagina è stato ignorato: non è un numero."),
    ],
)
def test_a_bad_page_shows_the_first_with_a_notice(client, many_desks, value, notice):
    response = client.get(URL, {"pagina": value})
    assert response.status_code == 200
    assert names(response) == [d.name for d in many_desks[:DESKS_PER_PAGE]]
    assert notice in response.content.decode()


def test_narrows_to_a_zone_and_keeps_it_in_the_filter_form(client, db):
    rho = MunicipalityFactory(istat_code="015182", name="Rho")
    zone = Zone.objects.create(name="Ambito del Rhodense", slug="rhodense")
    zone.municipalities.add(rho)
    in_zone = DeskFactory(name="Sportello Rho", location=LocationFactory(municipality=rho))
    DeskFactory(name="Sportello Buccinasco")
    response = client.get(URL, {"zona": "rhodense"})
    assert names(response) == [in_zone.name]
    body = response.content.decode()
    assert '<input type="hidden" name="zona" value="rhodense">' in body
    assert "Ambito del Rhodense" in body
    assert names(client.get(URL, {"zona": "rhodense", "canale": "phone"})) == [in_zone.name]
    unknown = client.get(URL, {"zona": "nessuna"})
    assert len(names(unknown)) == 2
    assert "Il filtro “Zona” è stato ignorato: questa zona non esiste." in unknown.content.decode()


def test_the_place_search_leads_back_to_the_desks(client, db):
    zone = Zone.objects.create(name="Ambito del Rhodense", slug="rhodense")
    response = client.get(
        reverse("directory:place_search"), {"dove": zone.name, "lista": "sportelli"}
    )
    assert response.status_code == 302 and response.url == f"{URL}?zona=rhodense"


def test_narrows_to_a_municipality_without_listing_every_municipality(client, db):
    rho = MunicipalityFactory(istat_code="015182", name="Rho")
    in_rho = DeskFactory(name="Sportello Rho", location=LocationFactory(municipality=rho))
    DeskFactory(name="Sportello Buccinasco")
    response = client.get(URL, {"comune": "015182", "canale": "phone"})
    assert names(response) == [in_rho.name]
    body = response.content.decode()
    assert '<input type="hidden" name="comune" value="015182">' in body
    assert 'name="comune"' not in body.replace('type="hidden" name="comune"', "")
    bad = client.get(URL, {"comune": "15182"})
    assert len(names(bad)) == 2
    assert "Il filtro “Comune” è stato ignorato" in bad.content.decode()
