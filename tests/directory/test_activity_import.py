"""The activities list's "Import" (django-import-export with ``ActivityResource``)."""

import datetime
import io
import re

import openpyxl
import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from directory import tasks
from directory.models import (
    Activity,
    ImportBatch,
    ImportRecord,
    Location,
    PublicationStatus,
    SearchRefresh,
)
from directory.onboarding import batches
from tests.directory import spreadsheet_import
from tests.directory.runts_files import body_tax_code, runts_xlsx
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    OpeningSlotFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:directory_activity_import")
PROCESS = reverse("admin:directory_activity_process_import")
TEMPLATE = reverse("admin:directory_activity_import_template")
TEMPLATE_CSV = reverse("admin:directory_activity_import_template_csv")
HEADINGS = [
    "organization_tax_code",
    "title",
    "description",
    "categories",
    "languages",
    "min_age",
    "max_age",
    "is_free",
    "fee_description",
    "place",
    "address",
    "municipality",
    "hours",
]
CSV, XLSX = "0", "1"


@pytest.fixture
def world(db):
    organization = OrganizationFactory(tax_code=body_tax_code(1), name="Oratorio Esempio")
    forli = MunicipalityFactory(
        istat_code="040012", name="Forlì", province="Forlì-Cesena", province_code="FC"
    )
    return {
        "organization": organization,
        "forli": forli,
        "sede": LocationFactory(organization=organization, name="Sede", municipality=forli),
    }


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def row(**values):
    base = {
        "organization_tax_code": body_tax_code(1),
        "title": "Doposcuola",
        "description": "Aiuto nei compiti.",
        "categories": "laboratori",
        "languages": "",
        "min_age": "",
        "max_age": "",
        "is_free": "",
        "fee_description": "",
        "place": "",
        "address": "",
        "municipality": "",
        "hours": "",
    }
    return [{**base, **values}[heading] for heading in HEADINGS]


def as_csv(rows, headings=HEADINGS) -> bytes:
    return spreadsheet_import.csv_bytes(headings, rows)


def preview(client, content, name="attivita.csv", file_format=CSV):
    return spreadsheet_import.upload(client, IMPORT, content, name, file_format)


def confirm(client, response):
    return spreadsheet_import.confirm(client, PROCESS, response)


def test_rows_are_previewed_then_imported_as_drafts_with_categories_place_and_hours(
    coordinator_client, world, django_capture_on_commit_callbacks
):
    content = as_csv(
        [
            row(
                categories="laboratori; Sostegno alle famiglie",
                languages="it; Arabo",
                min_age="6",
                max_age="11",
                place="sede",
                hours="lun 15:00-18:00; mer 15-18",
            ),
            row(
                title="Corso di italiano",
                categories="Creative workshops",
                is_free="no",
                fee_description="10 euro al mese",
                place="Biblioteca",
                address="Via Ravegnana 10",
                municipality="Forlì (FC)",
            ),
        ]
    )

    response = preview(coordinator_client, content)

    assert response.status_code == 200
    assert response.context["result"].totals["new"] == 2
    assert not Activity.objects.exists()
    assert not ImportBatch.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        confirm(coordinator_client, response)

    doposcuola = Activity.objects.get(title="Doposcuola")
    assert doposcuola.publication_status == PublicationStatus.DRAFT
    assert doposcuola.organization == world["organization"]
    assert doposcuola.slug == "doposcuola"
    assert sorted(doposcuola.categories.values_list("slug", flat=True)) == [
        "laboratori",
        "sostegno-famiglie",
    ]
    assert sorted(doposcuola.languages.values_list("code", flat=True)) == ["ar", "it"]
    assert (doposcuola.min_age, doposcuola.max_age) == (6, 11)
    assert list(doposcuola.locations.all()) == [world["sede"]]
    assert [
        (s.weekday, s.opens_at, s.closes_at) for s in doposcuola.opening_slots.order_by("weekday")
    ] == [
        (1, datetime.time(15), datetime.time(18)),
        (3, datetime.time(15), datetime.time(18)),
    ]
    corso = Activity.objects.get(title="Corso di italiano")
    assert not corso.is_free
    biblioteca = Location.objects.get(name="Biblioteca")
    assert (biblioteca.organization, biblioteca.municipality) == (
        world["organization"],
        world["forli"],
    )
    assert list(corso.locations.all()) == [biblioteca]
    batch = ImportBatch.objects.get()
    assert (batch.kind, batch.status, batch.created) == ("activities", "done", 2)
    assert batch.records.filter(action="created").count() == 3  # two activities, one place
    # The search documents are the worker's, after the commit: never refreshed in the request.
    refresh = SearchRefresh.objects.get()
    assert sorted(refresh.object_ids) == sorted([doposcuola.pk, corso.pk])
    assert DBTaskResult.objects.filter(task_path=tasks.refresh_search.module_path).count() == 1
    assert doposcuola.search_text == ""


def test_a_coordinator_may_publish_at_once_by_saying_so_in_the_file(coordinator_client, world):
    headings = [*HEADINGS, "publication_status"]
    content = as_csv([[*row(), "published"]], headings=headings)

    confirm(coordinator_client, preview(coordinator_client, content))

    assert Activity.objects.get().publication_status == PublicationStatus.PUBLISHED


def test_an_xlsx_is_read_too(coordinator_client, world):
    content = runts_xlsx([row(hours="sab 9:30-12")], headings=HEADINGS)

    confirm(coordinator_client, preview(coordinator_client, content, "a.xlsx", XLSX))

    assert Activity.objects.get().opening_slots.get().weekday == 6


def test_bad_rows_are_shown_with_their_row_and_field_and_nothing_can_be_imported(
    coordinator_client, world
):
    content = as_csv(
        [
            row(title="Buona"),
            row(title="Orari", hours="lunedì mattina"),
            row(title="Categoria", categories="laboratori; astrologia"),
            row(title="Ente", organization_tax_code=body_tax_code(9)),
            row(title="Costo", is_free="no"),
            row(title="Luogo", place="Palestra"),
            row(title="Descrizione", description=""),
            row(title="Orario rovesciato", hours="mar 18-15"),
        ]
    )

    response = preview(coordinator_client, content)

    page = response.content.decode()
    assert response.context["result"].has_validation_errors()
    assert response.context.get("confirm_form") is None
    for number in range(2, 9):
        assert re.search(rf"<td>{number}\s*</td>", page), number
    assert "non è un giorno con i suoi orari" in page
    assert "«astrologia»" in page or "“astrologia”" in page
    assert "Nessuna organizzazione ha il codice fiscale" in page
    assert "Indicare il costo" in page
    assert "Palestra" in page
    assert "deve aprire prima di chiudere" in page
    assert not Activity.objects.exists()
    assert not ImportBatch.objects.exists()


def test_a_known_activity_is_updated_but_what_staff_edited_since_the_last_import_is_kept(
    coordinator_client, world
):
    confirm(
        coordinator_client,
        preview(coordinator_client, as_csv([row(description="Prima.", min_age="6")])),
    )
    activity = Activity.objects.get()
    activity.description = "Scritta dallo staff."
    activity.save()

    response = preview(
        coordinator_client, as_csv([row(description="Seconda.", min_age="8", hours="gio 9-12")])
    )
    assert response.context["result"].totals["update"] == 1
    confirm(coordinator_client, response)

    activity.refresh_from_db()
    assert activity.description == "Scritta dallo staff."
    assert activity.min_age == 8
    assert activity.opening_slots.get().weekday == 4
    latest = ImportBatch.objects.order_by("-pk").first()
    assert (latest.updated, latest.kept_edits) == (1, 1)


def test_a_row_identical_to_the_activity_is_left_unchanged(coordinator_client, world):
    activity = ActivityFactory(organization=world["organization"], title="Doposcuola")
    activity.locations.add(world["sede"])
    OpeningSlotFactory(
        activity=activity, weekday=1, opens_at=datetime.time(15), closes_at=datetime.time(18)
    )
    content = as_csv(
        [
            row(
                description=activity.description,
                min_age="6",
                max_age="11",
                place="Sede",
                hours="lun 15-18",
            )
        ]
    )

    response = preview(coordinator_client, content)

    assert response.context["result"].totals["skip"] == 1


def test_the_templates_have_the_columns_a_sample_row_and_notes(coordinator_client):
    workbook = openpyxl.load_workbook(io.BytesIO(coordinator_client.get(TEMPLATE).content))
    columns, example = [[cell.value for cell in line] for line in workbook.worksheets[0]]
    assert columns[:2] == ["organization_tax_code", "title"]
    assert "hours" in columns
    assert example[columns.index("hours")] == "lun 15:00-18:00; mer 15:00-18:00"
    notes = {line[0].value: line[1].value for line in workbook.worksheets[1].iter_rows(min_row=2)}
    assert "lun-ven 9-12" in notes["hours"]

    lines = coordinator_client.get(TEMPLATE_CSV).content.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[0].startswith("organization_tax_code,title,")
    page = coordinator_client.get(IMPORT).content.decode()
    assert TEMPLATE in page and TEMPLATE_CSV in page


