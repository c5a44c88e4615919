"""The places list's "Import" (django-import-export with ``LocationResource``)."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from directory.models import Location
from tests.directory.runts_files import body_tax_code
from tests.factories import MunicipalityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:directory_location_import")
PROCESS = reverse("admin:directory_location_process_import")
HEADINGS = ["organization_tax_code", "name", "kind", "address", "municipality"]


@pytest.fixture
def world(db):
    return {
        "organization": OrganizationFactory(tax_code=body_tax_code(1)),
        "at": MunicipalityFactory(
            istat_code="005013", name="Calliano", province="Asti", province_code="AT"
        ),
        "tn": MunicipalityFactory(
            istat_code="022035", name="Calliano", province="Trento", province_code="TN"
        ),
    }


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def preview(client, rows):
    out = io.StringIO()
    csv.writer(out).writerows([HEADINGS, *rows])
    return client.post(
        IMPORT,
        {
            "import_file": SimpleUploadedFile("luoghi.csv", out.getvalue().encode()),
            "format": "0",
            "resource": 0,
        },
    )


def test_places_are_matched_by_organization_and_name_and_towns_by_province(
    coordinator_client, world
):
    Location.objects.create(
        organization=world["organization"],
        name="Sede",
        address="Via Vecchia 1",
        municipality=world["at"],
    )
    response = preview(
        coordinator_client,
        [
            [body_tax_code(1), "Sede", "physical", "Via Nuova 2", "Calliano (TN)"],
            [body_tax_code(1), "Sportello online", "online / remote", "", ""],
        ],
    )
    assert response.context["result"].totals == {
        **response.context["result"].totals,
        "new": 1,
        "update": 1,
    }
    coordinator_client.post(PROCESS, {**response.context["confirm_form"].initial, "resource": 0})

    sede = Location.objects.get(name="Sede")
    assert (sede.address, sede.municipality) == ("Via Nuova 2", world["tn"])
    assert Location.objects.get(name="Sportello online").kind == Location.Kind.VIRTUAL


def test_an_unknown_organization_and_an_ambiguous_town_are_row_errors(coordinator_client, world):
    response = preview(
        coordinator_client,
        [
            [body_tax_code(9), "Sede", "physical", "Via Roma 1", "Calliano (AT)"],
            [body_tax_code(1), "Sede", "physical", "Via Roma 1", "Calliano"],
        ],
    )

    page = response.content.decode()
    assert response.context["result"].has_validation_errors()
    assert not response.context["result"].has_errors()
    assert "Nessuna organizzazione ha il codice fiscale" in page
    assert "indica anche la provincia" in page
    assert not Location.objects.exists()
