"""A coordinator imports the RUNTS list in the admin: upload, report with errors, dry run,
import, undo; axe-core checks each page, and the coordinator sees it work at 360 px too."""

import pytest
from django.urls import reverse

from directory.models import ImportBatch, Organization
from tests.directory.runts_files import body_tax_code, runts_xlsx
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def forli(db):
    return MunicipalityFactory(
        istat_code="040012", name="Forlì", province="Forlì-Cesena", province_code="FC"
    )


def rows(bad=False):
    return [
        [body_tax_code(1), "Auser Forlì", "A", "No", "Forlì", "FC", "101"],
        [body_tax_code(2), "Arci Forlì", "h" if bad else "B", "No", "Forlì", "FC", "102"],
    ]


def upload(page, path, dry_run):
    page.goto(reverse("admin:directory_importbatch_add"))
    page.set_input_files("#id_file", str(path))
    if not dry_run:
        page.uncheck("#id_dry_run")
    page.click("input[type=submit]")
    page.wait_for_load_state("load")


def test_the_import_pages_pass_axe_from_errors_to_undo(
    desktop_page, sign_in, coordinator, assert_accessible, forli, tmp_path
):
    page = desktop_page
    sign_in(page, coordinator)
    page.goto(reverse("admin:directory_importbatch_add"))
    assert_accessible(page)

    bad = tmp_path / "enti-errati.xlsx"
    bad.write_bytes(runts_xlsx(rows(bad=True)))
    upload(page, bad, dry_run=False)
    assert page.locator('td:text-is("Sezione")').count() == 1
    assert_accessible(page)
    assert not Organization.objects.exists()

    good = tmp_path / "enti.xlsx"
    good.write_bytes(runts_xlsx(rows()))
    upload(page, good, dry_run=True)
    assert_accessible(page)
    page.click("input[value=Importa]")
    page.wait_for_load_state("load")
    assert Organization.objects.count() == 2
    assert_accessible(page)

    page.click("text=Annulla questa importazione")
    page.wait_for_load_state("load")
    assert_accessible(page)
    page.click("input[type=submit]")
    page.wait_for_load_state("load")
    assert not Organization.objects.exists()
    page.goto(reverse("admin:directory_importbatch_changelist"))
    assert_accessible(page)
    assert ImportBatch.objects.count() == 3


def test_the_upload_form_works_on_a_phone(page, sign_in, coordinator, assert_accessible, forli):
    sign_in(page, coordinator)
    page.goto(reverse("admin:directory_importbatch_add"))
    page.click("input[type=submit]")
    page.wait_for_load_state("load")
    assert page.locator(".errorlist").count() == 1
    assert_accessible(page)


def test_the_organizations_import_and_its_preview_pass_axe(
    desktop_page, sign_in, coordinator, assert_accessible, tmp_path
):
    page = desktop_page
    sign_in(page, coordinator)
    page.goto(reverse("admin:directory_organization_import"))
    assert_accessible(page)
    sheet = tmp_path / "enti.csv"
    sheet.write_text(
        "tax_code,name,legal_form,description\n"
        f"{body_tax_code(1)},Auser Forlì,odv,Un'associazione.\n"
        f"{body_tax_code(2)},Arci Forlì,spa,Un circolo.\n"
    )

    page.set_input_files("#id_import_file", str(sheet))
    page.select_option("#id_format", label="csv")
    page.click("input[type=submit]")
    page.wait_for_load_state("load")

    assert page.locator(".validation-error-count").count() == 1
    assert_accessible(page)
    assert not Organization.objects.exists()


def test_the_activities_import_from_preview_to_undo_passes_axe(
    desktop_page, sign_in, coordinator, assert_accessible, tmp_path
):
    from directory.models import Activity
    from tests.factories import OrganizationFactory

    OrganizationFactory(tax_code=body_tax_code(1))
    page = desktop_page
    sign_in(page, coordinator)
    page.goto(reverse("admin:directory_activity_import"))
    assert_accessible(page)
    headings = "organization_tax_code,title,description,categories,hours\n"
    bad = tmp_path / "attivita-errate.csv"
    bad.write_text(headings + f"{body_tax_code(1)},Doposcuola,Compiti.,laboratori,lunedì mattina\n")
    good = tmp_path / "attivita.csv"
    good.write_text(headings + f"{body_tax_code(1)},Doposcuola,Compiti.,laboratori,lun 15-18\n")

    for sheet in (bad, good):
        page.goto(reverse("admin:directory_activity_import"))
        page.set_input_files("#id_import_file", str(sheet))
        page.select_option("#id_format", label="csv")
        page.click("input[type=submit]")
        page.wait_for_load_state("load")
        assert_accessible(page)
    assert not Activity.objects.exists()

    page.click("input[name=confirm], form[action$='process_import/'] input[type=submit]")
    page.wait_for_load_state("load")
    assert Activity.objects.count() == 1
    page.click(".messagelist a")
    page.wait_for_load_state("load")
    assert_accessible(page)
    page.click("text=Annulla questa importazione")
    page.wait_for_load_state("load")
    assert_accessible(page)
    page.click("input[type=submit]")
    page.wait_for_load_state("load")
    assert_accessible(page)
    assert not Activity.objects.exists()
