"""The taxonomy in the page's language (issue 13): categories, target groups and languages are
named in each interface language (``Category.translations``), else in English, else in Italian,
marked ``lang`` where the fallback shows; coordinators edit them in the admin; the search finds a
category by its name in the page's language."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from directory.models import Category, Language, SearchSynonym, TargetGroup
from directory.models.taxonomy_names import NAME_LANGUAGES
from directory.search import rebuild_search_index
from tests.directory.search_world import slugs
from tests.factories import ActivityFactory, category

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def without_page_cache(settings):
    settings.LINKRETE_PAGE_CACHE = False


def test_every_shipped_category_target_group_and_language_is_named_in_every_language():
    assert set(NAME_LANGUAGES) == {c for c, _ in settings.LANGUAGES} - {"it", "en"}
    rows = [*Category.objects.all(), *TargetGroup.objects.all(), *Language.objects.all()]
    assert len(rows) == 42 + 12 + 16
    for row in rows:
        for language in NAME_LANGUAGES:
            with translation.override(language):
                assert not row.public_name_lang, (
                    row.slug if hasattr(row, "slug") else row,
                    language,
                )
    for row in Category.objects.exclude(family_description=""):
        for language in NAME_LANGUAGES:
            assert row.text_in("family_description", language), (row.slug, language)


def test_a_name_falls_back_to_english_then_italian_marked_with_its_language():
    food = category("sostegno-alimentare")
    with translation.override("uk"):
        assert (food.public_name, food.public_name_lang) == ("Їжа та продукти", "")
    food.translations = {"ar": {"family_name": "الطعام"}}  # no Ukrainian any more
    with translation.override("uk"):
        assert (food.public_name, food.public_name_lang) == ("Food and groceries", "en")
        assert food.public_description_lang == "en"
    with translation.override("ar"):
        assert (food.public_name, food.public_name_lang) == ("الطعام", "")
    food.family_name_en = food.name_en = ""
    with translation.override("uk"):
        assert (food.public_name, food.public_name_lang) == ("Cibo e spesa", "it")
    with translation.override("it"):
        assert (food.public_name, food.public_name_lang) == ("Cibo e spesa", "")


def test_the_home_page_names_the_needs_in_the_pages_language(client):
    page = client.get("/ar/").content.decode()
    assert "الطعام والتسوق" in page  # Food and groceries
    assert "Cibo e spesa" not in page
    page = client.get("/zh-hans/").content.decode()
    assert "食物与采购" in page


def test_a_fallback_is_marked_with_its_language(client):
    Category.objects.filter(slug__in=["emergenze", "sostegno-alimentare"]).update(translations={})
    page = client.get("/ar/").content.decode()
    assert 'lang="en" dir="ltr">Food and groceries<' in page
    page = client.get("/fr/").content.decode()
    assert 'lang="en">Food and groceries<' in page
    assert (
        'lang="en">Groceries and food parcels, help with bills and rent, care and medicines.<'
        in page
    )


def test_the_activity_page_names_categories_groups_and_languages_in_the_pages_language(client):
    made = ActivityFactory(categories=[category("smart-house")])
    made.target_groups.set([TargetGroup.objects.get(slug="donne")])
    made.languages.set([Language.objects.get(code="ar")])
    page = client.get(f"/es/attivita/{made.slug}/").content.decode()
    assert ">Vivienda<" in page
    assert ">Mujeres<" in page
    assert ">Árabe<" in page


# A category's name in each language finds its activities on that language's page.
NAMES = {
    "uk": "житло",
    "ar": "السكن",
    "zh-hans": "住房",
    "es": "vivienda",
    "fr": "logement",
    "ro": "locuință",
    "sq": "banesa",
}


@pytest.fixture
def housing(db):
    SearchSynonym.objects.all().delete()
    ActivityFactory(
        slug="casa-ponte",
        title="Sportello Casa Ponte",
        summary="",
        description="Aperto il martedì.",
        categories=[category("smart-house")],
    )
    ActivityFactory(
        slug="calcio",
        title="Scuola calcio",
        summary="",
        description="Aperto il martedì.",
        categories=[category("sport")],
    )
    rebuild_search_index()


@pytest.mark.parametrize("language", NAMES)
def test_the_search_finds_a_category_by_its_name_in_the_pages_language(client, housing, language):
    response = client.get(f"/{language}/cerca/", {"q": NAMES[language]})
    assert response.status_code == 200
    assert slugs(response) == ["casa-ponte"]


def test_a_categorys_name_is_matched_on_its_languages_pages_only(client, housing):
    assert slugs(client.get("/cerca/", {"q": "житло"})) == []
    assert slugs(client.get("/es/cerca/", {"q": "житло"})) == []


def test_the_name_is_matched_whatever_its_case_and_accents(client, housing):
    assert slugs(client.get("/uk/cerca/", {"q": "СПОРТ"})) == ["calcio"]
    assert slugs(client.get("/ro/cerca/", {"q": "locuinta"})) == ["casa-ponte"]


def test_a_coordinator_edits_the_names_in_each_language(client, coordinator):
    food = category("sostegno-alimentare")
    url = reverse("admin:directory_category_change", args=[food.pk])
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form["tr_family_name_uk"].value() == "Їжа та продукти"
    values = {name: form[name].value() for name in form.fields if name != "slug"}
    data = {name: "" if value is None else value for name, value in values.items()}
    data.update(
        parent=food.parent_id or "",
        tr_family_name_uk="Продукти",
        tr_family_name_zh_hans="",
        tr_family_description_zh_hans="",
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    food.refresh_from_db()
    assert food.translations["uk"]["family_name"] == "Продукти"
    assert "zh-hans" not in food.translations
    assert food.translations["ar"]["family_name"] == "الطعام والتسوق"


def test_a_name_too_long_is_refused_with_the_text_kept(client, coordinator):
    group = TargetGroup.objects.get(slug="donne")
    url = reverse("admin:directory_targetgroup_change", args=[group.pk])
    client.force_login(coordinator)
    data = {"name": group.name, "name_en": group.name_en, "slug": group.slug, "order": 1}
    data["tr_name_fr"] = "x" * 121
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["tr_name_fr"]
    assert 'value="' + "x" * 121 + '"' in response.content.decode()
    group.refresh_from_db()
    assert group.translations["fr"]["name"] == "Femmes"


def test_the_search_filters_name_categories_in_the_pages_language_or_mark_the_fallback(
    client, housing
):
    page = client.get("/fr/cerca/", {"q": "sportello"}).content.decode()
    assert ">Logement</a>" in page
    housing_category = category("smart-house")
    housing_category.translations = {}
    housing_category.save()  # the search's cached categories are dropped
    page = client.get("/ar/cerca/", {"q": "sportello"}).content.decode()
    assert '<span lang="en" dir="ltr">Housing</span>' in page
