"""The vendored HSDS 3.0 schemas (``schema/``, CC BY-SA 4.0, see its README) and validators."""

import functools
import json
from pathlib import Path

import jsonschema_rs
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
def fast_validator(document: str) -> jsonschema_rs.Draft202012Validator:
    """The same compiled schema in jsonschema-rs (Rust, built once: about 2 s): it answers
    "valid or not" in about 0.1 ms where ``validator`` takes 20-40 ms a service document."""
    schema = json.loads((SCHEMA_DIR / "compiled" / f"{document}.json").read_text("utf-8"))
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True)


def errors(document: str, instance) -> list:
    """What is wrong with ``instance``, a document of kind ``document``: ``validator``'s errors,
    in the order of their paths. Asked only of the documents jsonschema-rs finds invalid, so the
    errors are jsonschema's own, word for word. jsonschema-rs checks every format it knows
    (``uri``, ``date-time``…), ``validator`` only those its installed checkers know: where it
    is stricter, ``validator`` has the last word and the document is valid, as it was."""
    try:
        if fast_validator(document).is_valid(instance):
            return []
    except (ValueError, TypeError, OverflowError):
        pass  # What Rust cannot hold (a NaN, a huge integer): jsonschema decides.
    return sorted(validator(document).iter_errors(instance), key=lambda error: list(error.path))


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
