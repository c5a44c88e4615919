import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.hsds import pair_identifiers
from directory.hsds.importing import import_hsds
from directory.hsds.reading import UnreadablePath


class Command(BaseCommand):
    help = (
        "Import an HSDS 3.0 directory: the folder export_hsds writes, a .json or .ndjson file "
        "of organizations and services, or a tabular data package (datapackage.json and its CSV "
        "files). Records are upserted by identifier; a file with any bad record imports nothing "
        "and every bad record is reported with its field. Unknown taxonomy terms wait in the "
        "admin's 'imported terms to map'."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")

    def handle(self, *args, path: Path, dry_run: bool, verbosity: int, **options):
        show_progress = verbosity > 0
        try:
            report = import_hsds(
                path, dry_run=dry_run, progress=self._progress if show_progress else None
            )
        except UnreadablePath as error:
            raise CommandError(str(error)) from None
        for problem in report.problems:
            self.stderr.write(str(problem))
        for file in report.files:
            if file.committed and not dry_run:
                outcome = f"{file.imported} imported"
                if file.desks:
                    outcome += f", {file.desks} desks left out (exported, not imported)"
            elif file.committed:
                outcome = f"{file.imported} would be imported (dry run: nothing written)"
            else:
                outcome = f"nothing imported, {len(file.problems)} problems"
            self.stdout.write(f"{file.name}: {outcome}.")
        if report.terms_to_map:
            self.stdout.write(
                f"{report.terms_to_map} taxonomy terms wait to be mapped to categories "
                "(admin: imported terms to map); import again once they are."
            )
        if not dry_run and any(file.committed for file in report.files):
            # The imported activities' pairs, for the API (otherwise looked for among every
            # pair saved since the last daily rebuild).
            pair_identifiers.refresh()
        if report.problems:
            raise CommandError(f"{len(report.problems)} records could not be imported.")

    def _progress(self, name: str, done: int, total: int) -> None:
        # Every 1 % (and the last), on one line rewritten in a terminal; every 10 % otherwise.
        # Records come a batch at a time: a line when a batch crosses a step.
        tty = sys.stderr.isatty()
        reached = (name, done * 100 // max(total, 1) // (1 if tty else 10))
        if done != total and reached == getattr(self, "_shown", None):
            return
        self._shown = reached
        line = f"{name}: {done:,}/{total:,} ({done * 100 // max(total, 1)} %)"
        if tty:
            self.stderr.write(f"\r{line}", ending="\n" if done == total else "")
            self.stderr.flush()
        else:
            self.stderr.write(line)
