"""manage.py import_hsds: HSDS 3.0 JSON or a tabular package into the directory."""

import io
import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from directory.hsds.export import export_directory
from directory.hsds.importing import import_hsds
from directory.models import (
    Activity,
    Category,
    ImportedTerm,
    Location,
    OpeningSlot,
    Organization,
    ScheduleException,
)
from tests.directory.hsds_world import directory_fixture, documents  # noqa: F401
from tests.factories import ActivityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

BASE_URL = "https://rete.example.it"


def by_id(out, name):
    return {document["id"]: document for document in documents(out, name)}


def empty_the_directory():
    """What an empty installation has: the reference tables, no organization."""
    Organization.objects.all().delete()
    assert not Activity.objects.exists() and not Location.objects.exists()
    assert not OpeningSlot.objects.exists() and not ScheduleException.objects.exists()


def write_lines(path, documents):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), "utf-8")


@pytest.mark.parametrize("form", ["json", "tabular"])
def test_export_import_into_an_empty_directory_export_gives_the_same_documents(
    directory, tmp_path, form
):
    first, second = tmp_path / "first", tmp_path / "second"
    export_directory(first, base_url=BASE_URL)
    empty_the_directory()
    source = first if form == "json" else first / "tabular"

    report = import_hsds(source)

    assert report.problems == []
    assert [(file.name, file.imported) for file in report.files] == [
        ("organizations.ndjson" if form == "json" else "organizations.csv", 1),
        ("services.ndjson" if form == "json" else "services.csv", 1),
    ]
    export_directory(second, base_url=BASE_URL)
    assert by_id(second, "organizations") == by_id(first, "organizations")
    assert by_id(second, "services") == by_id(first, "services")
    # Even the pages keep their addresses, and the activity is found by the search again.
    organization, activity = directory
    assert Organization.objects.get().slug == organization.slug
    imported = Activity.objects.get()
    assert imported.slug != "" and imported.search_text != ""


def test_importing_twice_changes_nothing(directory, tmp_path):
    export_directory(tmp_path / "first")
    import_hsds(tmp_path / "first")
    import_hsds(tmp_path / "first")
    export_directory(tmp_path / "second")
    assert Organization.objects.count() == 1 and Activity.objects.count() == 1
    assert OpeningSlot.objects.count() == 2 and ScheduleException.objects.count() == 2
    assert by_id(tmp_path / "second", "services") == by_id(tmp_path / "first", "services")


def test_an_import_updates_the_records_with_its_identifiers(directory, tmp_path):
    organization, activity = directory
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    service["name"] = "Doposcuola del Ponte, il sabato"
    service["schedules"] = [s for s in service["schedules"] if "dtstart" not in s]
    write_lines(tmp_path / "changed" / "services.ndjson", [service])

    report = import_hsds(tmp_path / "changed" / "services.ndjson")

    assert report.problems == []
    activity.refresh_from_db()
    assert activity.title == "Doposcuola del Ponte, il sabato"
    assert not activity.schedule_exceptions.exists()
    assert activity.opening_slots.count() == 2
    assert Activity.objects.count() == 1


def test_a_file_with_a_bad_record_imports_nothing_and_says_where_and_why(directory, tmp_path):
    export_directory(tmp_path)
    [good] = documents(tmp_path, "services")
    empty_the_directory()
    late = dict(good, id="6b0c9a8e-1f43-4a43-9f0e-3f3a7d7b1a01", name="Corso di italiano")
    late["minimum_age"] = 150
    no_name = dict(good, id="6b0c9a8e-1f43-4a43-9f0e-3f3a7d7b1a02")
    del no_name["name"]
    # Fresh identifiers for what the good service nests, so only the two faults remain.
    write_lines(tmp_path / "bad" / "services.ndjson", [good, late, no_name, "[1, 2]"])
    (tmp_path / "bad" / "services.ndjson").write_text(
        (tmp_path / "bad" / "services.ndjson").read_text("utf-8") + "{not json\n", "utf-8"
    )

    report = import_hsds(tmp_path / "bad" / "services.ndjson")

    problems = [(p.where, p.field) for p in report.problems]
    assert ("services.ndjson:2", "minimum_age") in problems
    assert ("services.ndjson:3", "-") in problems  # 'name' is a required property
    assert any("'name' is a required property" in p.message for p in report.problems)
    assert ("services.ndjson:4", "-") in problems  # a string, not an object
    assert ("services.ndjson:5", "-") in problems  # not JSON
    assert not report.files[0].committed
    # The good record of the file is not imported either: nothing half done.
    assert not Organization.objects.exists() and not Activity.objects.exists()


