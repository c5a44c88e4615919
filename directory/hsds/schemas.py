"""The vendored HSDS 3.0 schemas (``schema/``, CC BY-SA 4.0, see its README) and validators."""

import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
DATAPACKAGE = SCHEMA_DIR / "datapackage.json"


@functools.cache
def datapackage() -> dict:
    return json.loads(DATAPACKAGE.read_text(encoding="utf-8"))


@functools.cache
def columns() -> dict[str, list[str]]:
    """Each table of the data package (``organization``…) and its CSV columns, in order."""
    return {
        resource["name"]: [field["name"] for field in resource["schema"]["fields"]]
        for resource in datapackage()["resources"]
    }


@functools.cache
def files() -> dict[str, str]:
    """Each table of the data package and its file name (``organizations.csv``…)."""
    return {resource["name"]: resource["path"] for resource in datapackage()["resources"]}


@functools.cache
def validator(document: str) -> Draft202012Validator:
    """A validator of the compiled schema of ``document`` (``organization``, ``service``)."""
    schema = json.loads((SCHEMA_DIR / "compiled" / f"{document}.json").read_text("utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


@functools.cache
def object_validator(name: str) -> Draft202012Validator:
    """A validator of one object's own schema (``objects/taxonomy.json``…), its references to
    the others (``"$ref": "taxonomy.json"``) resolved among the vendored files."""
    folder = SCHEMA_DIR / "objects"
    base = "https://linkrete.invalid/hsds/3.0/"
    registry = Registry().with_resources(
        (
            base + path.name,
            Resource.from_contents(
                json.loads(path.read_text("utf-8")), default_specification=DRAFT202012
            ),
        )
        for path in folder.glob("*.json")
    )
    schema = {"$ref": base + f"{name}.json"}
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())
