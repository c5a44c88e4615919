"""axe-core on the site's own pages (accessibility, privacy, legal notes, contacts, site map, open
data, its API) and
on the sign-out page, with the footer and its helplines that every page carries."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

# Also opened in every interface language by test_interface_languages.py.
SITE_PAGES = (
    "/accessibilita/",
    "/privacy/",
    "/note-legali/",
    "/contatti/",
    "/mappa-del-sito/",
    "/dati-aperti/",
    "/dati-aperti/api/",
)


def test_the_sites_own_pages(page, assert_accessible):
    for path in (*SITE_PAGES, "/en/privacy/"):
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page)


def test_the_error_page(page, assert_accessible):
    """One template for 400, 403, 404, 429, 500 and 503 (linkrete/error_pages.py)."""
    for path in ("/pagina-che-non-esiste/", "/en/pagina-che-non-esiste/"):
        response = page.goto(path)
        assert response.status == 404, path
        assert_accessible(page)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/pagina-che-non-esiste/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)


def test_the_open_data_page_with_its_dump(page, assert_accessible, settings, tmp_path):
    from directory.hsds.dump import publish_dump
    from tests.factories import ActivityFactory

    settings.LINKRETE_OPEN_DATA_DIR = tmp_path
    ActivityFactory()
    publish_dump()
    page.goto("/dati-aperti/")
    link = page.get_by_role("link", name="Tutto l'elenco in HSDS 3.0")
    assert link.get_attribute("href") == "/dati-aperti/linkrete-hsds.zip"
    assert_accessible(page)


def test_the_sign_out_page(page, assert_accessible, sign_in, staff):
    sign_in(page, staff)
    page.goto("/area-enti/")
    page.get_by_role("button", name="Esci").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Hai chiuso la sessione"
    assert_accessible(page)


def test_the_network_pages(page, assert_accessible):
    from tests.factories import (
        NetworkActionFactory,
        NetworkFactory,
        NetworkMembershipFactory,
        OrganizationFactory,
        ZoneFactory,
    )

    comune = OrganizationFactory(name="Comune di Buccinasco", slug="comune-di-buccinasco")
    network = NetworkFactory(name="LINK", slug="link", lead_organization=comune)
    network.zones.set([ZoneFactory(name="Ambito del Corsichese")])
    NetworkMembershipFactory(network=network, organization=comune, role="capofila")
    NetworkMembershipFactory(network=network, organization=comune, role="firmatario")
    NetworkMembershipFactory(network=network)
    action = NetworkActionFactory(network=network, name="Indagine conoscitiva")
    action.targets.create(name="Enti incontrati", unit="enti", value=30)
    for path in ("/reti/", "/reti/link/", "/enti/comune-di-buccinasco/"):
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page)


def test_the_information_sheets(page, assert_accessible):
    from directory.models import Weekday
    from tests.factories import ActivityFactory, DeskFactory, LocationFactory, OpeningSlotFactory

    activity = ActivityFactory(title="مساعدة في الواجبات المدرسية", slug="compiti-ar")
    activity.locations.add(LocationFactory(organization=activity.organization))
    OpeningSlotFactory(activity=activity, weekday=Weekday.MONDAY)
    DeskFactory(name="Sportello Pagnana", slug="sportello-pagnana")
    for path in (
        "/attivita/compiti-ar/scheda/",
        "/en/attivita/compiti-ar/scheda/",
        "/en/sportelli/sportello-pagnana/scheda/",
        "/la-mia-lista/scheda/",
    ):
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page)


def test_the_sheet_fits_a_phone(page):
    from tests.factories import ActivityFactory, LocationFactory, OpeningSlotFactory

    activity = ActivityFactory(title="儿童课后作业辅导", slug="compiti-zh", phone="02 4880 1234")
    activity.locations.add(LocationFactory(organization=activity.organization))
    OpeningSlotFactory(activity=activity)
    page.goto("/en/attivita/compiti-zh/scheda/")
    assert page.get_by_role("heading", level=1).inner_text() == "儿童课后作业辅导"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
