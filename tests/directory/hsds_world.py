"""An HSDS world: a published organization with every field the export maps, and the
readers of an export's files (tests of export_hsds and import_hsds); the API's world beside it
(tests of the HSDA API)."""

import csv
import datetime
import json

import pytest

from directory.hsds import schemas
from directory.models import GeneralInterestArea, Language, LegalForm, Location, TargetGroup
from directory.models import PublicationStatus as Status
from directory.search import rebuild_search_index
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OpeningSlotFactory,
    OrganizationFactory,
    ScheduleExceptionFactory,
    category,
)


def documents(out, name):
    with open(out / "json" / f"{name}.ndjson", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def table(out, name):
    with open(out / "tabular" / schemas.files()[name], newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def everything(out) -> str:
    return "\n".join(path.read_text("utf-8") for path in sorted(out.rglob("*.*")))


@pytest.fixture(name="directory")
def directory_fixture():
    """A published organization with every field the export maps, and one of its activities."""
    organization = OrganizationFactory(
        name="Associazione Il Ponte",
        legal_form=LegalForm.APS,
        tax_code="97123450153",
        runts_number="12345",
        phone="02 1234 5678",
        social_utility="Accompagniamo le famiglie del quartiere.",
    )
    organization.general_interest_areas.set(
        [GeneralInterestArea.objects.get_or_create(letter=letter)[0] for letter in "dl"]
    )
    link = NetworkFactory(name="LINK", slug="link")
    NetworkMembershipFactory(network=link, organization=organization, role="capofila")
    NetworkMembershipFactory(network=link, organization=organization, role="firmatario")
    hall = LocationFactory(
        organization=organization,
        name="Sala civica",
        wheelchair_accessible=True,
        accessibility_notes="Rampa sul retro.",
    )
    no_postcode = LocationFactory(organization=organization, name="Oratorio", postal_code="")
    online = LocationFactory(
        organization=organization,
        name="Online",
        kind=Location.Kind.VIRTUAL,
        address="",
        municipality=None,
        latitude=None,
        longitude=None,
        url="https://meet.example.org/ponte",
    )
    activity = ActivityFactory(
        organization=organization,
        title="Doposcuola del Ponte",
        summary="Compiti insieme, tre pomeriggi a settimana.",
        is_free=False,
        fee_description="20 euro al mese, ridotti con ISEE sotto 10.000 euro.",
        required_documents="Modulo di iscrizione\n\nCertificato medico",
        phone="02 8765 4321",
        enrolment_opens=datetime.date(2026, 9, 1),
        categories=[category("laboratori")],
    )
    activity.locations.set([hall, no_postcode, online])
    activity.languages.set(Language.objects.filter(code__in=["it", "ar"]))
    activity.target_groups.set(TargetGroup.objects.filter(slug="bambini"))
    OpeningSlotFactory(activity=activity, location=hall, notes="Portare la merenda")
    OpeningSlotFactory(activity=activity, weekday=3, valid_to=datetime.date(2027, 6, 30))
    ScheduleExceptionFactory(activity=activity, reason="Natale")
    ScheduleExceptionFactory(
        activity=activity,
        date=datetime.date(2026, 12, 23),
        is_closed=False,
        opens_at=datetime.time(9),
        closes_at=datetime.time(11),
    )
    return organization, activity


@pytest.fixture(name="api_world")
def api_world_fixture(directory):
    """The HSDS world, a second organization's activity far away, and what stays out: an
    unpublished organization's activity and a draft activity."""
    organization, activity = directory
    far = LocationFactory(
        name="Sede di Napoli", latitude=40.85, longitude=14.27, postal_code="80100"
    )
    other = ActivityFactory(organization=far.organization, title="Corso di italiano per adulti")
    other.locations.set([far])
    hidden = OrganizationFactory(name="Ente in bozza", status=Status.DRAFT)
    ActivityFactory(organization=hidden, title="Doposcuola nascosto")
    ActivityFactory(
        organization=organization, title="Doposcuola in bozza", publication_status=Status.DRAFT
    )
    rebuild_search_index()
    return organization, activity, other
