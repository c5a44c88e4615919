"""import_hsds at scale: batches read in one query per table, links and hours written once per
batch, slugs found without a query per try, no history row per record (directory/hsds/)."""

import io
import json
import uuid

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.hsds import importing, schemas
from directory.hsds.export import export_directory
from directory.hsds.importing import import_hsds
from directory.models import Activity, OpeningSlot, Organization
from linkrete import page_cache
from tests.directory.hsds_world import directory_fixture, documents  # noqa: F401
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(name="small_batches")
def small_batches_fixture(monkeypatch):
    """Batches of three, so that a few records cross batch boundaries."""
    monkeypatch.setattr(importing, "BATCH_SIZE", 3)
    monkeypatch.setattr(importing, "FIRST_ANALYSIS", 2)


def copies(service: dict, count: int, name: str) -> list[dict]:
    """``count`` new services like ``service``, called ``name``, with their own identifiers and
    no address of a Linkrete page (so their slugs come from the name)."""
    made = []
    for _ in range(count):
        copy = json.loads(json.dumps(service))
        copy["id"] = str(uuid.uuid4())
        copy["name"] = name
        copy.pop("url", None)
        for schedule in copy["schedules"]:
            schedule["id"] = str(uuid.uuid4())
        made.append(copy)
    return made


def write_lines(path, rows):
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
    return path


def queries_to_import(path) -> int:
    with CaptureQueriesContext(connection) as queries:
        report = import_hsds(path)
    assert report.problems == []
    return len(queries)


def test_each_more_service_costs_one_query_whatever_it_links(directory, tmp_path):
    """Its row, and in every tenth or so a batch's reads and writes (one savepoint a batch):
    not one query per place, language, category, group or hours row, nor a savepoint per
    record."""
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    few = queries_to_import(write_lines(tmp_path / "few.ndjson", copies(service, 10, "Ludoteca")))
    many = queries_to_import(write_lines(tmp_path / "many.ndjson", copies(service, 30, "Ludoteca")))
    # The search documents are rebuilt after the commit in batches of their own.
    assert (many - few) / 20 <= 1.2
    assert Activity.objects.filter(title="Ludoteca").count() == 40
    added = Activity.objects.filter(title="Ludoteca").first()
    assert added.locations.count() == 3 and added.languages.count() == 2
    assert added.categories.count() == 1 and added.target_groups.count() == 1
    assert added.opening_slots.count() == 2 and added.schedule_exceptions.count() == 2


def test_records_across_batches_keep_their_links_hours_and_dates(
    directory, tmp_path, small_batches
):
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    made = copies(service, 7, "Ludoteca")
    made[4]["last_modified"] = "2026-03-02T10:00:00+01:00"

    report = import_hsds(write_lines(tmp_path / "s.ndjson", made))

    assert report.problems == [] and report.files[-1].imported == 7
    for document in made:
        activity = Activity.objects.get(uuid=document["id"])
        assert activity.locations.count() == 3 and activity.opening_slots.count() == 2
    assert (
        Activity.objects.get(uuid=made[4]["id"])
        .updated_at.isoformat()
        .startswith("2026-03-02T09:00:00")
    )
    # The tables were analysed as they grew: the planner knows the new rows.
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'directory_openingslot'")
        assert cursor.fetchone()[0] >= 2


def test_a_service_twice_in_a_file_is_written_once_with_its_last_values(
    directory, tmp_path, small_batches
):
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    [first] = copies(service, 1, "Ludoteca")
    second = json.loads(json.dumps(first))
    second["name"] = "Ludoteca del sabato"
    second["languages"] = [item for item in first["languages"] if item["code"] == "it"]

    report = import_hsds(write_lines(tmp_path / "s.ndjson", [first, second]))

    assert report.problems == []
    activity = Activity.objects.get(uuid=first["id"])
    assert activity.title == "Ludoteca del sabato"
    assert list(activity.languages.values_list("code", flat=True)) == ["it"]
    assert activity.locations.count() == 3
    assert OpeningSlot.objects.filter(activity=activity).count() == 2


