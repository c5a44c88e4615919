from django.core.management.base import BaseCommand

from directory.hsds import pair_identifiers
from directory.hsds.dump import dump_path, publish_dump


class Command(BaseCommand):
    help = (
        "Publish the directory as HSDS 3.0 (export_hsds, zipped) for download from the open data "
        "page, and rebuild the table the API looks pairs' identifiers up in. Run it daily; "
        "yesterday's dump stays published until the new one is complete."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url", default="", help="The site's address, for the pages' links."
        )

    def handle(self, *args, base_url: str, **options):
        data = publish_dump(base_url=base_url)
        self.stdout.write(
            f"HSDS dump published: {data['organizations']} organizations, {data['services']} "
            f"services, {data['size']:,} bytes, into {dump_path()}."
        )
        pairs = pair_identifiers.refresh()
        self.stdout.write(f"Identifiers of {pairs} activities at places rebuilt for the API.")
