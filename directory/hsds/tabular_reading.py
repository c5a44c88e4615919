"""The tabular data package put back together as documents, in bounded memory.

A document's records are spread over a dozen CSV files in no given order: a service's places in
``service_at_location.csv``, each place's row in ``locations.csv`` and its address in
``addresses.csv``, an attribute of its hours in ``attributes.csv``. A national package holds
6.8 million rows (1 GB of CSV), more than a process should hold. So the package is read twice:

1. ``_load`` copies every row but the services' into a temporary table of this database
   connection (``COPY``, a row at a time), keyed by the record each belongs to (its *owner*:
   the ``organization_id``, ``service_id``, ``location_id`` or ``link_id`` that
   ``OWNER_COLUMNS`` names) or, for what a document repeats (a service's organization, a
   place, a taxonomy term), by its own ``id``; then indexes and analyses it.
2. ``_entries`` reads the organizations' or the services' file ``BATCH_SIZE`` rows at a time
   and fetches the batch's records level by level (a service's places, then the places'
   addresses, then the addresses' terms…), one query a level (``_gather``), and builds the
   batch's documents from them (``_document``).

The process holds one batch's rows, whatever the package's size. The temporary table (the
database's temporary files: larger than the CSV, its rows being JSON) lasts as long as the
connection. The documents are those the old reader, which held every table, built: the rows'
values typed by the package's schema, a record's nested lists in the files' order, the last
row of an identifier when two share it.
"""

import csv
import itertools
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from django.db import connection

from directory.hsds import schemas
from directory.hsds.reading import Entry, Source
from directory.hsds.tabular import NESTED_TABLES

BATCH_SIZE = 500

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
# The records a document repeats, found by their own identifier: (the table of the row that
# names one, its column, the table of the record named). A service's organization and an
# attribute's term are repeated as their rows, a place with what it nests (``_document``).
REPEATED = [
    ("service", "organization_id", "organization"),
    ("service_at_location", "location_id", "location"),
    ("attribute", "taxonomy_term_id", "taxonomy_term"),
]
# The key of a record found by its identifier (the owners' keys are the tables' names).
BY_ID = {table: f"{table}#id" for _, _, table in REPEATED}
NESTING = {BY_ID["location"]: "location"}

_names = itertools.count(1)


def _owner(identifier) -> str:
    """An identifier as the index keeps it (PostgreSQL's text has no NUL character)."""
    return str(identifier).replace("\x00", "")


