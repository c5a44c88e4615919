"""What ``import_hsds`` reads: HSDS 3.0 documents, from JSON or from the tabular data package.

A path is one of:
- a folder ``export_hsds`` wrote (``json/organizations.ndjson``, ``json/services.ndjson``), or a
  folder holding those two files;
- one ``.ndjson`` file (a document a line) or ``.json`` file (one document or an array of them),
  each document an organization or a service;
- a tabular data package: a folder with ``datapackage.json`` and the CSV files (or an
  ``export_hsds`` folder with only ``tabular/``). Its rows are put back together as documents
  (the reverse of ``tabular.rows``), so both forms go through one import.

Organizations come before services, so that a service finds its organization.
"""

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from directory.hsds import schemas
from directory.hsds.tabular import NESTED_TABLES


class UnreadablePath(Exception):
    pass


@dataclass
class Entry:
    """One document and where it was: ``where`` is the file and line (or CSV row)."""

    where: str
    document: dict | None
    error: str = ""


@dataclass
class Source:
    """One file to import in one transaction: its documents, all of one kind."""

    name: str
    kind: str  # "organization" or "service"
    count: int
    entries: Callable[[], Iterator[Entry]]


def sources(path: Path) -> list[Source]:
    if path.is_file():
        return _file_sources(path)
    if not path.is_dir():
        raise UnreadablePath(f"{path}: no such file or folder")
    for folder in (path / "json", path):
        found = [
            source
            for name in ("organizations", "services")
            for suffix in (".ndjson", ".json")
            if (folder / f"{name}{suffix}").is_file()
            for source in _file_sources(folder / f"{name}{suffix}", kind=name[:-1])
        ]
        if found:
            return found
    for folder in (path, path / "tabular"):
        if (folder / "datapackage.json").is_file():
            return TabularPackage(folder).sources()
    raise UnreadablePath(
        f"{path}: neither HSDS JSON (organizations.ndjson, services.ndjson) nor a tabular data "
        "package (datapackage.json) is there"
    )


def kind_of(document: dict) -> str:
    """A service has an organization; an organization has none."""
    return (
        "service" if "organization_id" in document or "organization" in document else "organization"
    )


def _file_sources(path: Path, kind: str = "") -> list[Source]:
    if path.suffix == ".ndjson":
        with open(path, encoding="utf-8") as handle:
            count = sum(1 for line in handle if line.strip())
        entries = _ndjson(path)
    elif path.suffix == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise UnreadablePath(f"{path}: not JSON ({error})") from None
        documents = data if isinstance(data, list) else [data]
        count = len(documents)
        entries = _listed(path.name, documents)
    else:
        raise UnreadablePath(f"{path}: give a .json or .ndjson file, or a folder")
    if kind:
        return [Source(path.name, kind, count, entries)]
    # One file of both kinds: organizations first, then services (read twice, kept apart).
    return [
        Source(path.name, wanted, count, _only(entries, wanted))
        for wanted in ("organization", "service")
    ]


def _only(entries, wanted: str):
    def read():
        for entry in entries():
            if entry.document is None or kind_of(entry.document) == wanted:
                if entry.document is None and wanted != "organization":
                    continue  # reported once, with the organizations
                yield entry

    return read


def _ndjson(path: Path):
    def read():
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{path.name}:{number}"
                try:
                    document = json.loads(line)
                except ValueError as error:
                    yield Entry(where, None, f"not JSON ({error})")
                    continue
                if isinstance(document, dict):
                    yield Entry(where, document)
                else:
                    yield Entry(where, None, "not a JSON object")

    return read


def _listed(name: str, documents: list):
    def read():
        for number, document in enumerate(documents, start=1):
            where = f"{name}[{number}]"
            if isinstance(document, dict):
                yield Entry(where, document)
            else:
                yield Entry(where, None, "not a JSON object")

    return read


# The tabular data package ------------------------------------------------------------------

