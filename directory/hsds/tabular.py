"""A document's records as rows of the HSDS tabular data package (one CSV file per table).

Each nested list is a table (``NESTED_TABLES``); the nested single objects repeat records
another document or table holds (the service's organization, the place of a service at a
location, an attribute's taxonomy term) and are left out (``REPEATED``).
"""

import csv
from collections.abc import Iterator
from pathlib import Path

from directory.hsds import schemas

NESTED_TABLES = {
    "accessibility": "accessibility",
    "addresses": "address",
    "attributes": "attribute",
    "cost_options": "cost_option",
    "languages": "language",
    "locations": "location",
    "organization_identifiers": "organization_identifier",
    "phones": "phone",
    "required_documents": "required_document",
    "schedules": "schedule",
    "service_at_locations": "service_at_location",
}
REPEATED = {"organization", "location", "taxonomy_term", "services"}


def rows(table: str, document: dict) -> Iterator[tuple[str, dict]]:
    """(table, row) for the document, a record of ``table``, and every record nested in it."""
    row = {}
    for name, value in document.items():
        if name in NESTED_TABLES:
            for record in value:
                yield from rows(NESTED_TABLES[name], record)
        elif name not in REPEATED:
            row[name] = value
    yield table, row


class PackageWriter:
    """The CSV files of every table of the data package, with its ``datapackage.json``.
    Every table has its file, with its columns, even without rows: the package is complete."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.counts = dict.fromkeys(schemas.columns(), 0)
        self._files = {}
        self._writers = {}
        for table, columns in schemas.columns().items():
            handle = open(folder / schemas.files()[table], "w", newline="", encoding="utf-8")  # noqa: SIM115
            self._files[table] = handle
            # A field the package does not know is an error of the mapping, not a column to drop.
            self._writers[table] = csv.DictWriter(handle, fieldnames=columns, extrasaction="raise")
            self._writers[table].writeheader()

    def write(self, table: str, document: dict) -> None:
        for name, row in rows(table, document):
            self._writers[name].writerow(row)
            self.counts[name] += 1

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()
        (self.folder / "datapackage.json").write_bytes(schemas.DATAPACKAGE.read_bytes())
