"""Admin changes that reach many search documents: saved at once, refreshed in the background.

Issue 18: renaming a category of 232,000 activities refreshed them inside the request, until
gunicorn killed the worker and the rename was lost. Now a save above ``IMMEDIATE_LIMIT``
activities commits and enqueues one task (``directory.tasks.refresh_search``), which the worker
(``manage.py db_worker``) runs in batches; smaller sets are still refreshed in the request.
"""

import datetime
import io
import itertools

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from directory import search, tasks
from directory.models import Activity, Category, Revision, SearchRefresh, Taxonomy
from directory.retention import delete_finished_search_refreshes, delete_finished_tasks
from directory.staff import services
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ZoneFactory,
)

MANY = tasks.IMMEDIATE_LIMIT + 50


def changeform_data(response) -> dict:
    """The POST an admin change form sends when saved unchanged: its fields and inlines."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        forms += formset.forms
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False or value == "":
                continue
            if value is True:
                value = "on"
            elif isinstance(value, list | tuple):
                value = [getattr(v, "pk", v) for v in value]
            elif hasattr(value, "pk"):
                value = value.pk
            elif hasattr(value, "url"):  # an image already stored
                continue
            data[form.add_prefix(name)] = value
    return data


def save_in_admin(client, model, obj, **changes):
    url = reverse(f"admin:directory_{model._meta.model_name}_change", args=[obj.pk])
    data = {**changeform_data(client.get(url)), **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.context and [
        f.errors for f in [response.context["adminform"].form]
    ]
    return response


_numbers = itertools.count()


def make_activities(count, *, organization, categories=(), locations=()):
    """``count`` activities in a few queries, with fresh search documents."""
    numbers = [next(_numbers) for _ in range(count)]
    activities = Activity.objects.bulk_create(
        ActivityFactory.build(organization=organization, title=f"Corso {n}", slug=f"corso-{n}")
        for n in numbers
    )
    Activity.categories.through.objects.bulk_create(
        Activity.categories.through(activity=a, category=c) for a in activities for c in categories
    )
    Activity.locations.through.objects.bulk_create(
        Activity.locations.through(activity=a, location=loc)
        for a in activities
        for loc in locations
    )
    search.refresh_search_documents(Activity.objects.filter(pk__in=[a.pk for a in activities]))
    return Activity.objects.filter(pk__in=[a.pk for a in activities])


def texts(activities):
    return list(activities.order_by("pk").values_list("search_text", flat=True))


def tags(activities):
    return list(activities.order_by("pk").values_list("search_tags", flat=True))


def refresh_tasks():
    """The queue's search refreshes (a change also enqueues the home figures' recompute)."""
    return DBTaskResult.objects.filter(task_path=tasks.refresh_search.module_path)


def vacuums_of_activities() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'directory_activity'"
        )
        return cursor.fetchone()[0]


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def scuola(db):
    taxonomy = Taxonomy.objects.create(name="Prove", slug="prove")
    return Category.objects.create(taxonomy=taxonomy, name="Scuola di musica", slug="musica")


@pytest.fixture
def many_in_scuola(scuola):
    return make_activities(MANY, organization=OrganizationFactory(), categories=[scuola])


def test_renaming_a_large_category_saves_at_once_and_leaves_the_documents_to_the_worker(
    coordinator_client, scuola, many_in_scuola, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = save_in_admin(coordinator_client, Category, scuola, name="Scuola di chitarra")

    scuola.refresh_from_db()
    assert scuola.name == "Scuola di chitarra"
    assert all("musica" in text and "chitarra" not in text for text in texts(many_in_scuola))
    refresh = SearchRefresh.objects.get()
    # Not counted in the request: the worker counts.
    assert (refresh.scope, refresh.object_ids, refresh.total, refresh.done) == (
        SearchRefresh.Scope.CATEGORY,
        [scuola.pk],
        None,
        0,
    )
    assert refresh.finished_at is None
    task = refresh_tasks().get()
    assert (task.task_path, task.args_kwargs["args"]) == (
        "directory.tasks.refresh_search",
        [refresh.pk],
    )
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("qualche minuto" in m and "Aggiornamenti" in m for m in messages), messages

    assert tasks.refresh_search.call(refresh.pk) == MANY
    assert all("chitarra" in text for text in texts(many_in_scuola))
    refresh.refresh_from_db()
    assert refresh.total == refresh.done == MANY and refresh.finished_at is not None


def test_a_root_categorys_refresh_includes_its_subcategories_activities(
    coordinator_client, scuola, django_capture_on_commit_callbacks
):
    child = Category.objects.create(
        taxonomy=scuola.taxonomy, parent=scuola, name="Pianoforte", slug="pianoforte"
    )
    organization = OrganizationFactory()
    in_child = make_activities(MANY - 10, organization=organization, categories=[child])
    in_both = make_activities(10, organization=organization, categories=[scuola, child])

    with django_capture_on_commit_callbacks(execute=True):
        save_in_admin(coordinator_client, Category, scuola, name="Scuola di chitarra")

    refresh = SearchRefresh.objects.get()
    assert tasks.refresh_search.call(refresh.pk) == MANY
    refresh.refresh_from_db()
    assert refresh.total == MANY  # each activity once, though two of its categories match
    assert all("chitarra" in text for text in texts(in_child) + texts(in_both))


def test_a_small_category_is_still_refreshed_in_the_request(
    coordinator_client, scuola, django_capture_on_commit_callbacks
):
    few = make_activities(3, organization=OrganizationFactory(), categories=[scuola])

    with django_capture_on_commit_callbacks(execute=True):
        response = save_in_admin(coordinator_client, Category, scuola, name="Scuola di chitarra")

    assert all("chitarra" in text for text in texts(few))
    assert not SearchRefresh.objects.exists()
    assert not refresh_tasks().exists()
    assert not any("minuti" in str(m) for m in get_messages(response.wsgi_request))


def test_the_limit_is_where_the_background_starts(
    coordinator_client, scuola, django_capture_on_commit_callbacks
):
    organization = OrganizationFactory()
    make_activities(tasks.IMMEDIATE_LIMIT - 1, organization=organization, categories=[scuola])
    with django_capture_on_commit_callbacks(execute=True):
        save_in_admin(coordinator_client, Category, scuola, name="Scuola di chitarra")
    assert not SearchRefresh.objects.exists()

    make_activities(1, organization=organization, categories=[scuola])
    with django_capture_on_commit_callbacks(execute=True):
        save_in_admin(coordinator_client, Category, scuola, name="Scuola di violino")
    refresh = SearchRefresh.objects.get()
    tasks.refresh_search.call(refresh.pk)
    refresh.refresh_from_db()
    assert refresh.total == tasks.IMMEDIATE_LIMIT


def test_a_municipality_joining_a_zone_tags_its_activities_in_the_background(
    coordinator_client, django_capture_on_commit_callbacks
):
    buccinasco = MunicipalityFactory()
    corsico = MunicipalityFactory(istat_code="015093", name="Corsico")
    zone = ZoneFactory(name="Ambito Visconteo")
    zone.municipalities.add(buccinasco)
    organization = OrganizationFactory()
    place = LocationFactory(organization=organization, municipality=corsico)
    in_corsico = make_activities(MANY, organization=organization, locations=[place])
    before = tags(in_corsico)

    with django_capture_on_commit_callbacks(execute=True):
        save_in_admin(
            coordinator_client, type(zone), zone, municipalities=[buccinasco.pk, corsico.pk]
        )

    assert set(zone.municipalities.all()) == {buccinasco, corsico}
    assert tags(in_corsico) == before
    refresh = SearchRefresh.objects.get()
    assert (refresh.scope, refresh.object_ids) == (SearchRefresh.Scope.MUNICIPALITIES, [corsico.pk])
    assert tasks.refresh_search.call(refresh.pk) == MANY
    assert all(len(new) == len(old) + 1 for new, old in zip(tags(in_corsico), before, strict=True))


def test_moving_a_place_refreshes_its_activities_in_the_background(
    coordinator_client, django_capture_on_commit_callbacks
):
    MunicipalityFactory()
    corsico = MunicipalityFactory(istat_code="015093", name="Corsico")
    organization = OrganizationFactory()
    place = LocationFactory(organization=organization)
    there = make_activities(MANY, organization=organization, locations=[place])

    with django_capture_on_commit_callbacks(execute=True):
        save_in_admin(coordinator_client, type(place), place, municipality=corsico.pk)

    place.refresh_from_db()
    assert place.municipality == corsico
    assert all("corsico" not in text for text in texts(there))
    refresh = SearchRefresh.objects.get()
    assert refresh.scope == SearchRefresh.Scope.LOCATION
    assert tasks.refresh_search.call(refresh.pk) == MANY
    assert all("corsico" in text for text in texts(there))


def test_renaming_an_organization_refreshes_its_activities_in_the_background(
    coordinator_client, django_capture_on_commit_callbacks
):
    organization = OrganizationFactory(name="Banda musicale")
    LocationFactory(organization=organization)
    theirs = make_activities(MANY, organization=organization)

    with django_capture_on_commit_callbacks(execute=True):
        save_in_admin(coordinator_client, type(organization), organization, name="Filarmonica")

    organization.refresh_from_db()
    assert organization.name == "Filarmonica"
    assert all("filarmonica" not in text for text in texts(theirs))
    refresh = SearchRefresh.objects.get()
    assert refresh.scope == SearchRefresh.Scope.ORGANIZATION
    assert tasks.refresh_search.call(refresh.pk) == MANY
    assert all("filarmonica" in text for text in texts(theirs))


def test_a_refresh_that_fails_halfway_keeps_its_progress_and_can_run_again(
    coordinator_client, scuola, many_in_scuola, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        save_in_admin(coordinator_client, Category, scuola, name="Scuola di chitarra")
    refresh = SearchRefresh.objects.get()

    monkeypatch.setattr(tasks, "BATCH_SIZE", 100)
    real_refresh = search.refresh_search_documents
    calls = []

    def fails_on_the_second_batch(activities):
        calls.append(1)
        if len(calls) == 2:
            raise ConnectionError("the database went away")
        return real_refresh(activities)

    monkeypatch.setattr(search, "refresh_search_documents", fails_on_the_second_batch)
    with pytest.raises(ConnectionError):
        tasks.refresh_search.call(refresh.pk)

    scuola.refresh_from_db()
    assert scuola.name == "Scuola di chitarra"
    refresh.refresh_from_db()
    assert (refresh.done, refresh.finished_at) == (100, None)
    assert sum("chitarra" in text for text in texts(many_in_scuola)) == 100

    assert tasks.refresh_search.call(refresh.pk) == MANY - 100
    assert all("chitarra" in text for text in texts(many_in_scuola))
    refresh.refresh_from_db()
    assert refresh.done == MANY and refresh.finished_at is not None
    assert tasks.refresh_search.call(refresh.pk) == 0  # finished: running it again does nothing


def test_run_again_hands_unfinished_refreshes_to_the_worker(
    coordinator_client, django_capture_on_commit_callbacks
):
    pending = SearchRefresh.objects.create(
        scope=SearchRefresh.Scope.CATEGORY, object_ids=[1], label="Categoria: Sport", total=300
    )
    finished = SearchRefresh.objects.create(
        scope=SearchRefresh.Scope.CATEGORY,
        object_ids=[2],
        label="Categoria: Musica",
        total=300,
        done=300,
        finished_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            reverse("admin:directory_searchrefresh_changelist"),
            {"action": "run_again", "_selected_action": [pending.pk, finished.pk]},
        )
    assert response.status_code == 302
    assert [task.args_kwargs["args"] for task in refresh_tasks().all()] == [[pending.pk]]


def test_coordinators_see_the_refreshes_and_cannot_change_them(coordinator_client, db):
    refresh = SearchRefresh.objects.create(
        scope=SearchRefresh.Scope.CATEGORY,
        object_ids=[1],
        label="Categoria: Sport",
        total=1200,
        done=300,
    )
    page = coordinator_client.get(reverse("admin:directory_searchrefresh_changelist"))
    assert page.status_code == 200
    assert "300 / 1200" in page.content.decode()
    assert coordinator_client.get(reverse("admin:directory_searchrefresh_add")).status_code == 403
    url = reverse("admin:directory_searchrefresh_change", args=[refresh.pk])
    assert coordinator_client.post(url, {"label": "x"}).status_code == 403


def test_finished_refreshes_are_deleted_after_thirty_days(db, settings):
    now = timezone.now()

    def refresh(**fields):
        return SearchRefresh.objects.create(
            scope=SearchRefresh.Scope.CATEGORY, object_ids=[1], label="x", total=1, **fields
        )

    old = refresh(done=1, finished_at=now - datetime.timedelta(days=31))
    recent = refresh(done=1, finished_at=now - datetime.timedelta(days=29))
    pending = refresh()
    SearchRefresh.objects.filter(pk=pending.pk).update(created_at=now - datetime.timedelta(days=90))

    assert delete_finished_search_refreshes(now) == 1
    assert set(SearchRefresh.objects.all()) == {recent, pending}
    assert not SearchRefresh.objects.filter(pk=old.pk).exists()
    assert delete_finished_search_refreshes(now) == 0


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_the_worker_runs_the_refresh_the_admin_enqueued(client, coordinator, monkeypatch):
    """The whole path with the real queue: the admin's transaction commits, the task row is
    there, and ``manage.py db_worker`` (run here once, in batch mode) refreshes every document,
    then, the refresh being large, vacuums the activity table."""
    monkeypatch.setattr(tasks, "VACUUM_AFTER", MANY)
    taxonomy = Taxonomy.objects.create(name="Prove", slug="prove")
    scuola = Category.objects.create(taxonomy=taxonomy, name="Scuola di musica", slug="musica")
    many = make_activities(MANY, organization=OrganizationFactory(), categories=[scuola])
    client.force_login(coordinator)

    save_in_admin(client, Category, scuola, name="Scuola di chitarra")

    task = refresh_tasks().get()
    assert task.status == "READY"
    assert all("chitarra" not in text for text in texts(many))
    vacuums_before = vacuums_of_activities()

    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)

    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert all("chitarra" in text for text in texts(many))
    assert SearchRefresh.objects.get().finished_at is not None
    assert vacuums_of_activities() == vacuums_before + 1


def test_an_approved_move_of_a_busy_place_refreshes_in_the_background(
    client, staff, coordinator, organization, django_capture_on_commit_callbacks
):
    """The association area's path: a place's revision, approved by a coordinator."""
    MunicipalityFactory()
    corsico = MunicipalityFactory(istat_code="015093", name="Corsico")
    place = LocationFactory(organization=organization)
    there = make_activities(MANY, organization=organization, locations=[place])
    client.force_login(staff)
    client.post(
        reverse("staff:location_edit", args=[organization.slug, place.pk]),
        {
            "name": "Sede",
            "kind": "physical",
            "address": "Via Roma 1",
            "postal_code": "20090",
            "municipality": corsico.pk,
        },
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.revision_approve(revision=Revision.objects.get(), reviewer=coordinator)

    place.refresh_from_db()
    assert place.municipality == corsico
    assert all("corsico" not in text for text in texts(there))
    refresh = SearchRefresh.objects.get()
    assert (refresh.scope, refresh.object_ids) == (SearchRefresh.Scope.LOCATION, [place.pk])
    assert refresh_tasks().count() == 1
    assert tasks.refresh_search.call(refresh.pk) == MANY
    assert all("corsico" in text for text in texts(there))


def test_saving_a_large_category_costs_the_same_queries_whatever_its_size(
    coordinator_client, scuola, django_capture_on_commit_callbacks
):
    organization = OrganizationFactory()
    counts = []
    for size in (MANY, 2 * MANY):
        make_activities(MANY, organization=organization, categories=[scuola])  # MANY, then 2 * MANY
        cache.clear()  # each save enqueues the home figures' recompute, not only the first
        url = reverse("admin:directory_category_change", args=[scuola.pk])
        data = {**changeform_data(coordinator_client.get(url)), "name": f"Scuola {size}"}
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            assert coordinator_client.post(url, data).status_code == 302
        counts.append(len(queries))
        # No search document is written in the request, and the activities are not counted.
        assert not [q for q in queries if "UPDATE" in q["sql"] and "directory_activity" in q["sql"]]
        assert not [q for q in queries if "COUNT(" in q["sql"] and "directory_activity" in q["sql"]]
        assert [q for q in queries if f"LIMIT {tasks.IMMEDIATE_LIMIT}" in q["sql"]]
    assert SearchRefresh.objects.count() == 2
    assert counts[0] == counts[1], counts


def test_finished_tasks_are_deleted_after_thirty_days(db):
    now = timezone.now()
    old = tasks.refresh_search.enqueue(1)
    waiting = tasks.refresh_search.enqueue(2)
    DBTaskResult.objects.filter(pk=old.id).update(
        status="SUCCESSFUL", finished_at=now - datetime.timedelta(days=31)
    )
    DBTaskResult.objects.filter(pk=waiting.id).update(enqueued_at=now - datetime.timedelta(days=90))

    assert delete_finished_tasks(now) == 1
    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == [waiting.db_result.pk]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("seeded_taxonomies")
def test_a_refresh_whose_worker_was_killed_halfway_is_resumed_and_finishes(
    client, coordinator, monkeypatch, time_machine
):
    """The worker dies mid-refresh: its task stays "running" for ever and the refresh stops
    getting heartbeats. ``resume_search_refreshes`` enqueues it again once it is stalled, once,
    and the next worker carries on from the last batch committed."""
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    taxonomy = Taxonomy.objects.create(name="Prove", slug="prove")
    scuola = Category.objects.create(taxonomy=taxonomy, name="Scuola di musica", slug="musica")
    many = make_activities(MANY, organization=OrganizationFactory(), categories=[scuola])
    client.force_login(coordinator)
    save_in_admin(client, Category, scuola, name="Scuola di chitarra")
    refresh = SearchRefresh.objects.get()
    killed_task = refresh_tasks().get()
    killed_task.claim("worker-killed-by-gunicorn")

    monkeypatch.setattr(tasks, "BATCH_SIZE", 100)
    real_refresh = search.refresh_search_documents
    batches = []

    def dies_in_the_second_batch(activities):
        batches.append(1)
        if len(batches) == 2:
            raise SystemExit("SIGKILL")
        return real_refresh(activities)

    monkeypatch.setattr(search, "refresh_search_documents", dies_in_the_second_batch)
    with pytest.raises(SystemExit):
        tasks.refresh_search.call(refresh.pk)
    monkeypatch.setattr(search, "refresh_search_documents", real_refresh)
    refresh.refresh_from_db()
    assert (refresh.total, refresh.done, refresh.heartbeat_at) == (MANY, 100, start)

    def resume():
        out = io.StringIO()
        call_command("resume_search_refreshes", stdout=out)
        return out.getvalue()

    time_machine.move_to(start + tasks.STALL_AFTER - datetime.timedelta(seconds=1), tick=False)
    assert "0 handed" in resume()  # perhaps only slow
    time_machine.move_to(start + tasks.STALL_AFTER + datetime.timedelta(seconds=1), tick=False)
    assert "1 handed" in resume()
    assert "0 handed" in resume()  # already waiting in the queue: not twice

    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)

    refresh.refresh_from_db()
    assert refresh.done == MANY and refresh.finished_at is not None
    assert all("chitarra" in text for text in texts(many))
    assert DBTaskResult.objects.get(pk=killed_task.pk).status == "RUNNING"  # not run twice
    assert refresh_tasks().exclude(pk=killed_task.pk).get().status == "SUCCESSFUL"
    assert "0 handed" in resume()


def test_resume_now_takes_every_unfinished_refresh_without_a_queued_task(db):
    refresh = SearchRefresh.objects.create(
        scope=SearchRefresh.Scope.CATEGORY,
        object_ids=[1],
        label="x",
        heartbeat_at=timezone.now(),
    )
    SearchRefresh.objects.create(
        scope=SearchRefresh.Scope.CATEGORY, object_ids=[2], label="y", finished_at=timezone.now()
    )
    out = io.StringIO()
    call_command("resume_search_refreshes", stdout=out)
    assert "0 handed" in out.getvalue()
    call_command("resume_search_refreshes", now=True, stdout=out)
    assert "1 handed" in out.getvalue()
    assert [t.args_kwargs["args"] for t in refresh_tasks().all()] == [[refresh.pk]]


@pytest.mark.usefixtures("pinned_now")
def test_the_admin_shows_which_refreshes_are_stalled(coordinator_client):
    now = timezone.now()
    stalled = SearchRefresh.objects.create(
        scope=SearchRefresh.Scope.CATEGORY,
        object_ids=[1],
        label="Categoria: Sport",
        total=1200,
        done=300,
        heartbeat_at=now - tasks.STALL_AFTER - datetime.timedelta(minutes=1),
    )
    SearchRefresh.objects.create(
        scope=SearchRefresh.Scope.CATEGORY,
        object_ids=[2],
        label="Categoria: Musica",
        total=1200,
        done=600,
        heartbeat_at=now,
    )
    url = reverse("admin:directory_searchrefresh_changelist")
    content = coordinator_client.get(url).content.decode()
    assert "Ferma: nessun avanzamento dal 02/12/2026 09:49" in content
    assert "In corso" in content

    response = coordinator_client.get(url, {"stato": "fermo"})
    assert list(response.context["cl"].result_list) == [stalled]


def test_a_refresh_inside_a_transaction_skips_the_vacuum_and_still_finishes(
    scuola, many_in_scuola, monkeypatch, caplog
):
    """VACUUM cannot run in a transaction: the worker runs tasks outside one; a caller inside
    one (this test) still gets its documents refreshed."""
    monkeypatch.setattr(tasks, "VACUUM_AFTER", MANY)
    refresh = SearchRefresh.objects.create(
        scope=SearchRefresh.Scope.CATEGORY, object_ids=[scuola.pk], label="x"
    )
    assert tasks.refresh_search.call(refresh.pk) == MANY
    assert "VACUUM of the activities skipped" in caplog.text


def test_the_activity_table_is_vacuumed_after_two_percent_of_its_rows_change(db):
    """PostgreSQL's default waits for 20 %: a bulk refresh left the search slow (migration 0017,
    bench/README.md "Reads after big writes")."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'directory_activity'")
        options = set(cursor.fetchone()[0])
    assert {
        "autovacuum_vacuum_scale_factor=0.02",
        "autovacuum_vacuum_threshold=1000",
        "autovacuum_vacuum_insert_scale_factor=0.02",
        "autovacuum_analyze_scale_factor=0.02",
    } <= options
