"""The family labels of the categories are searchable (issue 11): "cibo e spesa", "bollette e
affitto" find the activities of those categories, and the documents written before the labels
were in them are refreshed by the background refresh, not by the migration itself."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from directory import tasks
from directory.models import Activity, Category, SearchRefresh, SearchSynonym
from directory.search import document_for, normalize, rebuild_search_index
from tests.directory.search_world import slugs
from tests.factories import ActivityFactory, category

pytestmark = pytest.mark.django_db

SEARCH = reverse("directory:search")
MIGRATION = importlib.import_module("directory.migrations.0025_family_labels_in_search")


@pytest.fixture(autouse=True)
def without_thesaurus(settings):
    # The thesaurus widens "spesa" and "bollette" to these categories' names: without it, only
    # the labels can find them.
    settings.LINKRETE_PAGE_CACHE = False
    SearchSynonym.objects.all().delete()


def search(client, q):
    response = client.get(SEARCH, {"q": q})
    assert response.status_code == 200
    return slugs(response)


def activity(slug, category_slug):
    return ActivityFactory(
        slug=slug,
        title=f"Sportello {slug}",
        summary="",
        description="Aperto il martedì.",
        categories=[category(category_slug)],
    )


def test_the_family_labels_of_its_categories_find_an_activity(client):
    activity("emporio", "sostegno-alimentare")
    activity("fondo", "sostegno-economico")
    activity("altro", "sport")
    rebuild_search_index()

    assert search(client, "cibo e spesa") == ["emporio"]
    assert search(client, "bollette e affitto") == ["fondo"]
    assert search(client, "food and groceries") == ["emporio"]


def test_the_document_holds_the_categorys_names_and_labels_and_its_parents_names():
    food = category("sostegno-alimentare")
    made = activity("emporio", "sostegno-alimentare")
    document = document_for(Activity.objects.get(pk=made.pk))
    assert "cibo e spesa" in document
    assert "food and groceries" in document
    assert "sostegno alimentare" in document  # the programme's name stays searchable
    assert normalize(food.parent.name) in document
    # The root's label sums up all its children: it would match every one of them.
    assert normalize(food.parent.family_name) not in document  # "Cibo, bollette e salute"


def test_a_label_edited_in_the_admin_is_searchable_at_once(client, coordinator):
    activity("emporio", "sostegno-alimentare")
    rebuild_search_index()
    food = category("sostegno-alimentare")
    client.force_login(coordinator)
    response = client.get(reverse("admin:directory_category_change", args=[food.pk]))
    form = response.context["adminform"].form
    values = {name: form[name].value() for name in form.fields if name != "slug"}
    data = {name: "" if value is None else value for name, value in values.items()}
    data.update(family_name="Viveri e pane", parent=food.parent_id or "")
    response = client.post(reverse("admin:directory_category_change", args=[food.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()
    assert search(client, "viveri pane") == ["emporio"]


def test_the_migration_hands_the_old_documents_to_the_background_refresh(client):
    emporio = activity("emporio", "sostegno-alimentare")
    activity("altro", "sport")
    rebuild_search_index()
    # A document written before the labels were in it.
    Activity.objects.filter(pk=emporio.pk).update(
        search_text="sportello emporio", search_vector=None
    )
    assert search(client, "cibo e spesa") == []

    MIGRATION.record_refresh(apps, None)

    refresh = SearchRefresh.objects.get()
    assert refresh.finished_at is None
    labelled = Category.objects.exclude(family_name="").values_list("pk", flat=True)
    assert set(refresh.object_ids) == set(labelled)
    assert Activity.objects.get(pk=emporio.pk).search_text == "sportello emporio"  # not inline
    tasks.refresh_search.call(refresh.pk)
    assert search(client, "cibo e spesa") == ["emporio"]


def test_the_migration_records_nothing_without_activities():
    MIGRATION.record_refresh(apps, None)
    assert not SearchRefresh.objects.exists()
