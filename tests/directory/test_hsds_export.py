"""manage.py export_hsds: the public directory as Open Referral HSDS 3.0 (directory.hsds)."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.hsds import batches, profile, schemas
from directory.hsds.export import export_directory
from directory.models import PublicationStatus as Status
from tests.directory.hsds_world import directory_fixture, documents, everything, table  # noqa: F401
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MembershipFactory,
    OpeningSlotFactory,
    OrganizationFactory,
    ScheduleExceptionFactory,
    VolunteerFactory,
)

pytestmark = pytest.mark.django_db


def test_every_document_validates_against_the_compiled_schemas(directory, tmp_path):
    export_directory(tmp_path, base_url="https://rete.example.it")

    organizations = documents(tmp_path, "organizations")
    services = documents(tmp_path, "services")
    assert len(organizations) == 1 and len(services) == 1
    for document in organizations:
        assert list(schemas.validator("organization").iter_errors(document)) == []
    for document in services:
        assert list(schemas.validator("service").iter_errors(document)) == []


def test_the_schemas_refuse_a_broken_document(directory, tmp_path):
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    del service["name"]
    service["schedules"][0]["freq"] = "HOURLY"

    assert len(list(schemas.validator("service").iter_errors(service))) == 2


def test_csvs_have_the_datapackage_columns(directory, tmp_path):
    export_directory(tmp_path)

    for name, columns in schemas.columns().items():
        path = tmp_path / "tabular" / schemas.files()[name]
        with open(path, newline="", encoding="utf-8") as handle:
            assert next(csv.reader(handle)) == columns, name
    assert (tmp_path / "tabular" / "datapackage.json").read_bytes() == (
        schemas.DATAPACKAGE.read_bytes()
    )


def test_the_tabular_package_is_valid_for_frictionless(directory, tmp_path):
    from frictionless import validate

    export_directory(tmp_path)

    report = validate(str(tmp_path / "tabular" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(table(tmp_path, "service")) == 1


def test_the_mapping(directory, tmp_path):
    organization, activity = directory
    export_directory(tmp_path)
    [org] = documents(tmp_path, "organizations")
    [service] = documents(tmp_path, "services")

    assert org["id"] == str(organization.uuid)
    assert {(i["identifier_scheme"], i["identifier"]) for i in org["organization_identifiers"]} == {
        ("IT-CF", "97123450153"),
        ("IT-RUNTS", "12345"),
    }
    org_terms = {a["taxonomy_term"]["code"]: a.get("value") for a in org["attributes"]}
    roles = [
        a["value"]
        for a in org["attributes"]
        if a["taxonomy_term"]["code"] == "linkrete-profile:network_role"
    ]
    assert sorted(roles) == ["capofila:link", "firmatario:link"]
    assert org_terms["cts-art5:d"] is None and "cts-art5:l" in org_terms
    assert "runts-section:b" in org_terms
    hall, no_postcode, online = org["locations"]
    assert hall["addresses"][0]["postal_code"] == "20090"
    assert hall["attributes"][0]["value"] == "015036"
    assert {a["description"] for a in hall["accessibility"]} == {
        "accessibile in sedia a rotelle",
        "altre note sull'accessibilità",
    }
    assert "addresses" not in no_postcode
    assert no_postcode["description"] == "Via Roma 1, Buccinasco (MI)"
    assert online["location_type"] == "virtual" and "addresses" not in online

    assert service["minimum_age"] == 6 and service["maximum_age"] == 11
    assert service["cost_options"][0]["amount_description"].startswith("20 euro")
    assert [d["document"] for d in service["required_documents"]] == [
        "Modulo di iscrizione",
        "Certificato medico",
    ]
    assert {language["code"] for language in service["languages"]} == {"it", "ar"}
    ending, weekly, special, closed = service["schedules"]
    assert (weekly["freq"], weekly["byday"], weekly["opens_at"], weekly["closes_at"]) == (
        "WEEKLY",
        "SA",
        "09:00:00",
        "12:00:00",
    )
    assert weekly["service_at_location_id"] in {s["id"] for s in service["service_at_locations"]}
    assert ending["byday"] == "WE" and ending["valid_to"] == "2027-06-30"
    assert closed["valid_from"] == closed["valid_to"] == "2026-12-25"
    assert "opens_at" not in closed
    assert closed["attributes"][0]["taxonomy_term"]["code"] == "linkrete-profile:closed"
    assert (special["byday"], special["opens_at"], special["closes_at"]) == (
        "WE",
        "09:00:00",
        "11:00:00",
    )
    assert "attributes" not in special
    service_terms = {a["taxonomy_term"]["code"]: a.get("value") for a in service["attributes"]}
    assert "laboratori" in service_terms
    assert service_terms["linkrete-profile:enrolment_opens"] == "2026-09-01"
    assert service_terms["linkrete-profile:target_group"] == "Bambini"


def test_identifiers_stay_the_same_across_exports(directory, tmp_path):
    export_directory(tmp_path / "first")
    export_directory(tmp_path / "second")

    assert everything(tmp_path / "first") == everything(tmp_path / "second")
    for name in schemas.columns():
        ids = [row["id"] for row in table(tmp_path / "first", name)]
        assert len(ids) == len(set(ids)), name
    # Every record a row points to is in the package.
    locations = {row["id"] for row in table(tmp_path / "first", "location")}
    terms = {row["id"] for row in table(tmp_path / "first", "taxonomy_term")}
    assert {row["location_id"] for row in table(tmp_path / "first", "service_at_location")} <= (
        locations
    )
    assert {row["taxonomy_term_id"] for row in table(tmp_path / "first", "attribute")} <= terms
    assert {profile.fixed(profile.CTS_ART5, "a")} <= terms


def test_unpublished_records_stay_out(directory, tmp_path):
    organization, _ = directory
    draft = OrganizationFactory(name="Ente in bozza", status=Status.DRAFT)
    hidden_place = LocationFactory(organization=draft, name="Sede riservata")
    ActivityFactory(organization=draft, title="Attività di un ente in bozza")
    ActivityFactory(
        organization=organization, title="Attività in bozza", publication_status=Status.DRAFT
    )
    archived = ActivityFactory(
        organization=organization, title="Attività archiviata", publication_status=Status.ARCHIVED
    )
    shared = ActivityFactory(organization=organization, title="Attività pubblica")
    shared.locations.set([hidden_place])

    export_directory(tmp_path)

    text = everything(tmp_path)
    for absent in [draft, hidden_place, archived]:
        assert str(absent.uuid) not in text
    for name in ["Ente in bozza", "Sede riservata", "in bozza", "archiviata"]:
        assert name not in text
    assert "Attività pubblica" in text
    [org] = documents(tmp_path, "organizations")
    assert "Attività pubblica" in {service["name"] for service in org["services"]}


def test_personal_data_stays_out(directory, tmp_path):
    organization, _ = directory
    volunteer = VolunteerFactory(
        organization=organization,
        first_name="Ottavia",
        last_name="Volontarissima",
        tax_code="VLNTTV80A41F205X",
    )
    member = MembershipFactory(organization=organization, user__email="redattrice@example.org")

    export_directory(tmp_path)

    text = everything(tmp_path)
    for personal in [
        volunteer.first_name,
        volunteer.last_name,
        volunteer.email,
        volunteer.tax_code,
    ]:
        assert personal not in text
    assert member.user.email not in text and member.user.last_name not in text
    assert organization.email in text  # the organization's public contact


@pytest.mark.parametrize("rows", [1, 4])
def test_the_export_costs_a_fixed_number_of_queries_per_batch(rows, tmp_path):
    for number in range(rows):
        activity = ActivityFactory(title=f"Attività {number}")
        place = LocationFactory(organization=activity.organization)
        activity.locations.set([place])
        OpeningSlotFactory(activity=activity, location=place)
        ScheduleExceptionFactory(activity=activity)

    # One batch each of organizations and activities (fewer rows than the batch size), the
    # desks (none), then the Linkrete taxonomies and their categories.
    with CaptureQueriesContext(connection) as queries:
        export_directory(tmp_path, batch_size=5)

    assert (batches.ORGANIZATION_QUERIES, batches.SERVICE_QUERIES) == (5, 7)
    assert len(queries) == 5 + 7 + 1 + 2


def test_batches_walk_every_row_once(tmp_path):
    for number in range(5):
        ActivityFactory(title=f"Attività {number}")

    counts = export_directory(tmp_path, batch_size=2)

    assert counts.organizations == 5 and counts.services == 5
    assert len({document["id"] for document in documents(tmp_path, "services")}) == 5


def test_the_command_writes_the_export_and_a_summary(directory, tmp_path):
    out = io.StringIO()
    call_command(
        "export_hsds", str(tmp_path / "hsds"), "--base-url", "https://rete.example.it", stdout=out
    )

    assert out.getvalue().startswith("HSDS export: 1 organizations, 1 services (0 of them desks), ")
    [service] = documents(tmp_path / "hsds", "services")
    assert service["url"] == "https://rete.example.it/attivita/doposcuola-del-ponte/"


@pytest.mark.parametrize(
    "arguments",
    [["--batch-size", "0"], ["--base-url", "rete.example.it"]],
)
def test_the_command_refuses_bad_options(arguments, tmp_path):
    with pytest.raises(CommandError):
        call_command("export_hsds", str(tmp_path), *arguments)
