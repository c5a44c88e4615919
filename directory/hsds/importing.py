"""``import_hsds``: HSDS 3.0 documents into the directory, one transaction per file.

Every document is checked against the compiled schema (``schemas.errors``), then upserted
(``unmapping``). A record
that fails is reported with where it is (file and line), its identifier, the field and the
reason; a file with any failed record imports nothing (its transaction is rolled back), so no
import leaves half a file behind. ``dry_run`` checks everything and writes nothing. The search
documents of the imported activities are rebuilt after the commit, in batches.

Speed (tens of thousands of services in minutes): documents are read in batches of
``BATCH_SIZE`` whose rows are looked up in one query per table (``Unmapper.preload``) and
written under one savepoint (``_import_batch``: a record at a time, each under its own, only
when the batch fails, to report every bad record); the
tables written are analysed as they grow, since the planner would otherwise plan the import's
own lookups for the empty tables of a new directory; what runs after each write (the page
cache's generations, the home page's figures) runs once at the end; and the rows imported get no
django-auditlog history row each: the file and the command's report are the record of an import,
as a spreadsheet import's batch is (``directory/onboarding``).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from auditlog.context import disable_auditlog
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import translation

from directory.hsds import reading, schemas
from directory.hsds.unmapping import RecordError, Unmapper, constraint_error, is_desk
from directory.models import (
    Activity,
    ImportedTerm,
    Location,
    NetworkMembership,
    OpeningSlot,
    Organization,
    ScheduleException,
)
from directory.search.documents import refresh_documents_of
from linkrete import write_signals

BATCH_SIZE = 500
# The tables an import writes, analysed when it has written 1,000 records, 4,000, 16,000…
WRITTEN_MODELS = [
    Organization,
    Location,
    Activity,
    OpeningSlot,
    ScheduleException,
    NetworkMembership,
]
FIRST_ANALYSIS = 1_000


@dataclass
class RecordProblem:
    where: str
    record: str
    field: str
    message: str

    def __str__(self):
        record = f" ({self.record})" if self.record else ""
        return f"{self.where}{record}, {self.field}: {self.message}"


@dataclass
class FileReport:
    name: str
    kind: str
    imported: int = 0
    desks: int = 0  # Skipped: exported, not imported (directory/hsds/desks.py).
    problems: list[RecordProblem] = field(default_factory=list)

    @property
    def committed(self) -> bool:
        return not self.problems


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)
    dry_run: bool = False
    terms_to_map: int = 0

    @property
    def problems(self) -> list[RecordProblem]:
        return [problem for report in self.files for problem in report.problems]


class _RollBack(Exception):
    pass


def import_hsds(
    path: Path, *, dry_run: bool = False, progress: Callable[[str, int, int], None] | None = None
) -> ImportReport:
    """Import the documents at ``path`` (see ``reading``); ``progress(file, done, total)`` is
    called as records are read. Raises ``reading.UnreadablePath``."""
    report = ImportReport(dry_run=dry_run)
    sources = reading.sources(path)
    try:
        # A dry run is one transaction rolled back at the end: its services see the
        # organizations of the file before.
        with transaction.atomic(), disable_auditlog(), write_signals.deferred():
            activities = _import_sources(sources, report, progress)
            report.terms_to_map = ImportedTerm.objects.waiting().count()
            if dry_run:
                raise _RollBack
    except _RollBack:
        return report
    if activities:
        refresh_documents_of(activities)
    return report


def _import_sources(sources, report, progress) -> list[int]:
    imported_activities: list[int] = []
    unmapper = Unmapper()
    written, next_analysis = 0, FIRST_ANALYSIS
    for source in sources:
        file_report = FileReport(source.name, source.kind)
        report.files.append(file_report)
        activities: list[int] = []
        done = 0
        try:
            with transaction.atomic(), translation.override("it"):
                for batch in _batches(source.entries()):
                    _import_batch(unmapper, source, batch, file_report, activities)
                    done += len(batch)
                    if progress is not None:
                        progress(source.name, done, source.count)
                    written += len(batch)
                    if written >= next_analysis:
                        _analyse_written_tables()
                        next_analysis *= 4
                if file_report.problems:
                    raise _RollBack
        except _RollBack:
            # The rows this file wrote are gone: so are the cached ones that pointed at them.
            unmapper = Unmapper()
            continue
        imported_activities += activities
        _count_term_uses(unmapper)
    return imported_activities


class _BatchFailed(Exception):
    pass


def _import_batch(unmapper, source, batch, file_report, activities) -> None:
    """The batch's records under one savepoint, their rows and links written together. If one
    of them fails (the file will then import nothing), the savepoint is rolled back and the
    batch imported again a record at a time, each under its own savepoint, so that every bad
    record is reported and none hides the errors of the records after it."""
    documents = [entry.document for entry in batch if entry.document]
    unmapper.preload(documents)
    before = unmapper.state()
    counts = (len(file_report.problems), file_report.imported, file_report.desks)
    added: list[int] = []
    try:
        with transaction.atomic():
            for entry in batch:
                unmapper.begin_record()
                _import_checked_entry(unmapper, source.kind, entry, file_report, added, alone=False)
                if len(file_report.problems) > counts[0]:
                    raise _BatchFailed
            unmapper.flush()
    except (_BatchFailed, RecordError, DatabaseError):
        del file_report.problems[counts[0] :]
        file_report.imported, file_report.desks = counts[1:]
        unmapper.restore(before)
        unmapper.preload(documents)
        added = []
        for entry in batch:
            _import_entry(unmapper, source.kind, entry, file_report, added)
        _flush(unmapper, source, file_report)
    activities += added


def _flush(unmapper, source, file_report) -> None:
    """The batch's waiting rows; they belong to records that were accepted, so the database
    should take them: if it does not, the file is not imported, and says why."""
    try:
        with transaction.atomic():
            unmapper.flush()
    except DatabaseError as error:
        message = str(error).splitlines()[0][:300]
        file_report.problems.append(RecordProblem(source.name, "", "-", message))
        raise _RollBack from None


def _batches(entries: Iterator) -> Iterator[list]:
    while batch := list(islice(entries, BATCH_SIZE)):
        yield batch


def _analyse_written_tables() -> None:
    """Fresh planner statistics for the tables being written, the rows of this still open
    transaction included (ANALYZE counts its own transaction's rows)."""
    tables = {model._meta.db_table for model in WRITTEN_MODELS}
    for model in WRITTEN_MODELS:
        for many in model._meta.local_many_to_many:
            tables.add(many.remote_field.through._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in sorted(tables)))


