"""The tabular data package read back as documents in bounded memory (directory/hsds/
tabular_reading.py): the same documents as the JSON, whatever the rows' order, a batch at a
time."""

import json
import random
import tracemalloc
import uuid

import pytest

from directory.hsds import tabular_reading
from directory.hsds.export import export_directory
from directory.hsds.reading import sources
from directory.hsds.tabular import PackageWriter
from tests.directory.hsds_world import directory_fixture, documents  # noqa: F401

pytestmark = pytest.mark.django_db

NESTED_WITH_SERVICE_ID = (
    "phones",
    "service_at_locations",
    "schedules",
    "languages",
    "cost_options",
    "required_documents",
)


def read_all(path) -> dict[str, list]:
    return {source.kind: [entry.document for entry in source.entries()] for source in sources(path)}


def copies(service: dict, count: int) -> list[dict]:
    """``count`` services like ``service``, each with its own identifiers for itself and for
    its hours (the records other rows belong to)."""
    made = []
    for _ in range(count):
        copy = json.loads(json.dumps(service))
        copy["id"] = str(uuid.uuid4())
        for schedule in copy["schedules"]:
            schedule["id"] = str(uuid.uuid4())
            for attribute in schedule.get("attributes", []):
                attribute["link_id"] = schedule["id"]
        for nested in NESTED_WITH_SERVICE_ID:
            for record in copy.get(nested, []):
                record["service_id"] = copy["id"]
        for attribute in copy.get("attributes", []):
            attribute["link_id"] = copy["id"]
        made.append(copy)
    return made


def canonical(value, leave=""):
    """The value with every list sorted (the shuffled rows come back in another order) and
    without the key ``leave``."""
    if isinstance(value, list):
        return sorted((canonical(item) for item in value), key=json.dumps)
    if isinstance(value, dict):
        return {name: canonical(item) for name, item in value.items() if name != leave}
    return value


def write_package(folder, organizations: list[dict], services: list[dict], terms) -> None:
    """A package of the documents, with the taxonomy terms of the export ``terms``."""
    package = PackageWriter(folder)
    for organization in organizations:
        package.write("organization", organization)
    for service in services:
        package.write("service", service)
    package.close()
    for name in ("taxonomies.csv", "taxonomy_terms.csv"):
        (folder / name).write_bytes((terms / "tabular" / name).read_bytes())


def shuffle_rows(folder) -> None:
    """Every CSV file's rows in another order (the header first): a package need not keep a
    document's rows together."""
    for path in folder.glob("*.csv"):
        header, *rows = path.read_text("utf-8").splitlines(keepends=True)
        random.Random(path.name).shuffle(rows)
        path.write_text(header + "".join(rows), "utf-8")


def test_the_package_gives_the_documents_of_the_json_whatever_the_rows_order(directory, tmp_path):
    export_directory(tmp_path)
    [organization] = documents(tmp_path, "organizations")
    [service] = documents(tmp_path, "services")
    made = copies(service, 7)
    write_package(tmp_path / "p", [organization], made, tmp_path)
    shuffle_rows(tmp_path / "p")

    read = read_all(tmp_path / "p")

    [read_organization] = read["organization"]
    assert read_organization["locations"] and read_organization["attributes"]
    # The tables' rows come back nested as the JSON nests them, but for what the package
    # does not hold (a service's organization is its row, without its places).
    by_id = {document["id"]: document for document in read["service"]}
    assert set(by_id) == {document["id"] for document in made}
    for document in made:
        again = by_id[document["id"]]
        assert again["organization"]["id"] == organization["id"]
        assert canonical(again, leave="organization") == canonical(document, leave="organization")


def peak_memory_to_read(folder) -> int:
    tracemalloc.start()
    try:
        for source in sources(folder):
            for entry in source.entries():
                assert entry.document is not None
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_reading_holds_one_batch_of_documents_not_the_package(directory, tmp_path, monkeypatch):
    """Four times the services, not four times the memory: the old reader held every row of
    every table (peak about 3.5 times as high for 4 times the rows)."""
    monkeypatch.setattr(tabular_reading, "BATCH_SIZE", 10)
    export_directory(tmp_path)
    [organization] = documents(tmp_path, "organizations")
    [service] = documents(tmp_path, "services")
    made = copies(service, 400)
    write_package(tmp_path / "small", [organization], made[:100], tmp_path)
    write_package(tmp_path / "large", [organization], made, tmp_path)

    small = peak_memory_to_read(tmp_path / "small")
    large = peak_memory_to_read(tmp_path / "large")

    assert large < small * 1.3, (small, large)


def test_a_row_without_an_identifier_is_reported_where_it_is(directory, tmp_path):
    export_directory(tmp_path)
    [organization] = documents(tmp_path, "organizations")
    [service] = documents(tmp_path, "services")
    nameless = dict(copies(service, 1)[0])
    del nameless["id"]
    write_package(tmp_path / "p", [organization], [*copies(service, 2), nameless], tmp_path)

    [organizations, services] = sources(tmp_path / "p")

    assert services.count == 3
    entries = list(services.entries())
    assert [entry.where for entry in entries] == [
        "services.csv:2",
        "services.csv:3",
        "services.csv:4",
    ]
    assert entries[2].document is None and entries[2].error == "no id"
    assert [entry.document["name"] for entry in entries[:2]] == [service["name"]] * 2
