"""The vendored HSDS 3.0 schemas (``schema/``, CC BY-SA 4.0, see its README) and validators."""

import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

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
