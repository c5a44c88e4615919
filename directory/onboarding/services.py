"""Runs and undoes an import batch (the writes span organizations, RUNTS entries and records).

A batch runs in two steps: every row is read and checked first, with nothing written; then,
only if no row has an error (or the coordinator chose to skip the bad ones) and it is not a dry
run, everything is written in one transaction. A failure half-way writes nothing.
"""

import logging
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import (
    RUNTS_LEGAL_FORMS,
    ImportBatch,
    ImportRecord,
    Organization,
    PublicationStatus,
    RegistryEntry,
    SearchRefresh,
)
from directory.onboarding.batches import undo_spreadsheet_import
from directory.onboarding.reading import UnreadableFile, read_sheet
from directory.onboarding.runts import (
    MissingColumns,
    MunicipalityFinder,
    RowError,
    RuntsRow,
    match_columns,
    parse_rows,
)
from directory.onboarding.slugs import SlugMaker
from directory.tasks import refresh_search_later

logger = logging.getLogger(__name__)

# The organization's fields the RUNTS list feeds, and that staff may have edited since.
IMPORTED_FIELDS = ("name", "legal_form", "runts_number")
# A file with more errors than this is not worth listing them all: the batch page shows these.
MAX_ERRORS = 500
# Rows read between two saves of the progress, and organizations per query.
CHUNK = 1000
BATCH_FIELDS = [
    "status",
    "total_rows",
    "checked_rows",
    "created",
    "updated",
    "unchanged",
    "kept_edits",
    "errors",
    "finished_at",
    "source",
]


def import_runts(*, batch: ImportBatch) -> ImportBatch:
    """Check ``batch``'s file and, unless it is a dry run or has errors, import it."""
    batch.status = ImportBatch.Status.RUNNING
    batch.save(update_fields=["status"])
    try:
        rows, errors = _check(batch)
        if errors and not batch.skip_errors:
            _finish(batch, ImportBatch.Status.REJECTED)
        elif batch.dry_run:
            _plan(batch, rows, write=False)
            _finish(batch, ImportBatch.Status.CHECKED)
        else:
            with transaction.atomic():
                _plan(batch, rows, write=True)
                _finish(batch, ImportBatch.Status.DONE)
    except (UnreadableFile, MissingColumns) as unreadable:
        batch.errors = [{"row": 1, "column": "", "message": str(unreadable)}]
        _finish(batch, ImportBatch.Status.REJECTED)
    except Exception:
        logger.exception("Import batch %s failed", batch.pk)
        batch.refresh_from_db(fields=["errors"])
        batch.errors = [
            *batch.errors,
            {"row": 0, "column": "", "message": _("The import failed: nothing was imported.")},
        ]
        batch.created = batch.updated = batch.unchanged = batch.kept_edits = 0
        _finish(batch, ImportBatch.Status.FAILED)
    return batch


def _finish(batch: ImportBatch, status: str) -> None:
    batch.status = status
    batch.finished_at = timezone.now()
    if status != ImportBatch.Status.CHECKED:
        # A dry run keeps its file, for the "Import it" that follows.
        batch.source = None
    batch.save(update_fields=BATCH_FIELDS)


def _check(batch: ImportBatch) -> tuple[list[RuntsRow], list[RowError]]:
    sheet = read_sheet(bytes(batch.source), batch.file_name)
    columns = match_columns(sheet.headings)
    finder = MunicipalityFinder()
    batch.total_rows = len(sheet.rows)
    rows, errors, first_row_of = [], [], {}
    for checked, item in enumerate(parse_rows(sheet, columns, finder), start=1):
        if isinstance(item, list):
            errors.extend(item)
        elif item.tax_code in first_row_of:
            errors.append(
                RowError(
                    item.row,
                    sheet.headings[columns["tax_code"]],
                    _("The same tax code is on row %(row)d.")
                    % {"row": first_row_of[item.tax_code]},
                )
            )
        else:
            first_row_of[item.tax_code] = item.row
            rows.append(item)
        if checked % CHUNK == 0:
            batch.checked_rows = checked
            batch.save(update_fields=["checked_rows"])
    batch.checked_rows = batch.total_rows
    batch.errors = [error.as_dict() for error in errors[:MAX_ERRORS]]
    if len(errors) > MAX_ERRORS:
        batch.errors.append(
            {
                "row": 0,
                "column": "",
                "message": _("…and %(count)d more errors.") % {"count": len(errors) - MAX_ERRORS},
            }
        )
    return rows, errors


