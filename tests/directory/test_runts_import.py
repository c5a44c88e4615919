"""The RUNTS import (``directory.onboarding``): mapping, per-row errors, upsert, undo."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from directory.models import (
    ImportBatch,
    LegalForm,
    Organization,
    PublicationStatus,
    RegistryEntry,
)
from directory.onboarding.services import CannotUndo, import_runts, undo_import
from tests.directory.runts_files import HEADINGS, body_tax_code, runts_csv, runts_xlsx
from tests.factories import MunicipalityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def towns(db):
    return {
        "forli": MunicipalityFactory(
            istat_code="040012", name="Forlì", province="Forlì-Cesena", province_code="FC"
        ),
        "calliano_at": MunicipalityFactory(
            istat_code="005013", name="Calliano", province="Asti", province_code="AT"
        ),
        "calliano_tn": MunicipalityFactory(
            istat_code="022035", name="Calliano", province="Trento", province_code="TN"
        ),
        "bolzano": MunicipalityFactory(
            istat_code="021008",
            name="Bolzano/Bozen",
            province="Bolzano/Bozen",
            province_code="BZ",
        ),
    }


def run(content: bytes, file_name="enti.xlsx", **options) -> ImportBatch:
    return import_runts(
        batch=ImportBatch.objects.create(file_name=file_name, source=content, **options)
    )


def row(n, name=None, section="a", network="", town="Forlì", province="FC", number=None):
    return [body_tax_code(n), name or f"Ente {n}", section, network, town, province, number or n]


def test_an_xlsx_file_creates_draft_organizations_with_their_registry_entry(towns):
    batch = run(runts_xlsx([row(1, "Auser Forlì", "A", "No", number="12345")]))

    assert batch.status == ImportBatch.Status.DONE
    assert (batch.created, batch.updated, batch.errors) == (1, 0, [])
    organization = Organization.objects.get(tax_code=body_tax_code(1))
    assert organization.name == "Auser Forlì"
    assert organization.slug == "auser-forli"
    assert organization.legal_form == LegalForm.ODV
    assert organization.runts_number == "12345"
    assert organization.status == PublicationStatus.DRAFT
    entry = organization.registry_entry
    assert (entry.section, entry.is_network, entry.municipality) == ("a", False, towns["forli"])
    assert batch.source is None


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(";", "utf-8-sig"), (",", "utf-8"), (";", "cp1252")]
)
def test_a_csv_file_is_read_as_excel_saves_it(towns, delimiter, encoding):
    content = runts_csv(
        [row(1, "Società di mutuo soccorso Forlì", "f")],
        HEADINGS,
        delimiter=delimiter,
        encoding=encoding,
    )

    batch = run(content, file_name="enti.csv")

    assert batch.status == ImportBatch.Status.DONE, batch.errors
    organization = Organization.objects.get()
    assert organization.name == "Società di mutuo soccorso Forlì"
    assert organization.legal_form == LegalForm.MUTUAL_AID


@pytest.mark.parametrize(
    ("section", "network", "legal_form"),
    [
        ("A", "", LegalForm.ODV),
        ("b) Associazioni di promozione sociale", "", LegalForm.APS),
        ("Enti filantropici", "", LegalForm.PHILANTHROPIC),
        ("d", "", LegalForm.SOCIAL_ENTERPRISE),
        ("Cooperative sociali", "", LegalForm.SOCIAL_ENTERPRISE),
        ("Sezione E", "", LegalForm.ASSOCIATIVE_NETWORK),
        ("f", "", LegalForm.MUTUAL_AID),
        ("G - Altri enti del Terzo settore", "", LegalForm.OTHER_ETS),
        ("APS", "Sì", LegalForm.ASSOCIATIVE_NETWORK),
        ("ODV", "no", LegalForm.ODV),
    ],
)
def test_the_section_and_network_qualification_give_the_legal_form(
    towns, section, network, legal_form
):
    run(runts_xlsx([row(1, section=section, network=network)]))

    assert Organization.objects.get().legal_form == legal_form


@pytest.mark.parametrize(
    ("town", "province", "expected"),
    [
        ("Calliano", "AT", "calliano_at"),
        ("CALLIANO", "Trento", "calliano_tn"),
        ("forli", "", "forli"),
        ("Bozen", "", "bolzano"),
    ],
)
def test_the_town_is_found_by_name_and_province_ignoring_accents_and_case(
    towns, town, province, expected
):
    run(runts_xlsx([row(1, town=town, province=province)]))

    assert RegistryEntry.objects.get().municipality == towns[expected]


def test_every_bad_row_is_reported_by_row_and_column_and_nothing_is_imported(towns):
    content = runts_xlsx(
        [
            row(1),
            [body_tax_code(2)[:-1] + "0", "Ente 2", "a", "", "Forlì", "FC", ""],
            row(3, town="Calliano", province=""),
            row(4, section="z"),
            row(1, name="Ente 1 bis"),
            row(6, town="Atlantide"),
        ]
    )

    batch = run(content)

    assert batch.status == ImportBatch.Status.REJECTED
    assert Organization.objects.count() == 0
    assert [(e["row"], e["column"]) for e in batch.errors] == [
        (3, "Codice fiscale"),
        (4, "Comune"),
        (5, "Sezione"),
        (6, "Codice fiscale"),
        (7, "Comune"),
    ]
    messages = [e["message"] for e in batch.errors]
    assert "cifra di controllo" in messages[0]
    assert "indica anche la provincia" in messages[1]
    assert "non è una sezione del RUNTS" in messages[2]
    assert "alla riga 2" in messages[3]
    assert "nessun comune si chiama “Atlantide”" in messages[4]


def test_the_errors_are_in_the_language_of_whoever_runs_the_import(towns):
    with translation.override("en"):
        batch = run(runts_xlsx([row(1, section="z")]))

    assert batch.errors[0]["message"] == "“z” is not a RUNTS section: write a letter from A to G."


def test_skipping_the_bad_rows_imports_the_others_when_asked(towns):
    batch = run(runts_xlsx([row(1), row(2, section="z"), row(3)]), skip_errors=True)

    assert batch.status == ImportBatch.Status.DONE
    assert batch.created == 2
    assert len(batch.errors) == 1
    assert Organization.objects.count() == 2


def test_a_dry_run_counts_without_writing(towns):
    OrganizationFactory(tax_code=body_tax_code(1), name="Ente 1", runts_number="")

    batch = run(runts_xlsx([row(1), row(2)]), dry_run=True)

    assert batch.status == ImportBatch.Status.CHECKED
    assert (batch.created, batch.updated) == (1, 1)
    assert Organization.objects.count() == 1
    assert RegistryEntry.objects.count() == 0
    assert batch.source is not None  # kept for the real import that follows


def test_missing_columns_and_other_files_are_refused_with_a_message(towns):
    batch = run(runts_xlsx([["x"]], headings=["Codice fiscale"]))
    assert batch.status == ImportBatch.Status.REJECTED
    assert (
        "Denominazione" in batch.errors[0]["message"]
        or "denominazione" in (batch.errors[0]["message"])
    )

    batch = run(b"PK\x03\x04 not really a workbook")
    assert batch.status == ImportBatch.Status.REJECTED
    assert ".xlsx" in batch.errors[0]["message"]


def test_headings_are_recognised_as_people_write_them(towns):
    headings = [
        "CODICE FISCALE",
        "Denominazione ente",
        "Sezione RUNTS",
        "Qualifica di rete associativa",
        "Comune sede legale",
        "Provincia sede legale",
        "N° repertorio",
    ]
    batch = run(runts_xlsx([row(1, number="777")], headings=headings))

    assert batch.status == ImportBatch.Status.DONE, batch.errors
    assert Organization.objects.get().runts_number == "777"


def test_a_second_import_updates_what_staff_have_not_edited_and_keeps_what_they_have(towns):
    run(runts_xlsx([row(1, "Ente Uno", "a", number="100")]))
    organization = Organization.objects.get()
    organization.name = "Ente Uno ODV (nome corretto dallo staff)"
    organization.save()

    batch = run(runts_xlsx([row(1, "ENTE UNO", "b", number="200")]))

    organization.refresh_from_db()
    assert organization.name == "Ente Uno ODV (nome corretto dallo staff)"
    assert organization.legal_form == LegalForm.APS
    assert organization.runts_number == "200"
    assert (batch.updated, batch.kept_edits) == (1, 1)
    # The staff's name stays on the next imports too.
    run(runts_xlsx([row(1, "ENTE UNO", "b", number="200")]))
    organization.refresh_from_db()
    assert organization.name == "Ente Uno ODV (nome corretto dallo staff)"


def test_a_body_typed_by_hand_gets_only_its_empty_fields_filled(towns):
    OrganizationFactory(
        tax_code=body_tax_code(1), name="Il nome scelto", legal_form=LegalForm.APS, runts_number=""
    )

    run(runts_xlsx([row(1, "Nome nel registro", "a", number="55")]))

    organization = Organization.objects.get()
    assert (organization.name, organization.legal_form) == ("Il nome scelto", LegalForm.APS)
    assert organization.runts_number == "55"
    assert organization.registry_entry.section == "a"


def test_the_same_file_twice_changes_nothing(towns):
    content = runts_xlsx([row(1), row(2)])
    run(content)

    batch = run(content)

    assert (batch.created, batch.updated, batch.unchanged) == (0, 0, 2)
    assert batch.records.count() == 0


def test_undo_deletes_what_the_import_created_and_restores_what_it_changed(towns):
    OrganizationFactory(tax_code=body_tax_code(1), name="Ente 1", runts_number="")
    first = run(runts_xlsx([row(1, number="10")]))
    second = run(runts_xlsx([row(1, "Ente 1 nuovo nome", "b", number="11"), row(2)]))
    assert (second.created, second.updated) == (1, 1)

    with pytest.raises(CannotUndo):
        undo_import(batch=first)
    undo_import(batch=second)

    organization = Organization.objects.get()
    assert (organization.name, organization.legal_form, organization.runts_number) == (
        "Ente 1",
        LegalForm.APS,
        "10",
    )
    assert organization.registry_entry.section == "a"
    second.refresh_from_db()
    assert second.status == ImportBatch.Status.UNDONE
    undo_import(batch=first)
    organization.refresh_from_db()
    assert organization.runts_number == ""
    assert not RegistryEntry.objects.exists()


def test_homonym_slugs_in_one_file_are_made_unique(towns):
    OrganizationFactory(name="Pro Loco", slug="pro-loco")

    run(runts_xlsx([row(1, "Pro Loco"), row(2, "Pro Loco"), row(3, "PRO LOCO")]))

    slugs = set(Organization.objects.values_list("slug", flat=True))
    assert slugs == {"pro-loco", "pro-loco-2", "pro-loco-3", "pro-loco-4"}


def test_the_command_imports_and_refuses_a_file_with_errors(towns, tmp_path, capsys):
    good = tmp_path / "enti.xlsx"
    good.write_bytes(runts_xlsx([row(1)]))
    call_command("import_runts", str(good))
    assert "1 created" in capsys.readouterr().out

    bad = tmp_path / "errati.csv"
    bad.write_bytes(runts_csv([row(2, section="z")]))
    with pytest.raises(CommandError):
        call_command("import_runts", str(bad))
    assert "row 2, Sezione" in capsys.readouterr().err
    assert Organization.objects.count() == 1


def test_a_dry_runs_file_is_erased_a_week_after_upload(towns, time_machine, capsys):
    import datetime

    time_machine.move_to(datetime.datetime(2026, 12, 1, 10, 0, tzinfo=datetime.UTC), tick=False)
    checked = run(runts_xlsx([row(1)]), dry_run=True)
    time_machine.move_to(datetime.datetime(2026, 12, 8, 9, 59, tzinfo=datetime.UTC), tick=False)
    call_command("apply_retention")
    checked.refresh_from_db()
    assert checked.source is not None

    time_machine.move_to(datetime.datetime(2026, 12, 8, 10, 1, tzinfo=datetime.UTC), tick=False)
    call_command("apply_retention")

    checked.refresh_from_db()
    assert checked.source is None
    assert "import files: 1 erased" in capsys.readouterr().out
