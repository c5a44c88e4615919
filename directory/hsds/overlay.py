"""The Italian profile as a schema overlay, the way HSDS profiles are published.

An HSDS 3.0 profile changes the core schemas with JSON Merge Patch files (RFC 7386), one per
schema file it changes (``profile_schema/<schema>.json``: ``attribute.json`` patches the
``attribute`` schema), and lists the taxonomies and terms it defines in ``profile_schema/data/``
(see openreferral/hsds_example_profile). ``compiled(document)`` applies each patch to every
object of that name inside the vendored compiled schema (``schema/compiled/``: an attribute is
nested in services, organizations, locations and schedules), so the profile's documents can be
validated as they are; ``write_profile`` publishes the patches, the data and the compiled
schemas beside an export.
"""

import copy
import functools
import json
import shutil
from pathlib import Path

from django.utils import translation
from jsonschema import Draft202012Validator, FormatChecker

from directory.hsds import mapping, profile
from directory.hsds.schemas import SCHEMA_DIR

PROFILE_DIR = Path(__file__).resolve().parent / "profile_schema"


def merge_patch(target, patch):
    """RFC 7386: ``patch`` applied to ``target`` (neither is changed)."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for name, value in patch.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = merge_patch(result.get(name), value)
    return result


@functools.cache
def patches() -> dict[str, dict]:
    """Each schema the profile changes (``attribute``…) and its merge patch."""
    return {
        path.stem: json.loads(path.read_text("utf-8"))
        for path in sorted(PROFILE_DIR.glob("*.json"))
    }


def _patched(schema):
    if isinstance(schema, list):
        return [_patched(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {name: _patched(value) for name, value in schema.items()}
    if schema.get("type") == "object" and schema.get("name") in patches():
        schema = merge_patch(schema, patches()[schema["name"]])
    return schema


@functools.cache
def compiled(document: str) -> dict:
    """The compiled schema of ``document`` (``organization``, ``service``) with the profile."""
    core = json.loads((SCHEMA_DIR / "compiled" / f"{document}.json").read_text("utf-8"))
    return _patched(core)


@functools.cache
def validator(document: str) -> Draft202012Validator:
    return Draft202012Validator(compiled(document), format_checker=FormatChecker())


def data() -> dict[str, list[dict]]:
    """The profile's taxonomies and terms, as the records an export carries."""
    with translation.override("it"):
        return {
            "taxonomy": [mapping.taxonomy_record(taxonomy) for taxonomy in profile.TAXONOMIES],
            "taxonomy_term": [mapping.profile_term(term) for term in profile.terms()],
        }


def write_profile(out: Path) -> None:
    """The profile beside an export: ``out/profile/`` with its README, patches, data and
    compiled schemas."""
    folder = out / "profile"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(PROFILE_DIR, folder)
    (folder / "compiled").mkdir()
    for document in ("organization", "service"):
        (folder / "compiled" / f"{document}.json").write_text(
            json.dumps(compiled(document), ensure_ascii=False, indent=2) + "\n", "utf-8"
        )