def test_services_of_one_name_get_the_slugs_unique_slug_would_give(directory, tmp_path):
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    ActivityFactory(title="Ludoteca", slug="ludoteca-3")

    import_hsds(write_lines(tmp_path / "s.ndjson", copies(service, 4, "Ludoteca")))

    slugs = sorted(Activity.objects.filter(title="Ludoteca").values_list("slug", flat=True))
    assert slugs == ["ludoteca", "ludoteca-2", "ludoteca-3", "ludoteca-4", "ludoteca-5"]


def test_a_bad_record_in_a_batch_leaves_nothing_of_it_for_the_next(
    directory, tmp_path, small_batches
):
    """A record rolled back at its savepoint: its waiting links are not written with the batch,
    and a later record that names its organization does not find a row that is gone."""
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    Organization.objects.all().delete()
    good, bad = copies(service, 2, "Ludoteca")
    bad["minimum_age"] = 150

    report = import_hsds(write_lines(tmp_path / "s.ndjson", [bad, good]))

    assert [(p.where, p.field) for p in report.problems] == [("s.ndjson:1", "minimum_age")]
    assert not Organization.objects.exists() and not Activity.objects.exists()


def test_an_import_writes_no_history_row_per_record_and_renews_the_cached_pages(
    directory, tmp_path
):
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    rows = LogEntry.objects.count()
    generation = page_cache._generations(["directory"])

    import_hsds(write_lines(tmp_path / "s.ndjson", copies(service, 5, "Ludoteca")))

    assert Activity.objects.filter(title="Ludoteca").count() == 5
    assert LogEntry.objects.count() == rows
    assert page_cache._generations(["directory"]) != generation


def test_a_batch_with_bad_records_is_imported_again_one_at_a_time_to_report_each(
    directory, tmp_path, small_batches
):
    """One savepoint a batch; when one of its records fails, the batch is rolled back and
    imported a record at a time, so that every bad record is reported, in order, with its
    line and field, and the file imports nothing."""
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    made = copies(service, 8, "Ludoteca")
    made[1]["minimum_age"] = 150  # the mapping refuses it
    made[2]["status"] = "sometimes"  # the schema refuses it
    made[6]["schedules"][0]["byday"] = "XX"  # the mapping refuses it, in the third batch

    report = import_hsds(write_lines(tmp_path / "s.ndjson", made))

    assert [(p.where, p.field) for p in report.problems] == [
        ("s.ndjson:2", "minimum_age"),
        ("s.ndjson:3", "status"),
        ("s.ndjson:7", "schedules.byday"),
    ]
    assert report.files[-1].imported == 5 and not report.files[-1].committed
    assert not Activity.objects.filter(title="Ludoteca").exists()


def test_the_fast_validator_leaves_the_errors_to_jsonschema(directory, tmp_path):
    """jsonschema-rs says whether a document is valid; the errors of one that is not are
    jsonschema's, word for word, and a format only jsonschema-rs checks refuses nothing."""
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    assert schemas.errors("service", service) == []
    wrong = json.loads(json.dumps(service))
    wrong["email"] = "nobody"
    wrong["minimum_age"] = "three"
    expected = sorted(
        schemas.validator("service").iter_errors(wrong), key=lambda error: list(error.path)
    )
    assert [e.message for e in schemas.errors("service", wrong)] == [e.message for e in expected]
    assert len(expected) == 2
    odd = json.loads(json.dumps(service))
    odd["url"] = "not an address"  # a "uri" for jsonschema-rs, not checked by jsonschema
    assert not schemas.fast_validator("service").is_valid(odd)
    assert schemas.errors("service", odd) == []


def test_the_progress_shows_every_ten_percent_though_records_come_a_batch_at_a_time(
    directory, tmp_path, small_batches
):
    """Batches of three among 25 services: a line each time a batch crosses a tenth, not only
    when a batch happens to end on one."""
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    err = io.StringIO()
    path = write_lines(tmp_path / "s.ndjson", copies(service, 25, "Ludoteca"))

    call_command("import_hsds", str(path), stdout=io.StringIO(), stderr=err)

    lines = [line for line in err.getvalue().splitlines() if line.startswith("s.ndjson")]
    assert [line.split(" (")[0] for line in lines if "services" not in line] == [
        f"s.ndjson: {done}/25" for done in (3, 6, 9, 12, 15, 18, 21, 24, 25)
    ]