class TabularPackage:
    def __init__(self, folder: Path):
        self.folder = folder
        self.types = {
            resource["name"]: {
                field["name"]: field["type"] for field in resource["schema"]["fields"]
            }
            for resource in schemas.datapackage()["resources"]
        }
        self.table = ""
        self.counts = {"organization": 0, "service": 0}

    def sources(self) -> list[Source]:
        if not self.table:
            self._load()
        return [
            Source(schemas.files()[table], table, self.counts[table], self._entries(table))
            for table in ("organization", "service")
        ]

    # Reading the files ---------------------------------------------------------------------

    def _rows(self, table: str) -> Iterator[dict]:
        """The file's rows, typed, each with where it is (``_where``)."""
        path = self.folder / schemas.files()[table]
        if not path.is_file():
            return
        with open(path, newline="", encoding="utf-8", errors="replace") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                record = self._typed(table, row)
                record["_where"] = f"{path.name}:{number}"
                yield record

    def _count(self, table: str) -> int:
        """How many rows the file has (as ``csv.DictReader`` reads it: blank lines skipped)."""
        path = self.folder / schemas.files()[table]
        if not path.is_file():
            return 0
        with open(path, newline="", encoding="utf-8", errors="replace") as handle:
            rows = csv.reader(handle)
            next(rows, None)
            return sum(1 for row in rows if row)

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

    # 1. The index ---------------------------------------------------------------------------

    def _keys(self, table: str, record: dict) -> Iterator[tuple[str, str]]:
        """(key, owner) under which a row is found: its table and each owner it names; its
        own identifier when a document repeats it."""
        for column in OWNER_COLUMNS.get(table, []):
            if column in record:
                yield table, _owner(record[column])
        if table in BY_ID and "id" in record:
            yield BY_ID[table], _owner(record["id"])

    def _load(self) -> None:
        self.table = f"hsds_tabular_rows_{next(_names)}"
        tables = list(dict.fromkeys([*OWNER_COLUMNS, *BY_ID]))
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMPORARY TABLE {self.table} "
                "(seq bigint NOT NULL, key text NOT NULL, owner text NOT NULL, row text NOT NULL)"
            )
            with cursor.copy(f"COPY {self.table} (seq, key, owner, row) FROM STDIN") as copy:
                seq = 0
                for table in tables:
                    for record in self._rows(table):
                        if table in self.counts:
                            self.counts[table] += 1
                        del record["_where"]
                        text = None
                        for key, owner in self._keys(table, record):
                            text = text or json.dumps(record)
                            seq += 1
                            copy.write_row((seq, key, owner, text))
            self.counts["service"] = self._count("service")
            cursor.execute(f"CREATE INDEX ON {self.table} (owner, key)")
            cursor.execute(f"ANALYZE {self.table}")

    # 2. The documents -----------------------------------------------------------------------

    def _entries(self, table: str):
        def read():
            rows = self._rows(table)
            while batch := list(itertools.islice(rows, BATCH_SIZE)):
                found = self._gather(table, [row for row in batch if "id" in row])
                for row in batch:
                    if "id" not in row:
                        yield Entry(row["_where"], None, "no id")
                        continue
                    yield Entry(row["_where"], self._document(table, row, found))

        return read

    def _wanted(self, table: str, row: dict) -> Iterator[tuple[str, str]]:
        """The keys of the records the row's document holds."""
        if "id" in row:
            for nested in NESTED_OF.get(table, []):
                yield NESTED_TABLES[nested], _owner(row["id"])
        for named_in, column, named in REPEATED:
            if table == named_in and column in row:
                yield BY_ID[named], _owner(row[column])

    def _gather(self, table: str, batch: list[dict]) -> dict[tuple[str, str], list[dict]]:
        """Every record the batch's documents hold, by (key, owner), in the files' order:
        one query a level of nesting."""
        found: dict[tuple[str, str], list[dict]] = {}
        level = [(table, row) for row in batch]
        while level:
            wanted = {
                key for name, row in level for key in self._wanted(name, row) if key not in found
            }
            if not wanted:
                break
            keys, owners = zip(*wanted, strict=True)
            rows = defaultdict(list)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT key, owner, row FROM {self.table} WHERE (owner, key) IN "  # nosec B608 # a name this module makes, values as parameters
                    "(SELECT * FROM unnest(%s::text[], %s::text[])) ORDER BY seq",
                    [list(owners), list(keys)],
                )
                for key, owner, text in cursor.fetchall():
                    rows[key, owner].append(json.loads(text))
            level = []
            for key in wanted:
                found[key] = rows.get(key, [])
                # What the records found hold, but for the rows repeated as they are.
                if key[0] in BY_ID.values() and key[0] not in NESTING:
                    continue
                name = NESTING.get(key[0], key[0])
                level += [(name, row) for row in found[key]]
        return found

    def _document(self, table: str, row: dict, found: dict) -> dict:
        document = {name: value for name, value in row.items() if name != "_where"}
        if "id" in row:
            for nested in NESTED_OF.get(table, []):
                nested_table = NESTED_TABLES[nested]
                records = [
                    self._document(nested_table, record, found)
                    for record in found.get((nested_table, _owner(row["id"])), [])
                ]
                if records:
                    document[nested] = records
        for named_in, column, named in REPEATED:
            record = self._repeated(named, row.get(column), found) if table == named_in else None
            if record is not None:
                nests = BY_ID[named] in NESTING
                document[named] = self._document(named, record, found) if nests else dict(record)
        return document

    def _repeated(self, table: str, identifier, found: dict) -> dict | None:
        """The record of that identifier (the last, if the file has two)."""
        if identifier is None:
            return None
        rows = found.get((BY_ID[table], _owner(identifier)))
        return rows[-1] if rows else None