def _import_entry(unmapper, kind, entry, file_report, activities) -> None:
    unmapper.begin_record()
    problems = len(file_report.problems)
    _import_checked_entry(unmapper, kind, entry, file_report, activities)
    if len(file_report.problems) > problems:
        unmapper.forget_record()


def _import_checked_entry(unmapper, kind, entry, file_report, activities, *, alone=True) -> None:
    """One record; ``alone``, under its own savepoint, its failure reported; otherwise (a batch
    at once) a failure of the database or of the mapping is raised."""
    document = entry.document
    if document is None:
        file_report.problems.append(RecordProblem(entry.where, "", "-", entry.error))
        return
    record = str(document.get("id", ""))[:60]
    errors = schemas.errors(kind, document)
    if errors:
        for error in errors[:5]:
            path = ".".join(str(part) for part in error.absolute_path) or "-"
            file_report.problems.append(
                RecordProblem(entry.where, record, path, error.message[:300])
            )
        return
    if kind == "service" and is_desk(document):
        file_report.desks += 1
        return
    if not alone:
        _unmap(unmapper, kind, document, activities)
        file_report.imported += 1
        return
    try:
        with transaction.atomic():
            _unmap(unmapper, kind, document, activities)
    except RecordError as error:
        file_report.problems.append(RecordProblem(entry.where, record, error.field, error.message))
        return
    except IntegrityError as error:
        problem = constraint_error(error)
        file_report.problems.append(
            RecordProblem(entry.where, record, problem.field, problem.message)
        )
        return
    except DatabaseError as error:
        # A constraint the checks above did not foresee: reported, not a crash.
        message = str(error).splitlines()[0][:300]
        file_report.problems.append(RecordProblem(entry.where, record, "-", message))
        return
    file_report.imported += 1


def _unmap(unmapper, kind, document, activities) -> None:
    if kind == "organization":
        unmapper.organization(document)
    else:
        activities.append(unmapper.service(document).pk)


def _count_term_uses(unmapper: Unmapper) -> None:
    for term_id, uses in unmapper.term_uses.items():
        ImportedTerm.objects.filter(term_id=term_id).update(services=uses)
