"""What ``import_hsds`` reads: HSDS 3.0 documents, from JSON or from the tabular data package.

A path is one of:
- a folder ``export_hsds`` wrote (``json/organizations.ndjson``, ``json/services.ndjson``), or a
  folder holding those two files;
- one ``.ndjson`` file (a document a line) or ``.json`` file (one document or an array of them),
  each document an organization or a service;
- a tabular data package: a folder with ``datapackage.json`` and the CSV files (or an
  ``export_hsds`` folder with only ``tabular/``). Its rows are put back together as documents
  (the reverse of ``tabular.rows``; ``tabular_reading``), so both forms go through one import.

Organizations come before services, so that a service finds its organization.
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path


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
            # Imported here: the package's reader builds on this module's Entry and Source.
            from directory.hsds.tabular_reading import TabularPackage

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