def test_a_dry_run_checks_everything_and_writes_nothing(directory, tmp_path):
    export_directory(tmp_path)
    empty_the_directory()

    report = import_hsds(tmp_path, dry_run=True)

    assert report.problems == [] and [f.imported for f in report.files] == [1, 1]
    assert not Organization.objects.exists() and not Activity.objects.exists()


def test_unknown_terms_wait_for_a_coordinator_then_classify(directory, tmp_path):
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    foreign_term = {
        "id": "0d1e2f30-4a5b-4c6d-8e9f-a0b1c2d3e4f5",
        "code": "BD-1800",
        "name": "Food Pantries",
        "description": "Programs that distribute food to people in need.",
        "taxonomy": "211 LA",
    }
    service["attributes"].append(
        {
            "id": "0d1e2f30-4a5b-4c6d-8e9f-a0b1c2d3e4f6",
            "link_id": service["id"],
            "link_entity": "service",
            "taxonomy_term_id": foreign_term["id"],
            "taxonomy_term": foreign_term,
        }
    )
    write_lines(tmp_path / "foreign" / "services.ndjson", [service])

    report = import_hsds(tmp_path / "foreign" / "services.ndjson")

    assert report.problems == [] and report.terms_to_map == 1
    term = ImportedTerm.objects.get()
    assert (term.name, term.taxonomy, term.code, term.services) == (
        "Food Pantries",
        "211 LA",
        "BD-1800",
        1,
    )
    activity = Activity.objects.get()
    assert list(activity.categories.values_list("slug", flat=True)) == ["laboratori"]

    pantry = Category.objects.exclude(slug="laboratori").first()
    term.category = pantry
    term.save()
    report = import_hsds(tmp_path / "foreign" / "services.ndjson")
    assert report.terms_to_map == 0
    assert set(activity.categories.values_list("slug", flat=True)) == {"laboratori", pantry.slug}


def test_a_service_brings_its_organization_when_the_file_has_only_services(directory, tmp_path):
    export_directory(tmp_path)
    shutil.copy(tmp_path / "json" / "services.ndjson", tmp_path / "services.ndjson")
    empty_the_directory()

    report = import_hsds(tmp_path / "services.ndjson")

    assert report.problems == []
    assert Organization.objects.get().name == "Associazione Il Ponte"
    assert Activity.objects.get().locations.count() == 3


def test_a_place_of_another_organization_is_refused(directory, tmp_path):
    export_directory(tmp_path)
    [document] = documents(tmp_path, "organizations")
    other = OrganizationFactory(name="Altro ente")
    stolen = Location.objects.get(name="Sala civica")
    stolen.organization = other
    stolen.save()

    report = import_hsds(tmp_path / "json" / "organizations.ndjson")

    assert [(p.field, p.message) for p in report.problems] == [
        ("locations.id", "a place of another organization")
    ]
    assert Location.objects.get(name="Sala civica").organization == other


def test_the_command_reports_progress_problems_and_fails_on_them(directory, tmp_path):
    export_directory(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    call_command("import_hsds", str(tmp_path), stdout=out, stderr=err)
    assert "organizations.ndjson: 1 imported." in out.getvalue()
    assert "services.ndjson: 1 imported." in out.getvalue()
    assert "services.ndjson: 1/1 (100 %)" in err.getvalue()

    [service] = documents(tmp_path, "services")
    service["status"] = "sleeping"
    write_lines(tmp_path / "bad.ndjson", [service])
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 records could not be imported"):
        call_command("import_hsds", str(tmp_path / "bad.ndjson"), stdout=io.StringIO(), stderr=err)
    assert f"bad.ndjson:1 ({service['id']}), status:" in err.getvalue()


def test_the_command_refuses_a_path_it_cannot_read(tmp_path):
    with pytest.raises(CommandError, match="neither HSDS JSON"):
        call_command("import_hsds", str(tmp_path), stdout=io.StringIO())
    (tmp_path / "x.txt").write_text("x")
    with pytest.raises(CommandError, match="give a .json or .ndjson file"):
        call_command("import_hsds", str(tmp_path / "x.txt"), stdout=io.StringIO())


def test_an_activity_of_the_import_is_public_at_once(tmp_path):
    activity = ActivityFactory(title="Centro estivo al parco")
    export_directory(tmp_path)
    empty_the_directory()
    import_hsds(tmp_path)
    assert Activity.objects.public().get().uuid == activity.uuid


def test_a_constraint_the_database_refuses_is_reported_in_the_models_words(directory, tmp_path):
    export_directory(tmp_path)
    [document] = documents(tmp_path, "organizations")
    empty_the_directory()
    OrganizationFactory(name="Già qui", tax_code="97123450153")

    report = import_hsds(tmp_path / "json" / "organizations.ndjson")

    [problem] = report.problems
    assert (problem.field, problem.message) == (
        "tax_code",
        "Un altro ente ha già questo codice fiscale.",
    )
    assert problem.record == document["id"]
