import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.hsds.batches import BATCH_SIZE
from directory.hsds.export import export_directory


class Command(BaseCommand):
    help = (
        "Write the public directory as Open Referral HSDS 3.0 into the folder OUT: JSON documents "
        "(json/organizations.ndjson, json/services.ndjson, one a line) and the tabular data "
        "package (tabular/*.csv and datapackage.json). See docs/hsds.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("out", type=Path, help="Folder to write into (created if missing).")
        parser.add_argument(
            "--base-url",
            default="",
            help="The site's address (https://…), for the links to the public pages and logos; "
            "without it the export has no such links.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"Rows read at a time (default {BATCH_SIZE}).",
        )

    def handle(self, *args, out, base_url, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if base_url and not base_url.startswith(("https://", "http://")):
            raise CommandError("--base-url must start with https:// or http://.")
        if out.exists() and not out.is_dir():
            raise CommandError(f"{out} exists and is not a folder.")
        started = time.monotonic()
        counts = export_directory(out, batch_size=batch_size, base_url=base_url)
        self.stdout.write(
            f"HSDS export: {counts.organizations} organizations, {counts.services} services "
            f"({counts.desks} of them desks), "
            f"{sum(counts.rows.values())} rows in {len(counts.rows)} CSV files, in "
            f"{time.monotonic() - started:.1f} s, into {out}."
        )
