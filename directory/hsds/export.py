"""The public directory written as HSDS 3.0: JSON documents and the tabular data package.

``out/json/organizations.ndjson`` and ``out/json/services.ndjson`` hold one document a line (JSON
Lines: a national directory is 750,000 documents, which one JSON array or one file each would
make hard to read a piece at a time); ``out/tabular/`` holds the CSV files and
``datapackage.json``; ``out/profile/`` the Italian profile (``overlay``). Only what the public
pages show: published organizations, public activities and desks (``desks``), their places,
hours and classifications; nobody's personal data.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import translation

from directory.hsds import batches, desks, mapping, overlay, profile
from directory.hsds.tabular import PackageWriter
from directory.models import Category, Taxonomy


@dataclass
class ExportCounts:
    organizations: int = 0
    services: int = 0  # The desks among them.
    desks: int = 0
    rows: dict[str, int] = field(default_factory=dict)


def _write_documents(path: Path, package: PackageWriter, table: str, *sources) -> list[int]:
    """Each document of each source a line of ``path`` and rows of the package; how many each
    source had."""
    written = []
    with open(path, "w", encoding="utf-8") as handle:
        for documents in sources:
            written.append(0)
            for document in documents:
                handle.write(json.dumps(document, ensure_ascii=False))
                handle.write("\n")
                package.write(table, document)
                written[-1] += 1
    return written


def export_directory(
    out: Path, *, batch_size: int = batches.BATCH_SIZE, base_url: str = ""
) -> ExportCounts:
    """Write the export into the folder ``out`` (created if missing; files replaced)."""
    counts = ExportCounts()
    (out / "json").mkdir(parents=True, exist_ok=True)
    package = PackageWriter(out / "tabular")
    # The data is Italian, and so are the labels the export adds to it.
    with translation.override("it"):
        try:
            [counts.organizations] = _write_documents(
                out / "json" / "organizations.ndjson",
                package,
                "organization",
                (
                    mapping.organization_document(organization, base_url)
                    for batch in batches.organizations(batch_size)
                    for organization in batch
                ),
            )
            activities, counts.desks = _write_documents(
                out / "json" / "services.ndjson",
                package,
                "service",
                (
                    mapping.service_document(activity, base_url)
                    for batch in batches.services(batch_size)
                    for activity in batch
                ),
                (
                    desks.desk_document(desk, base_url)
                    for batch in desks.desks(batch_size)
                    for desk in batch
                ),
            )
            counts.services = activities + counts.desks
            for taxonomy in [*Taxonomy.objects.all(), *profile.TAXONOMIES]:
                package.write("taxonomy", mapping.taxonomy_record(taxonomy))
            for category in Category.objects.select_related("taxonomy", "parent").order_by("pk"):
                package.write("taxonomy_term", mapping.category_term(category))
            for term in profile.terms():
                package.write("taxonomy_term", mapping.profile_term(term))
        finally:
            package.close()
        overlay.write_profile(out)
    counts.rows = package.counts
    return counts