# Which column of a nested table names the record it belongs to.
OWNER_COLUMNS = {
    "organization_identifier": ["organization_id"],
    "phone": ["organization_id", "service_id", "location_id"],
    "location": ["organization_id"],
    "address": ["location_id"],
    "accessibility": ["location_id"],
    "service_at_location": ["service_id"],
    "schedule": ["service_id"],
    "language": ["service_id"],
    "cost_option": ["service_id"],
    "required_document": ["service_id"],
    "attribute": ["link_id"],
}
NESTED_OF = {
    "organization": ["organization_identifiers", "phones", "locations", "attributes"],
    "location": ["addresses", "accessibility", "phones", "attributes"],
    "service": [
        "phones",
        "service_at_locations",
        "schedules",
        "languages",
        "cost_options",
        "required_documents",
        "attributes",
    ],
    "schedule": ["attributes"],
}


class TabularPackage:
    """The CSV files of a package as documents. The tables are read into memory first: a
    document's records are spread over a dozen files in no particular order."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.types = {
            resource["name"]: {
                field["name"]: field["type"] for field in resource["schema"]["fields"]
            }
            for resource in schemas.datapackage()["resources"]
        }
        self.tables: dict[str, list[dict]] = {}
        self.owned: dict[str, dict[str, list[dict]]] = {}

    def _read(self, table: str) -> list[dict]:
        if table not in self.tables:
            path = self.folder / schemas.files()[table]
            rows = []
            if path.is_file():
                with open(path, newline="", encoding="utf-8", errors="replace") as handle:
                    for number, row in enumerate(csv.DictReader(handle), start=2):
                        record = self._typed(table, row)
                        record["_where"] = f"{path.name}:{number}"
                        rows.append(record)
            self.tables[table] = rows
        return self.tables[table]

    def _typed(self, table: str, row: dict) -> dict:
        record = {}
        for name, value in row.items():
            if name is None or value in (None, ""):
                continue
            if self.types[table].get(name) == "number":
                try:
                    number = float(value)
                except ValueError:
                    record[name] = value  # the schema's validation reports it
                    continue
                record[name] = int(number) if number.is_integer() and "." not in value else number
            else:
                record[name] = value
        return record

    def _owned(self, table: str, owner: str) -> list[dict]:
        if table not in self.owned:
            by_owner = defaultdict(list)
            for row in self._read(table):
                for column in OWNER_COLUMNS[table]:
                    if column in row:
                        by_owner[row[column]].append(row)
            self.owned[table] = by_owner
        return self.owned[table].get(owner, [])

    def _document(self, table: str, row: dict) -> dict:
        document = {name: value for name, value in row.items() if name != "_where"}
        for nested in NESTED_OF.get(table, []):
            nested_table = NESTED_TABLES[nested]
            records = [
                self._document(nested_table, record)
                for record in self._owned(nested_table, row["id"])
            ]
            if records:
                document[nested] = records
        if table == "attribute" and row.get("taxonomy_term_id") in self._terms():
            document["taxonomy_term"] = self._terms()[row["taxonomy_term_id"]]
        if table == "service_at_location":
            location = self._locations().get(row.get("location_id"))
            if location is not None:
                document["location"] = self._document("location", location)
        if table == "service":
            organization = self._organizations().get(row.get("organization_id"))
            if organization is not None:
                document["organization"] = {
                    name: value for name, value in organization.items() if name != "_where"
                }
        return document

    def _terms(self) -> dict[str, dict]:
        if "_terms" not in self.owned:
            self.owned["_terms"] = {
                row["id"]: {name: value for name, value in row.items() if name != "_where"}
                for row in self._read("taxonomy_term")
            }
        return self.owned["_terms"]

    def _organizations(self) -> dict[str, dict]:
        if "_organizations" not in self.owned:
            self.owned["_organizations"] = {row["id"]: row for row in self._read("organization")}
        return self.owned["_organizations"]

    def _locations(self) -> dict[str, dict]:
        if "_locations" not in self.owned:
            self.owned["_locations"] = {row["id"]: row for row in self._read("location")}
        return self.owned["_locations"]

    def _entries(self, table: str):
        def read():
            for row in self._read(table):
                if "id" not in row:
                    yield Entry(row["_where"], None, "no id")
                    continue
                yield Entry(row["_where"], self._document(table, row))

        return read

    def sources(self) -> list[Source]:
        return [
            Source(schemas.files()[table], table, len(self._read(table)), self._entries(table))
            for table in ("organization", "service")
        ]
