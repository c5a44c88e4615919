"""The proximity desks in the HSDS export (directory/hsds/desks.py), and left out by the import."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.hsds import overlay, profile, schemas
from directory.hsds.export import export_directory
from directory.hsds.importing import import_hsds
from directory.models import Activity, Language, PublicationStatus
from tests.directory.hsds_world import documents
from tests.factories import DeskExceptionFactory, DeskFactory, DeskOpeningSlotFactory

pytestmark = pytest.mark.django_db

BASE_URL = "https://rete.example.it"


@pytest.fixture(name="desk")
def desk_fixture():
    desk = DeskFactory(
        name="Sportello Famiglie Buccinasco",
        description="Orientamento ai servizi per le famiglie.",
        phone="02 4579 7200",
        email="sportello@example.org",
        offers_video=True,
    )
    desk.languages.set(Language.objects.filter(code__in=["it", "ar"]))
    DeskOpeningSlotFactory(desk=desk)
    DeskOpeningSlotFactory(
        desk=desk, weekday=4, opens_at=datetime.time(14, 30), closes_at=datetime.time(17)
    )
    DeskExceptionFactory(desk=desk, reason="Natale")
    return desk


def desk_documents(out):
    return [
        document
        for document in documents(out, "services")
        if any(
            (a["taxonomy_term_id"], a.get("value")) == (profile.DESK.id, "true")
            for a in document["attributes"]
        )
    ]


def test_a_desk_is_a_service_of_its_host_with_its_place_hours_phone_and_topics(desk, tmp_path):
    counts = export_directory(tmp_path, base_url=BASE_URL)

    assert counts.desks == 1 and counts.services == 1
    [document] = desk_documents(tmp_path)
    assert document["id"] == str(desk.uuid)
    assert document["organization_id"] == str(desk.host_organization.uuid)
    assert document["name"] == "Sportello Famiglie Buccinasco"
    assert document["url"] == f"{BASE_URL}/sportelli/{desk.slug}/"
    assert document["application_process"] == (
        "Su prenotazione: in presenza, per telefono, in videochiamata."
    )
    assert [phone["number"] for phone in document["phones"]] == ["02 4579 7200"]
    assert [pair["location_id"] for pair in document["service_at_locations"]] == [
        str(desk.location.uuid)
    ]
    weekly = [s for s in document["schedules"] if "dtstart" not in s]
    assert [(s["byday"], s["opens_at"]) for s in weekly] == [("TU", "09:00:00"), ("TH", "14:30:00")]
    [closed] = [s for s in document["schedules"] if "dtstart" in s]
    assert closed["dtstart"] == "2026-12-25" and closed["description"] == "Chiuso: Natale"
    assert sorted(language["code"] for language in document["languages"]) == ["ar", "it"]
    topics = {a["taxonomy_term"]["code"] for a in document["attributes"] if "taxonomy_term" in a}
    assert {"accesso-servizi", "digital-divide"} <= topics
    # As the schemas and the Italian profile want it.
    assert list(schemas.validator("service").iter_errors(document)) == []
    assert list(overlay.validator("service").iter_errors(document)) == []


def test_a_desks_identifiers_stay_the_same_across_exports(desk, tmp_path):
    export_directory(tmp_path / "first")
    export_directory(tmp_path / "second")
    assert desk_documents(tmp_path / "first") == desk_documents(tmp_path / "second")


def test_unpublished_desks_and_desks_of_unpublished_hosts_stay_out(desk, tmp_path):
    hidden = DeskFactory(status=PublicationStatus.DRAFT)
    orphan = DeskFactory()
    orphan.host_organization.status = PublicationStatus.DRAFT
    orphan.host_organization.save()

    export_directory(tmp_path)

    assert [d["id"] for d in desk_documents(tmp_path)] == [str(desk.uuid)]
    assert str(hidden.uuid) not in (tmp_path / "json" / "services.ndjson").read_text("utf-8")


@pytest.mark.parametrize("desks", [1, 3])
def test_the_desks_cost_a_fixed_number_of_queries(desks, tmp_path):
    for _ in range(desks):
        desk = DeskFactory()
        DeskOpeningSlotFactory(desk=desk)
        DeskExceptionFactory(desk=desk)

    with CaptureQueriesContext(connection) as queries:
        export_directory(tmp_path, batch_size=5)

    # The hosts' batch (5), the activities (none: 1), the desks with their languages, topics,
    # places, hours and dates (6), the taxonomies and their categories (2).
    assert len(queries) == 5 + 1 + 6 + 2


def test_the_import_leaves_the_desks_out_and_says_so(desk, tmp_path):
    export_directory(tmp_path)
    activities = Activity.objects.count()

    report = import_hsds(tmp_path)

    assert report.problems == []
    assert [(file.imported, file.desks) for file in report.files] == [(1, 0), (0, 1)]
    assert Activity.objects.count() == activities
    out = io.StringIO()
    call_command("import_hsds", str(tmp_path), stdout=out)
    assert "services.ndjson: 0 imported, 1 desks left out (exported, not imported)." in (
        out.getvalue()
    )
