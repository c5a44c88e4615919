"""Listings are written in Italian: on a page in another language their text is marked
``lang="it"`` (WCAG 3.1.2, language of parts), so a screen reader reads it in Italian; on an
Italian page nothing is marked."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from directory.search import rebuild_search_index
from tests.factories import ActivityFactory, DeskFactory, VolunteeringCallFactory

pytestmark = pytest.mark.django_db


def marked(content, text):
    """Whether ``text`` lies inside an element marked ``lang="it"`` (opening tag on the way)."""
    return re.search(r'lang="it"[^>]*>(?:<[^>]+>|\s)*' + re.escape(text), content) is not None


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def activity():
    activity = ActivityFactory(
        title="Doposcuola del quartiere",
        summary="Compiti e merenda.",
        description="Aiuto nei compiti tre pomeriggi a settimana.",
        eligibility="Iscritti alla scuola primaria.",
        fee_description="Venti euro al mese.",
    )
    rebuild_search_index()
    return activity


def test_an_activity_on_an_english_page_is_read_in_italian(client, activity):
    content = client.get(url("directory:activity_detail", "en", slug=activity.slug)).content
    content = content.decode()
    assert '<html lang="en"' in content
    for text in [
        "Doposcuola del quartiere",
        "Compiti e merenda.",
        "Aiuto nei compiti",
        "Iscritti alla scuola primaria.",
        "Venti euro al mese.",
    ]:
        assert marked(content, text), text
    assert "For whom" in content and not marked(content, "For whom")


def test_results_cards_and_the_organization_page_too(client, activity):
    results = client.get(url("directory:search", "en"), {"q": "doposcuola"}).content.decode()
    assert marked(results, "Doposcuola del quartiere")
    assert marked(results, "Compiti e merenda.")
    organization = activity.organization
    organization.description = "Associazione di genitori del quartiere."
    organization.save()
    page = client.get(url("directory:organization_detail", "en", slug=organization.slug))
    assert marked(page.content.decode(), "Associazione di genitori del quartiere.")


def test_desks_and_volunteering_calls_too(client):
    desk = DeskFactory(description="Ascolto e orientamento ai servizi.")
    page = client.get(url("sportelli:desk_detail", "en", slug=desk.slug)).content.decode()
    assert marked(page, "Ascolto e orientamento ai servizi.")
    call = VolunteeringCallFactory(title="Cerchiamo volontari per il doposcuola")
    with translation.override("en"):
        call_url = call.get_absolute_url()
    page = client.get(call_url).content.decode()
    assert marked(page, "Cerchiamo volontari per il doposcuola")


def test_nothing_is_marked_on_an_italian_page(client, activity):
    content = client.get(url("directory:activity_detail", "it", slug=activity.slug)).content
    main = content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    assert "Doposcuola del quartiere" in main
    assert 'lang="it"' not in main
