"""Needs in plain words: the public pages name categories as families do ("Doposcuola e aiuto
compiti"), the admin keeps the programmes' names (Seminare futuro…), and the home page's finder
offers the needs that suit the age chosen."""

import re
from html import unescape

import pytest
from django.urls import reverse

from directory import home
from directory.models import Category
from directory.search import rebuild_search_index
from tests.factories import ActivityFactory, category

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

HOME = reverse("directory:home")
SEARCH = reverse("directory:search")


@pytest.fixture(autouse=True)
def without_page_cache(settings):
    settings.LINKRETE_PAGE_CACHE = False


def finder_choices(page):
    return set(re.findall(r'id="finder-cat-([\w-]+)"', page))


def test_the_home_page_browses_needs_in_plain_words(client):
    home.store_figures()
    html = client.get(HOME).content.decode()

    for label in ("Doposcuola e aiuto compiti", "Cibo e spesa", "Bollette e affitto", "Lavoro"):
        assert label in html
    assert "Nido, doposcuola, attività educative e sostegno ai genitori." in html  # a root's
    for programme in ("Seminare futuro", "Generatività sociale", "Infrastruttura sociale"):
        assert programme not in html


def test_in_english_too(client):
    html = client.get("/en" + HOME).content.decode()

    assert "After-school and homework help" in html and "Food and groceries" in html
    assert "Sowing the future" not in html


def test_results_name_the_category_in_plain_words(client):
    ActivityFactory(title="Compiti insieme", categories=[category("diritto-istruzione")])
    rebuild_search_index()

    html = client.get(SEARCH, {"categoria": "diritto-istruzione"}).content.decode()

    assert '<span class="chip-label">Doposcuola e aiuto compiti</span>' in html
    facets = re.search(r'data-facet="categoria">(.*?)</section>', html, re.S).group(1)
    assert "Bambini e ragazzi: scuola e crescita" in facets
    assert "Seminare futuro" not in html and "Diritto all'istruzione" not in html


def test_the_activity_page_names_its_categories_in_plain_words(client):
    activity = ActivityFactory(categories=[category("sostegno-alimentare")])

    html = client.get(activity.get_absolute_url()).content.decode()

    assert '<span class="chip-label">Cibo e spesa</span>' in html
    assert "Sostegno alimentare" not in html


def test_a_category_without_a_family_label_shows_its_name(client):
    Category.objects.filter(slug="sostegno-alimentare").update(family_name="", family_name_en="")
    activity = ActivityFactory(categories=[category("sostegno-alimentare")])

    html = client.get(activity.get_absolute_url()).content.decode()

    assert '<span class="chip-label">Sostegno alimentare</span>' in html


def test_the_admin_keeps_the_programme_names_beside_the_family_labels(admin_client):
    listing = admin_client.get(reverse("admin:directory_category_changelist")).content.decode()
    assert "Seminare futuro" in listing and "Bambini e ragazzi: scuola e crescita" in listing

    seminare = category("seminare-futuro")
    change = admin_client.get(
        reverse("admin:directory_category_change", args=[seminare.pk])
    ).content.decode()
    assert 'value="Seminare futuro"' in change
    assert 'name="family_name"' in change and 'name="family_description"' in change


def test_the_admin_refuses_ages_in_the_wrong_order(admin_client):
    sport = category("sport")
    response = admin_client.post(
        reverse("admin:directory_category_change", args=[sport.pk]),
        {
            "taxonomy": sport.taxonomy_id,
            "parent": sport.parent_id,
            "name": sport.name,
            "name_en": sport.name_en,
            "code": "",
            "description": "",
            "family_name": "Sport",
            "family_name_en": "Sport",
            "family_description": "",
            "family_description_en": "",
            "min_age": "18",
            "max_age": "6",
            "order": sport.order,
        },
    )

    assert response.status_code == 200
    message = "L'età minima non può essere superiore all'età massima."
    assert message in unescape(response.content.decode())
    sport.refresh_from_db()
    assert sport.max_age is None


def test_the_finder_offers_the_needs_of_the_age_chosen(client):
    toddlers = finder_choices(client.get(HOME, {"passo": "2", "fascia": "0-3"}).content.decode())
    elderly = finder_choices(client.get(HOME, {"passo": "2", "fascia": "anziani"}).content.decode())
    anyone = finder_choices(client.get(HOME, {"passo": "2"}).content.decode())

    assert {"educazione-0-3", "sostegno-alimentare", "genitorialita"} <= toddlers
    assert toddlers.isdisjoint({"occupabilita", "socialita-anziani", "educazione-adolescenti"})
    assert {"socialita-anziani", "sostegno-alimentare"} <= elderly
    assert elderly.isdisjoint({"educazione-0-3", "diritto-istruzione", "centri-estivi"})
    assert {"educazione-0-3", "socialita-anziani", "occupabilita"} <= anyone


def test_the_finder_without_javascript_is_a_get_that_carries_the_age(client):
    html = client.get(HOME, {"passo": "2", "fascia": "0-3"}).content.decode()

    assert '<input type="hidden" name="fascia" value="0-3">' in html
    assert 'href="/?passo=2#trova"' in html  # every age again
