"""Undo of the spreadsheet imports (organizations, places, activities) from the batch's page:
what the import created goes, what it changed gets its values back, unless staff edited it
since (then it is left, and listed)."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from directory.models import Activity, ImportBatch, Location, Organization
from tests.directory.runts_files import body_tax_code
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def forli(db):
    return MunicipalityFactory(
        istat_code="040012", name="Forlì", province="Forlì-Cesena", province_code="FC"
    )


def import_file(client, model, rows):
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    response = client.post(
        reverse(f"admin:directory_{model}_import"),
        {
            "import_file": SimpleUploadedFile("file.csv", out.getvalue().encode()),
            "format": "0",
            "resource": 0,
        },
    )
    form = response.context["confirm_form"]
    client.post(reverse(f"admin:directory_{model}_process_import"), {**form.initial, "resource": 0})
    return ImportBatch.objects.order_by("-pk").first()


def undo(client, batch):
    return client.post(reverse("admin:directory_importbatch_undo", args=[batch.pk]), follow=True)


def test_undo_of_organizations(coordinator_client):
    kept = OrganizationFactory(tax_code=body_tax_code(1), name="Nome a mano")
    edited = OrganizationFactory(tax_code=body_tax_code(2), name="Altro nome a mano")
    batch = import_file(
        coordinator_client,
        "organization",
        [
            ["tax_code", "name", "description", "legal_form"],
            [body_tax_code(1), "Nome dal file", "Dal file.", "aps"],
            [body_tax_code(2), "Altro nome dal file", "Dal file.", "aps"],
            [body_tax_code(3), "Ente nuovo", "Dal file.", "aps"],
        ],
    )
    assert (batch.kind, batch.created, batch.updated) == ("organizations", 1, 2)
    Organization.objects.filter(pk=edited.pk).update(name="Corretto dallo staff")

    response = undo(coordinator_client, batch)

    assert not Organization.objects.filter(tax_code=body_tax_code(3)).exists()
    kept.refresh_from_db()
    assert kept.name == "Nome a mano"
    edited.refresh_from_db()
    assert edited.name == "Corretto dallo staff"
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.UNDONE
    assert [k["pk"] for k in batch.kept_at_undo] == [edited.pk]
    assert "Corretto dallo staff" in response.content.decode()


def test_undo_of_places(coordinator_client, forli):
    organization = OrganizationFactory(tax_code=body_tax_code(1))
    sede = LocationFactory(organization=organization, name="Sede", address="Via Vecchia 1")
    palestra = LocationFactory(organization=organization, name="Palestra", address="Via Po 1")
    batch = import_file(
        coordinator_client,
        "location",
        [
            ["organization_tax_code", "name", "address", "municipality"],
            [body_tax_code(1), "Sede", "Via Nuova 2", "Forlì"],
            [body_tax_code(1), "Palestra", "Via Nuova 3", "Forlì"],
            [body_tax_code(1), "Biblioteca", "Via Nuova 4", "Forlì"],
        ],
    )
    assert (batch.kind, batch.created, batch.updated) == ("locations", 1, 2)
    Location.objects.filter(pk=palestra.pk).update(address="Via dello staff 5")

    undo(coordinator_client, batch)

    assert not Location.objects.filter(name="Biblioteca").exists()
    sede.refresh_from_db()
    assert (sede.address, sede.municipality.name) == ("Via Vecchia 1", "Buccinasco")
    palestra.refresh_from_db()
    assert palestra.address == "Via dello staff 5"
    batch.refresh_from_db()
    assert [k["pk"] for k in batch.kept_at_undo] == [palestra.pk]


def test_undo_of_activities_with_their_categories_places_and_hours(coordinator_client, forli):
    organization = OrganizationFactory(tax_code=body_tax_code(1))
    known = ActivityFactory(organization=organization, title="Doposcuola", min_age=6)
    edited = ActivityFactory(organization=organization, title="Coro", min_age=6)
    headings = ["organization_tax_code", "title", "description", "categories", "min_age"]
    batch = import_file(
        coordinator_client,
        "activity",
        [
            [*headings, "address", "municipality", "hours"],
            [
                body_tax_code(1),
                "Doposcuola",
                "Nuova.",
                "sport",
                "8",
                "Via Po 1",
                "Forlì",
                "lun 9-12",
            ],
            [body_tax_code(1), "Coro", "Nuova.", "sport", "8", "", "", ""],
            [body_tax_code(1), "Nuova attività", "Nuova.", "sport", "8", "Via Po 1", "Forlì", ""],
        ],
    )
    assert (batch.kind, batch.created, batch.updated) == ("activities", 1, 2)
    created_place = Location.objects.get(address="Via Po 1")
    Activity.objects.filter(pk=edited.pk).update(min_age=10)

    undo(coordinator_client, batch)

    assert not Activity.objects.filter(title="Nuova attività").exists()
    assert not Location.objects.filter(pk=created_place.pk).exists()
    known.refresh_from_db()
    assert (known.description, known.min_age) == (
        "Un laboratorio per bambini e ragazzi, con educatori e volontari.",
        6,
    )
    assert list(known.categories.values_list("slug", flat=True)) == ["laboratori"]
    assert not known.opening_slots.exists()
    assert not known.locations.exists()
    edited.refresh_from_db()
    assert (edited.min_age, edited.description) == (10, "Nuova.")
    batch.refresh_from_db()
    assert [k["pk"] for k in batch.kept_at_undo] == [edited.pk]


def test_only_the_latest_import_can_be_undone(coordinator_client):
    rows = [
        ["tax_code", "name", "description", "legal_form"],
        [body_tax_code(1), "Ente", "Un ente.", "aps"],
    ]
    first = import_file(coordinator_client, "organization", rows)
    import_file(
        coordinator_client, "organization", [rows[0], [body_tax_code(2), "Altro", "Sì.", "aps"]]
    )

    response = undo(coordinator_client, first)

    assert "Si può annullare solo l" in response.content.decode()
    assert Organization.objects.count() == 2


@pytest.mark.parametrize("who", ["staff", "other_staff", "desk_operator"])
def test_only_coordinators_may_undo(client, request, who, coordinator):
    batch = ImportBatch.objects.create(
        kind=ImportBatch.Kind.ACTIVITIES, file_name="a.csv", status=ImportBatch.Status.DONE
    )
    user = request.getfixturevalue(who)
    user.is_staff = True
    user.save()
    client.force_login(user)

    url = reverse("admin:directory_importbatch_undo", args=[batch.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE


def test_anonymous_people_cannot_undo(client):
    batch = ImportBatch.objects.create(
        kind=ImportBatch.Kind.ACTIVITIES, file_name="a.csv", status=ImportBatch.Status.DONE
    )
    response = client.post(reverse("admin:directory_importbatch_undo", args=[batch.pk]))
    assert "?next=" in response["Location"]
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE
