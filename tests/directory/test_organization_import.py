"""The organizations list's "Import" (django-import-export with ``OrganizationResource``)."""

import io
import re

import openpyxl
import pytest
from django.urls import reverse

from directory.models import ImportBatch, LegalForm, Organization, PublicationStatus
from tests.directory import spreadsheet_import
from tests.directory.runts_files import body_tax_code, runts_xlsx
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:directory_organization_import")
PROCESS = reverse("admin:directory_organization_process_import")
TEMPLATE = reverse("admin:directory_organization_import_template")
HEADINGS = ["tax_code", "name", "legal_form", "description", "email"]
CSV, XLSX = "0", "1"


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def as_csv(rows, headings=HEADINGS) -> bytes:
    return spreadsheet_import.csv_bytes(headings, rows)


def preview(client, content, name="enti.csv", file_format=CSV):
    return spreadsheet_import.upload(client, IMPORT, content, name, file_format)


def confirm(client, response):
    return spreadsheet_import.confirm(client, PROCESS, response)


def test_a_csv_is_previewed_then_imported_as_drafts_with_slugs(coordinator_client):
    existing = OrganizationFactory(tax_code=body_tax_code(1), name="Vecchio nome")
    content = as_csv(
        [
            [body_tax_code(1), "Nuovo nome", "aps", "Un'associazione.", ""],
            [body_tax_code(2), "Pro Loco Esempio", "APS", "Una pro loco.", "info@example.org"],
        ]
    )

    response = preview(coordinator_client, content)

    assert response.status_code == 200
    assert response.context["result"].totals["new"] == 1
    assert response.context["result"].totals["update"] == 1
    existing.refresh_from_db()
    assert existing.name == "Vecchio nome"
    assert Organization.objects.count() == 1

    confirm(coordinator_client, response)

    existing.refresh_from_db()
    assert existing.name == "Nuovo nome"
    created = Organization.objects.get(tax_code=body_tax_code(2))
    assert (created.slug, created.status) == ("pro-loco-esempio", PublicationStatus.DRAFT)
    assert created.legal_form == LegalForm.APS


def test_an_xlsx_is_read_too(coordinator_client):
    content = runts_xlsx(
        [[body_tax_code(3), "Circolo Esempio", "associazione", "Un circolo.", ""]],
        headings=HEADINGS,
    )

    response = preview(coordinator_client, content, name="enti.xlsx", file_format=XLSX)
    confirm(coordinator_client, response)

    assert Organization.objects.get().legal_form == LegalForm.ASSOCIATION


def test_bad_rows_are_shown_with_their_row_and_field_and_nothing_can_be_imported(
    coordinator_client,
):
    content = as_csv(
        [
            [body_tax_code(1), "Buono", "aps", "Descrizione.", ""],
            [body_tax_code(2)[:-1] + "0", "Codice errato", "aps", "Descrizione.", ""],
            [body_tax_code(3), "Forma errata", "spa", "Descrizione.", "non-una-mail"],
        ]
    )

    response = preview(coordinator_client, content)

    page = response.content.decode()
    assert response.context["result"].has_validation_errors()
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    # django-import-export numbers the data rows, the headings' row left out.
    assert re.search(r"<td>2\s*</td>", page) and re.search(r"<td>3\s*</td>", page)
    assert "Questo campo non può essere vuoto" not in page
    assert "cifra di controllo" in page
    assert "non è una delle scelte" in page
    assert not Organization.objects.exists()


def test_the_template_has_the_columns_the_import_reads(coordinator_client):
    response = coordinator_client.get(TEMPLATE)

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]][:3] == ["tax_code", "name", "legal_form"]
    assert "Scarica il modello" in coordinator_client.get(IMPORT).content.decode()


@pytest.mark.parametrize("who", ["staff", "desk_operator"])
def test_only_coordinators_may_import(client, request, who):
    user = request.getfixturevalue(who)
    user.is_staff = True
    user.save()
    client.force_login(user)

    for url in (IMPORT, TEMPLATE):
        assert client.get(url).status_code == 403, url
    assert preview(client, as_csv([[body_tax_code(1), "X", "aps", "X", ""]])).status_code == 403
    assert not Organization.objects.filter(tax_code=body_tax_code(1)).exists()


def test_anonymous_people_are_sent_to_sign_in(client):
    for url in (IMPORT, TEMPLATE):
        assert "?next=" in client.get(url)["Location"]


def test_a_second_import_keeps_what_staff_edited_since_the_first(coordinator_client):
    def import_rows(rows):
        confirm(coordinator_client, preview(coordinator_client, as_csv(rows)))

    import_rows([[body_tax_code(1), "Dal file", "aps", "Descrizione.", "a@example.org"]])
    Organization.objects.filter(tax_code=body_tax_code(1)).update(name="Dallo staff")

    import_rows([[body_tax_code(1), "Dal file, di nuovo", "aps", "Descrizione.", "b@example.org"]])

    organization = Organization.objects.get()
    assert (organization.name, organization.email) == ("Dallo staff", "b@example.org")
    batch = ImportBatch.objects.order_by("-pk").first()
    assert (batch.kind, batch.updated, batch.kept_edits) == ("organizations", 1, 1)
