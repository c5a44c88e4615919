from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.models import ImportBatch
from directory.onboarding.services import import_runts


class Command(BaseCommand):
    help = (
        "Import the RUNTS list of enrolled bodies (XLSX or CSV): new bodies as drafts, known "
        "ones (same tax code) updated where staff have not edited them. A file with errors "
        "imports nothing unless --skip-errors. Running it twice on one file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")
        parser.add_argument(
            "--skip-errors", action="store_true", help="Import the good rows, skip the bad ones."
        )

    def handle(self, *args, file: Path, dry_run: bool, skip_errors: bool, **options):
        try:
            content = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        batch = import_runts(
            batch=ImportBatch.objects.create(
                kind=ImportBatch.Kind.RUNTS,
                file_name=file.name[:200],
                source=content,
                dry_run=dry_run,
                skip_errors=skip_errors,
            )
        )
        for error in batch.errors:
            self.stderr.write(f"row {error['row']}, {error['column']}: {error['message']}")
        self.stdout.write(
            f"{batch.get_status_display()}: {batch.total_rows} rows, {batch.created} created, "
            f"{batch.updated} updated, {batch.unchanged} unchanged, {batch.kept_edits} staff "
            f"edits kept, {len(batch.errors)} errors (import #{batch.pk})."
        )
        if batch.status in (ImportBatch.Status.REJECTED, ImportBatch.Status.FAILED):
            raise CommandError("Nothing was imported.")
