"""The site's own pages (accessibility, privacy, legal notes, contacts, site map) and the
footer that links them, with the national helplines."""

import re

import pytest
from django.urls import reverse

from tests.sitemap_reader import whole_sitemap

pytestmark = pytest.mark.django_db

PAGES = ["accessibility", "privacy", "legal", "contacts", "site_map", "open_data_api"]


@pytest.mark.parametrize("name", PAGES)
def test_each_page_is_public_in_italian_and_english(client, name):
    italian = client.get(reverse(f"pages:{name}"))
    english = client.get("/en" + reverse(f"pages:{name}"))
    assert italian.status_code == english.status_code == 200
    assert 'lang="it"' in italian.content.decode() and 'lang="en"' in english.content.decode()
    assert italian.content.decode().count("<h1>") == 1


def test_the_accessibility_statement_follows_agids_model(client, settings):
    settings.LINKRETE_ACCESSIBILITY_CONTACT_EMAIL = "accessibilita@comune.example.it"
    settings.LINKRETE_ACCESSIBILITY_STATEMENT_DATE = "2026-11-20"

    html = client.get(reverse("pages:accessibility")).content.decode()

    assert "parzialmente conforme" in html
    assert "Contenuti non accessibili" in html
    assert "mailto:accessibilita@comune.example.it" in html
    assert "procedura di attuazione" in html.lower()
    assert (
        'href="https://www.agid.gov.it/it/design-servizi/accessibilita/procedura-attuazione"'
        in html
    )
    assert "20 novembre 2026" in html.lower()


def test_the_privacy_notice_names_the_controller_and_the_retention_from_settings(client, settings):
    settings.LINKRETE_SITE_OWNER_NAME = "Comune di Empoli"
    settings.LINKRETE_PRIVACY_CONTACT_EMAIL = "privacy@comune.empoli.example"
    settings.LINKRETE_DPO_EMAIL = "rpd@comune.empoli.example"
    settings.LINKRETE_BOOKING_RETENTION_DAYS = 91
    settings.LINKRETE_REFERRAL_RETENTION_DAYS = 400

    html = client.get(reverse("pages:privacy")).content.decode()

    assert "Comune di Empoli" in html
    assert "mailto:privacy@comune.empoli.example" in html
    assert "mailto:rpd@comune.empoli.example" in html
    assert "91 giorni" in html and "400 giorni" in html
    for section in ("prenotazioni", "segnalazioni", "volontari", "account", "sessione", "limiti"):
        assert f'id="{section}"' in html
    assert "garanteprivacy.it" in html


def test_the_legal_notes_give_the_licences_and_no_warranty(client):
    html = client.get(reverse("pages:legal")).content.decode()
    assert "GNU Affero General Public License" in html
    assert "CC BY 4.0" in html
    assert "112" in html


def test_the_contacts_page_shows_the_networks_contacts(client, settings):
    settings.LINKRETE_SITE_OWNER_NAME = "Unione dei Comuni Circondario Empolese"
    settings.LINKRETE_SITE_OWNER_EMAIL = "rete@empolese.example"
    settings.LINKRETE_SITE_OWNER_PHONE = "0571 980 011"

    html = client.get(reverse("pages:contacts")).content.decode()

    assert "Unione dei Comuni Circondario Empolese" in html
    assert "mailto:rete@empolese.example" in html
    assert 'href="tel:0571980011"' in html


def test_the_html_site_map_lists_the_public_sections_and_keeps_the_xml_one(client):
    html = client.get(reverse("pages:site_map")).content.decode()
    for name in ("directory:home", "directory:search", "sportelli:desk_list", "directory:my_list"):
        assert f'href="{reverse(name)}"' in html
    assert 'href="/sitemap.xml"' in html
    assert "<loc>http://testserver/privacy/</loc>" in whole_sitemap(client)


def test_the_footer_links_every_page_and_the_helplines(client):
    html = client.get(reverse("directory:home")).content.decode()
    footer = html[html.index('<footer class="it-footer"') :]
    for name in PAGES:
        assert f'href="{reverse(f"pages:{name}")}"' in footer
    assert 'href="/sitemap.xml"' not in footer  # people get the HTML map
    numbers = re.findall(r'href="tel:(\d+)"', footer)
    assert numbers == ["112", "1522", "114", "19696", "118"]
    assert "numero unico di emergenza" in footer


def _footer(response) -> str:
    html = response.content.decode()
    return html[html.index('<footer class="it-footer"') :]


def test_the_footer_is_rendered_once_per_language_and_site_name(client, settings):
    # Kept in the process's memory once rendered (base.html): each language and each site
    # name has its own, whatever page rendered it first.
    contacts, privacy, legal = (
        reverse(f"pages:{name}") for name in ("contacts", "privacy", "legal")
    )
    italian = _footer(client.get(contacts))
    english = _footer(client.get("/en" + contacts))
    assert "numero unico di emergenza" in italian and "single emergency number" in english
    assert 'href="/en/' in english and 'href="/en/' not in italian
    assert _footer(client.get(privacy)) == italian
    assert _footer(client.get("/en" + privacy)) == english
    settings.LINKRETE_SITE_NAME = "Rete Sociale Rhodense"
    assert "Rete Sociale Rhodense" in _footer(client.get(legal))  # a page not yet cached


def test_the_api_page_explains_the_api_and_the_open_data_page_links_it(client, settings):
    settings.LINKRETE_API_RATE_LIMIT = 77
    html = client.get(reverse("pages:open_data_api")).content.decode()
    assert "http://testserver/api/hsds/" in html
    assert 'href="/api/hsds/openapi.json"' in html
    assert "77 richieste al minuto" in html
    assert 'id="profilo"' in html
    open_data = client.get(reverse("pages:open_data")).content.decode()
    assert 'href="/dati-aperti/api/"' in open_data


def test_the_booking_consent_links_to_the_privacy_notice(client, desk, time_machine):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from sportelli.slots import bookable_window, desk_slots

    time_machine.move_to(datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Europe/Rome")), tick=False)
    slot = desk_slots(desk, *bookable_window(desk))[0]
    client.post(reverse("sportelli:booking_channel", args=[desk.slug]), {"channel": "in_person"})
    client.post(reverse("sportelli:booking_slot", args=[desk.slug]), {"slot": slot.key})
    client.post(
        reverse("sportelli:booking_details", args=[desk.slug]),
        {"name": "Giulia Verdi", "phone": "3471112233"},
    )

    html = client.get(reverse("sportelli:booking_privacy", args=[desk.slug])).content.decode()

    assert f'href="{reverse("pages:privacy")}#prenotazioni"' in html