def _plan(batch: ImportBatch, rows: list[RuntsRow], *, write: bool) -> None:
    batch.created = batch.updated = batch.unchanged = batch.kept_edits = 0
    slugs = SlugMaker(Organization)
    renamed = []
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        existing = {
            org.tax_code: org
            for org in Organization.objects.filter(
                tax_code__in=[row.tax_code for row in chunk]
            ).select_related("registry_entry")
        }
        new_rows = [row for row in chunk if row.tax_code not in existing]
        batch.created += len(new_rows)
        if write and new_rows:
            _create(batch, new_rows, slugs)
        for row in chunk:
            organization = existing.get(row.tax_code)
            if organization is not None and _update(batch, organization, row, write=write):
                renamed.append(organization.pk)
    if write and renamed:
        # Activities carry their organization's name in their search documents.
        refresh_search_later(
            SearchRefresh.Scope.ORGANIZATION,
            renamed,
            label=_("RUNTS import: %(file)s") % {"file": batch.file_name},
        )


def _create(batch: ImportBatch, rows: list[RuntsRow], slugs: SlugMaker) -> None:
    slugs.reserve(row.name for row in rows)
    organizations = Organization.objects.bulk_create(
        [
            Organization(
                name=row.name,
                slug=slugs.make(row.name),
                legal_form=row.legal_form,
                tax_code=row.tax_code,
                runts_number=row.runts_number,
                # The network completes the description before publishing.
                description="",
                status=PublicationStatus.DRAFT,
            )
            for row in rows
        ]
    )
    RegistryEntry.objects.bulk_create(
        [_entry(organization, row) for organization, row in zip(organizations, rows, strict=True)]
    )
    ImportRecord.objects.bulk_create(
        [
            ImportRecord(batch=batch, organization=organization, action=ImportRecord.Action.CREATED)
            for organization in organizations
        ]
    )


def _entry(organization: Organization, row: RuntsRow) -> RegistryEntry:
    return RegistryEntry(
        organization=organization,
        section=row.section,
        is_network=row.is_network,
        municipality_id=row.municipality_id,
        imported_values={field: _value(row, field) for field in IMPORTED_FIELDS},
    )


def _value(row: RuntsRow, field: str) -> str:
    return str(getattr(row, field))


def _update(batch: ImportBatch, organization: Organization, row: RuntsRow, *, write: bool):
    """Apply ``row`` to an existing organization; returns whether its name changed."""
    entry = getattr(organization, "registry_entry", None)
    last = entry.imported_values if entry else {}
    changes = {}
    for field in IMPORTED_FIELDS:
        new, current = _value(row, field), getattr(organization, field)
        if new == current:
            continue
        # Staff own a field they changed since the last import, and every field of a body
        # they typed in by hand before any import, except one left empty.
        if (entry is not None and current == last.get(field)) or (entry is None and not current):
            changes[field] = new
        else:
            batch.kept_edits += 1
    if (
        "runts_number" in changes
        and changes.get("legal_form", organization.legal_form) not in RUNTS_LEGAL_FORMS
    ):
        # Staff moved the body out of the register's forms: a number would contradict them.
        del changes["runts_number"]
        batch.kept_edits += 1
    entry_values = {
        "section": row.section,
        "is_network": row.is_network,
        "municipality_id": row.municipality_id,
        "imported_values": {field: _value(row, field) for field in IMPORTED_FIELDS},
    }
    entry_changed = entry is None or any(
        getattr(entry, key) != value for key, value in entry_values.items()
    )
    if not changes and not entry_changed:
        batch.unchanged += 1
        return False
    if changes:
        batch.updated += 1
    else:
        batch.unchanged += 1
    if not write:
        return False
    previous = {
        "organization": {field: getattr(organization, field) for field in changes},
        "entry": {key: getattr(entry, key) for key in entry_values} if entry else None,
    }
    if changes:
        for field, value in changes.items():
            setattr(organization, field, value)
        organization.save(update_fields=[*changes, "updated_at"])
    if entry is None:
        entry = RegistryEntry(organization=organization)
    for key, value in entry_values.items():
        setattr(entry, key, value)
    entry.save()
    ImportRecord.objects.create(
        batch=batch,
        organization=organization,
        action=ImportRecord.Action.UPDATED,
        previous=previous,
    )
    return "name" in changes


class CannotUndo(ValueError):
    pass


def undoable(batch: ImportBatch) -> bool:
    """Only the latest import that wrote something can be undone: an older one's records may
    have been changed again since."""
    if batch.status != ImportBatch.Status.DONE:
        return False
    return not ImportBatch.objects.filter(
        status=ImportBatch.Status.DONE, created_at__gt=batch.created_at
    ).exists()