def test_the_sample_row_of_the_template_imports(coordinator_client, world):
    world["organization"].tax_code = "97012345678"
    world["organization"].save()
    content = coordinator_client.get(TEMPLATE_CSV).content

    confirm(coordinator_client, preview(coordinator_client, content))

    assert Activity.objects.get().opening_slots.count() == 2


@pytest.mark.parametrize("who", ["staff", "other_staff", "desk_operator"])
def test_only_coordinators_may_import(client, request, who, world):
    user = request.getfixturevalue(who)
    user.is_staff = True  # even one let into the admin for something else
    user.save()
    client.force_login(user)

    for url in (IMPORT, TEMPLATE, TEMPLATE_CSV):
        assert client.get(url).status_code == 403, url
    assert preview(client, as_csv([row()])).status_code == 403
    assert client.post(PROCESS, {"import_file_name": "x", "format": CSV}).status_code == 403
    assert not Activity.objects.exists()
    assert not ImportRecord.objects.exists()


def test_anonymous_people_are_sent_to_sign_in(client):
    for url in (IMPORT, TEMPLATE, TEMPLATE_CSV):
        assert "?next=" in client.get(url)["Location"]


def test_a_large_file_is_checked_then_imported_by_the_worker(
    coordinator_client, world, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setitem(tasks.IMMEDIATE_BYTES_BY_KIND, "activities", 100)
    content = as_csv([row(), row(title="Orari", hours="lunedì mattina"), row(title="Terza")])

    with django_capture_on_commit_callbacks(execute=True):
        response = preview(coordinator_client, content)

    checked = ImportBatch.objects.get()
    assert response["Location"] == reverse("admin:directory_importbatch_change", args=[checked.pk])
    assert (checked.kind, checked.status, checked.dry_run) == ("activities", "pending", True)
    assert tasks.run_import.call(checked.pk) == ImportBatch.Status.REJECTED
    checked.refresh_from_db()
    assert [(e["row"], e["column"]) for e in checked.errors] == [(3, "hours")]
    page = coordinator_client.get(response["Location"]).content.decode()
    assert "non è un giorno con i suoi orari" in page
    assert not Activity.objects.exists()

    content = as_csv([row(), row(title="Terza")])
    with django_capture_on_commit_callbacks(execute=True):
        response = preview(coordinator_client, content)
    checked = ImportBatch.objects.order_by("-pk").first()
    assert tasks.run_import.call(checked.pk) == ImportBatch.Status.CHECKED
    checked.refresh_from_db()
    assert (checked.created, checked.errors) == (2, [])
    assert not Activity.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(reverse("admin:directory_importbatch_import", args=[checked.pk]))
    batch = ImportBatch.objects.order_by("-pk").first()
    assert tasks.run_import.call(batch.pk) == ImportBatch.Status.DONE
    assert Activity.objects.count() == 2
    assert batch.records.count() == 2


def test_activities_go_to_the_worker_from_a_smaller_file_than_bodies(
    coordinator_client, world, django_capture_on_commit_callbacks
):
    # About 25 queries a row: 250 activities (a file under the 50 KB a RUNTS list may have
    # within the request) would hold the request for a minute.
    content = as_csv([row(title=f"Corso {n}") for n in range(250)])
    assert tasks.import_immediate_bytes("activities") < len(content) < tasks.IMPORT_IMMEDIATE_BYTES

    with django_capture_on_commit_callbacks(execute=True):
        response = preview(coordinator_client, content)

    checked = ImportBatch.objects.get()
    assert response["Location"] == reverse("admin:directory_importbatch_change", args=[checked.pk])
    assert (checked.kind, checked.status, checked.dry_run) == ("activities", "pending", True)
    assert not Activity.objects.exists()


def test_the_page_of_a_large_import_shows_the_rows_read_so_far(
    coordinator_client, world, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setitem(tasks.IMMEDIATE_BYTES_BY_KIND, "activities", 100)
    content = as_csv([row(title=f"Corso {n}") for n in range(120)])
    with django_capture_on_commit_callbacks(execute=True):
        response = preview(coordinator_client, content)
    batch = ImportBatch.objects.get()
    page = coordinator_client.get(response["Location"]).content.decode()
    assert "Righe lette finora" not in page  # the worker has not started

    # The worker imports in one transaction: the batch's row says nothing until the end, the
    # cache says how far it got every 50 rows.
    assert tasks.run_import.call(batch.pk) == ImportBatch.Status.CHECKED
    assert batches.rows_read(batch) == (100, 120)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportBatch.Status.RUNNING)
    page = coordinator_client.get(response["Location"]).content.decode()
    assert "Righe lette finora: 100 di 120." in " ".join(page.split())
