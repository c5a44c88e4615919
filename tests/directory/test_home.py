"""The home page: its figures are stored by the worker, never computed for a visitor."""

import datetime

import pytest
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import OperationalError, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from directory import home, tasks
from directory.models import Activity, Category, Language, PublicationStatus, Revision
from directory.staff import services
from linkrete import page_cache
from tests.directory.helpers import count_queries
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    OpeningSlotFactory,
    OrganizationFactory,
    VolunteeringCallFactory,
    ZoneFactory,
    category,
)

# The home page keeps one copy of its figures per day: the day must not change mid-test.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


@pytest.fixture(autouse=True)
def without_page_cache(settings):
    """These tests are about the figures: the page cache's copy of the home page, renewed when
    the figures are stored, is tested in tests/linkrete/test_page_cache.py."""
    settings.LINKRETE_PAGE_CACHE = False


@pytest.fixture
def worker_runs(monkeypatch):
    """``manage.py db_worker`` runs what is in the queue, then stops. Inside the test's
    transaction: like Django's test client, it must not close the connection between tasks."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)

    return run


def queued_recomputes():
    return (
        DBTaskResult.objects.ready()
        .filter(task_path=tasks.recompute_home_figures.module_path)
        .count()
    )


def root_count(response, slug):
    return next(c for c in response.context["need_categories"] if c.slug == slug).activity_count


def test_home_counts_visible_activities_of_a_root_and_its_children_once_each(client):
    ActivityFactory(categories=[category("sport")])
    ActivityFactory(categories=[category("laboratori"), category("socialita")])
    ActivityFactory(categories=[category("sostegno-alimentare")])
    ActivityFactory(categories=[category("sport")], publication_status=PublicationStatus.DRAFT)
    ActivityFactory(categories=[category("sport")], status=Activity.Status.ENDED)
    ActivityFactory(
        categories=[category("sport")],
        organization=OrganizationFactory(status=PublicationStatus.DRAFT),
    )
    home.store_figures()

    response = client.get(reverse("directory:home"))

    assert response.status_code == 200
    assert root_count(response, "socialita") == 2
    assert root_count(response, "emergenze") == 1
    assert root_count(response, "inclusione-lavorativa") == 0
    assert response.context["activity_count"] == 3


def test_home_offers_only_roots_of_the_need_taxonomies(client):
    response = client.get(reverse("directory:home"))
    slugs = {c.slug for c in response.context["need_categories"]}
    assert slugs == set(
        Category.objects.roots()
        .filter(taxonomy__slug__in=["aree-intervento", "tempo-libero"])
        .values_list("slug", flat=True)
    )
    assert "accesso-servizi" not in slugs


def test_home_links_age_bands_zones_and_municipalities_to_search(client):
    buccinasco = MunicipalityFactory()
    zone = ZoneFactory(name="Ambito Visconteo", slug="ambito-visconteo")
    zone.municipalities.add(buccinasco)
    ZoneFactory(name="Zona vuota", slug="zona-vuota")
    activity = ActivityFactory()
    activity.locations.add(LocationFactory(organization=activity.organization))
    home.store_figures()

    content = client.get(reverse("directory:home")).content.decode()

    assert '/cerca/?fascia=6-11"' in content
    assert '/cerca/?zona=ambito-visconteo"' in content
    assert "zona-vuota" not in content
    assert f'action="{reverse("directory:place_search")}"' in content
    assert "<option" not in content


def test_home_reads_no_table_while_figures_are_stored_at_any_size(client):
    """No query with stored figures; on a cold start the needs (two) and, once, the enqueue."""
    ActivityFactory(categories=[category("sport")])
    home.store_figures()
    few = count_queries(client, reverse("directory:home"))
    for slug in ["sport", "laboratori", "sostegno-alimentare", "genitorialita", "occupabilita"]:
        activity = ActivityFactory(categories=[category(slug)])
        activity.locations.add(LocationFactory(organization=activity.organization))
    home.store_figures()
    many = count_queries(client, reverse("directory:home"))
    assert few == many == 0

    cache.clear()
    cold_first = count_queries(client, reverse("directory:home"))
    cold_then = count_queries(client, reverse("directory:home"))
    assert (cold_first, cold_then) == (3, 2)


def test_a_cold_start_shows_the_needs_without_counts_and_enqueues_one_recompute(
    client, worker_runs
):
    ActivityFactory(categories=[category("sport")])

    response = client.get(reverse("directory:home"))
    client.get(reverse("directory:home"))

    assert response.status_code == 200
    assert root_count(response, "socialita") is None
    content = response.content.decode()
    assert "linkrete-count" not in content
    assert "Attività degli enti della rete" in content
    assert queued_recomputes() == 1

    worker_runs()
    response = client.get(reverse("directory:home"))
    assert root_count(response, "socialita") == 1
    assert "1 attività di " in response.content.decode()


def test_a_new_public_activity_is_counted_once_the_worker_has_run(
    client, django_capture_on_commit_callbacks, worker_runs
):
    ActivityFactory(categories=[category("sport")])
    home.store_figures()
    with django_capture_on_commit_callbacks(execute=True):
        ActivityFactory(categories=[category("laboratori")])
    assert queued_recomputes() == 1

    response = client.get(reverse("directory:home"))
    assert root_count(response, "socialita") == 1  # the visitor never recomputes them
    worker_runs()
    response = client.get(reverse("directory:home"))
    assert root_count(response, "socialita") == 2
    assert response.context["activity_count"] == 2


def test_an_activity_taken_off_line_or_recategorized_is_seen_once_the_worker_has_run(
    client, django_capture_on_commit_callbacks, worker_runs
):
    activity = ActivityFactory(categories=[category("sport")])
    ActivityFactory(categories=[category("sport")])
    home.store_figures()
    with django_capture_on_commit_callbacks(execute=True):
        activity.categories.set([category("sostegno-alimentare")])
    worker_runs()
    response = client.get(reverse("directory:home"))
    assert root_count(response, "socialita") == 1
    assert root_count(response, "emergenze") == 1
    activity.publication_status = PublicationStatus.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        activity.save()
    worker_runs()
    assert root_count(client.get(reverse("directory:home")), "emergenze") == 0


def test_a_zone_gaining_a_municipality_is_offered_once_the_worker_has_run(
    client, django_capture_on_commit_callbacks, worker_runs
):
    activity = ActivityFactory()
    activity.locations.add(LocationFactory(organization=activity.organization))
    zone = ZoneFactory(name="Ambito Visconteo", slug="ambito-visconteo")
    home.store_figures()
    assert "ambito-visconteo" not in client.get(reverse("directory:home")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        zone.municipalities.add(MunicipalityFactory())
    worker_runs()
    assert "ambito-visconteo" in client.get(reverse("directory:home")).content.decode()


def test_an_approved_activity_is_counted_once_the_worker_has_run(
    client, staff, coordinator, organization, django_capture_on_commit_callbacks, worker_runs
):
    home.store_figures()
    before = client.get(reverse("directory:home")).context["activity_count"]
    client.force_login(staff)
    client.post(
        reverse("staff:activity_new", args=[organization.slug]),
        {
            "title": "Laboratorio di ceramica",
            "description": "Mani in pasta.",
            "categories": [category("laboratori").pk],
            "is_free": "True",
            "access": "open",
            "status": "active",
        },
    )
    client.logout()
    worker_runs()
    assert client.get(reverse("directory:home")).context["activity_count"] == before
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_approve(revision=Revision.objects.get(), reviewer=coordinator)
    worker_runs()
    response = client.get(reverse("directory:home"))
    assert response.context["activity_count"] == before + 1
    assert root_count(response, "socialita") == 1


def test_many_changes_wait_for_one_recompute_and_a_later_change_for_the_next(
    client, django_capture_on_commit_callbacks, worker_runs
):
    home.store_figures()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            ActivityFactory(categories=[category("sport")])
    assert queued_recomputes() == 1
    worker_runs()
    assert queued_recomputes() == 0
    with django_capture_on_commit_callbacks(execute=True):
        ActivityFactory(categories=[category("sport")])
    assert queued_recomputes() == 1


def test_the_figures_and_the_page_cache_hear_the_same_writes(
    django_capture_on_commit_callbacks,
):
    """One list of what public pages show (``directory.apps.public_models``) feeds both: a
    write the figures do not count (hours, an activity's languages) renews both all the same."""
    activity = ActivityFactory()
    generation = page_cache.GENERATION_KEY + "directory"
    writes = [
        lambda: OpeningSlotFactory(activity=activity),
        lambda: activity.languages.add(Language.objects.order_by("pk").first()),
        lambda: VolunteeringCallFactory(organization=activity.organization),
    ]
    for done, write in enumerate(writes, start=1):
        home.store_figures()
        before = caches["pages"].get(generation)
        with django_capture_on_commit_callbacks(execute=True):
            write()
        assert queued_recomputes() == done
        assert caches["pages"].get(generation) != before


def test_a_change_rolled_back_enqueues_nothing(django_capture_on_commit_callbacks):
    home.store_figures()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                ActivityFactory(categories=[category("sport")])
                raise RuntimeError("the save failed")
        except RuntimeError:
            pass
    assert callbacks == []
    assert queued_recomputes() == 0


def test_figures_of_yesterday_or_too_old_are_shown_and_recomputed(
    client, time_machine, worker_runs
):
    ActivityFactory(categories=[category("sport")])
    home.store_figures()
    time_machine.move_to(timezone.now() + home.MAX_AGE + datetime.timedelta(seconds=1), tick=False)
    ActivityFactory(categories=[category("sport")])  # say, written by QuerySet.update()

    assert root_count(client.get(reverse("directory:home")), "socialita") == 1
    assert queued_recomputes() == 1
    worker_runs()
    assert root_count(client.get(reverse("directory:home")), "socialita") == 2

    time_machine.move_to(timezone.now() + datetime.timedelta(days=1), tick=False)
    client.get(reverse("directory:home"))
    assert queued_recomputes() == 1


def test_storing_figures_tells_the_listeners(db):
    received = []

    def listener(sender, figures, **kwargs):
        received.append(figures["activity_count"])

    home.figures_stored.connect(listener)
    try:
        ActivityFactory(categories=[category("sport")])
        worker_result = tasks.recompute_home_figures.call()
    finally:
        home.figures_stored.disconnect(listener)
    assert received == [worker_result] == [1]


def test_a_queue_that_refuses_the_recompute_breaks_neither_the_save_nor_the_page(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    class RefusingTask:
        def enqueue(self):
            raise ConnectionError("the queue's database went away")

    monkeypatch.setattr(tasks, "recompute_home_figures", RefusingTask())
    with django_capture_on_commit_callbacks(execute=True):
        activity = ActivityFactory(categories=[category("sport")])
    assert Activity.objects.filter(pk=activity.pk).exists()
    assert client.get(reverse("directory:home")).status_code == 200
    assert cache.get(home.PENDING_KEY) is None  # the next change or visit tries again


@pytest.mark.parametrize(
    ("error", "level", "traceback"),
    [
        (OperationalError("connection to server at 127.0.0.1, port 5432 failed"), "WARNING", False),
        (ValueError("a bug"), "ERROR", True),
    ],
)
def test_a_database_outage_is_logged_by_its_type_alone(
    monkeypatch, caplog, error, level, traceback
):
    class RefusingTask:
        def enqueue(self):
            raise error

    monkeypatch.setattr(tasks, "recompute_home_figures", RefusingTask())
    with caplog.at_level("WARNING", logger="directory.home"):
        home.schedule_recompute()
    (record,) = [r for r in caplog.records if r.name == "directory.home"]
    assert record.levelname == level
    assert bool(record.exc_info) is traceback
    assert "127.0.0.1" not in record.getMessage()


def test_finder_step_two_carries_the_age_band_and_asks_for_a_category(client):
    response = client.get(reverse("directory:home"), {"passo": "2", "fascia": "6-11"})
    content = response.content.decode()
    assert response.context["finder"]["step"] == "2"
    assert '<input type="hidden" name="fascia" value="6-11">' in content
    assert '<input type="hidden" name="passo" value="3">' in content
    assert 'name="categoria" id="finder-cat-sport" value="sport"' in content


def test_finder_last_step_submits_to_search_with_the_previous_choices(client):
    response = client.get(
        reverse("directory:home"), {"passo": "3", "fascia": "0-3", "categoria": "sport"}
    )
    content = response.content.decode()
    assert f'action="{reverse("directory:place_search")}"' in content
    assert '<input type="hidden" name="fascia" value="0-3">' in content
    assert '<input type="hidden" name="categoria" value="sport">' in content
    assert 'name="dove"' in content


def test_finder_ignores_unknown_steps_and_choices(client):
    response = client.get(
        reverse("directory:home"), {"passo": "9", "fascia": "abc", "categoria": "nope"}
    )
    assert response.status_code == 200
    finder = response.context["finder"]
    assert (finder["step"], finder["band"], finder["category"]) == ("1", None, None)
    assert len(finder["needs"]) == len(response.context["need_categories"])  # not narrowed


def test_home_has_hreflang_and_canonical_links(client):
    content = client.get(reverse("directory:home")).content.decode()
    assert '<link rel="canonical" href="http://testserver/">' in content
    assert '<link rel="alternate" hreflang="it" href="http://testserver/">' in content
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in content
    assert 'hreflang="x-default"' in content


def test_home_in_english_has_the_english_prefix(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in response.content.decode()


def test_language_switch_links_work_without_javascript(client):
    """A link per language (tests/linkrete/test_interface_languages.py tests them all); the
    former POST form's endpoint still answers, for pages cached before the change."""
    content = client.get(reverse("directory:home")).content.decode()
    assert '<a href="/en/" lang="en" hreflang="en">English</a>' in content
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