def undo_import(*, batch: ImportBatch) -> int:
    """Delete what ``batch`` created and put back what it changed; returns the records undone.
    A spreadsheet's batch leaves what staff edited since, listed in ``batch.kept_at_undo``."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if not undoable(batch):
            raise CannotUndo(_("Only the latest import that changed something can be undone."))
        if batch.kind != ImportBatch.Kind.RUNTS:
            count = undo_spreadsheet_import(batch=batch)
            batch.status = ImportBatch.Status.UNDONE
            batch.undone_at = timezone.now()
            batch.save(update_fields=["status", "undone_at", "kept_at_undo"])
            return count
        created = list(
            batch.records.filter(action=ImportRecord.Action.CREATED).values_list(
                "organization_id", flat=True
            )
        )
        updated = list(
            batch.records.filter(action=ImportRecord.Action.UPDATED).select_related(
                "organization__registry_entry"
            )
        )
        for start in range(0, len(created), CHUNK):
            Organization.objects.filter(pk__in=created[start : start + CHUNK]).delete()
        _restore(updated)
        renamed = [r.organization_id for r in updated if "name" in r.previous["organization"]]
        if renamed:
            refresh_search_later(
                SearchRefresh.Scope.ORGANIZATION,
                renamed,
                label=_("Import undone: %(file)s") % {"file": batch.file_name},
            )
        batch.status = ImportBatch.Status.UNDONE
        batch.undone_at = timezone.now()
        batch.save(update_fields=["status", "undone_at"])
    return len(created) + len(updated)


def _restore(records: Iterable[ImportRecord]) -> None:
    for record in records:
        organization = record.organization
        old = record.previous.get("organization") or {}
        if old:
            for field, value in old.items():
                setattr(organization, field, value)
            organization.save(update_fields=[*old, "updated_at"])
        entry = getattr(organization, "registry_entry", None)
        if record.previous.get("entry") is None:
            if entry is not None:
                entry.delete()
        elif entry is not None:
            for key, value in record.previous["entry"].items():
                setattr(entry, key, value)
            entry.save()


# Spreadsheets too large for the request ------------------------------------------------------


def import_batch(*, batch: ImportBatch) -> ImportBatch:
    """Run a batch the worker (or a small upload) hands over, whatever its kind."""
    if batch.kind == ImportBatch.Kind.RUNTS:
        return import_runts(batch=batch)
    return import_spreadsheet(batch=batch)


def spreadsheet_resource(kind: str):
    from directory.onboarding.activities import ActivityResource
    from directory.onboarding.resources import LocationResource, OrganizationResource

    return {
        ImportBatch.Kind.ORGANIZATIONS: OrganizationResource,
        ImportBatch.Kind.LOCATIONS: LocationResource,
        ImportBatch.Kind.ACTIVITIES: ActivityResource,
    }[kind]


def import_spreadsheet(*, batch: ImportBatch) -> ImportBatch:
    """A large spreadsheet, as the admin's "Import" does a small one but in the worker: the
    dry run's errors (or its counts) go on the batch's page, whose "Import it" imports it."""
    batch.status = ImportBatch.Status.RUNNING
    batch.save(update_fields=["status"])
    try:
        dataset = _dataset(bytes(batch.source))
        resource = spreadsheet_resource(batch.kind)()
        resource.given_batch = batch
        result = resource.import_data(
            dataset, dry_run=batch.dry_run, file_name=batch.file_name, user=batch.created_by
        )
    except UnreadableFile as unreadable:
        batch.errors = [{"row": 1, "column": "", "message": str(unreadable)}]
        _finish(batch, ImportBatch.Status.REJECTED)
        return batch
    except Exception:
        logger.exception("Import batch %s failed", batch.pk)
        batch.errors = [
            {"row": 0, "column": "", "message": _("The import failed: nothing was imported.")}
        ]
        batch.created = batch.updated = batch.unchanged = batch.kept_edits = 0
        _finish(batch, ImportBatch.Status.FAILED)
        return batch
    errors = _result_errors(result)
    batch.total_rows = batch.checked_rows = len(dataset)
    if errors:
        batch.errors = errors[:MAX_ERRORS]
        batch.created = batch.updated = batch.unchanged = batch.kept_edits = 0
        status = ImportBatch.Status.FAILED if result.has_errors() else ImportBatch.Status.REJECTED
    else:
        status = ImportBatch.Status.CHECKED if batch.dry_run else ImportBatch.Status.DONE
    _finish(batch, status)
    return batch


def _dataset(content: bytes):
    from import_export.formats.base_formats import CSV, XLSX

    from directory.onboarding.reading import _decode

    # An .xlsx is a zip archive.
    if content[:2] == b"PK":
        try:
            return XLSX().create_dataset(content)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise UnreadableFile(
                _("This is not an Excel (.xlsx) file we can read: save it again as .xlsx or CSV.")
            ) from error
    return CSV().create_dataset(_decode(content))


def _result_errors(result) -> list[dict]:
    """django-import-export's errors as the batch page lists them: the spreadsheet's row
    (the headings are row 1), the column, the message."""
    errors = []
    for row in result.invalid_rows:
        for field, messages in row.error_dict.items():
            for message in messages:
                errors.append({"row": row.number + 1, "column": field, "message": message})
    for number, row_errors in result.row_errors():
        for error in row_errors:
            logger.error("Spreadsheet import, row %s: %r", number, error.error)
            errors.append(
                {"row": number + 1, "column": "", "message": _("This row could not be imported.")}
            )
    for error in result.base_errors:
        logger.error("Spreadsheet import failed: %r", error.error)
        errors.append(
            {"row": 0, "column": "", "message": _("The import failed: nothing was imported.")}
        )
    return errors
