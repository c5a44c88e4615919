"""The Italian profile of HSDS as a schema overlay (directory/hsds/overlay.py)."""

import json

import pytest

from directory.hsds import overlay, profile, schemas
from directory.hsds.export import export_directory
from tests.directory.hsds_world import directory_fixture, documents  # noqa: F401

pytestmark = pytest.mark.django_db


def profile_errors(kind, document):
    return [error.message for error in overlay.validator(kind).iter_errors(document)]


def attribute_of(document, term):
    return next(a for a in document["attributes"] if a["taxonomy_term_id"] == term.id)


def test_the_export_validates_against_the_profile_and_publishes_it(directory, tmp_path):
    export_directory(tmp_path)

    for kind in ("organization", "service"):
        for document in documents(tmp_path, f"{kind}s"):
            assert profile_errors(kind, document) == []
        published = json.loads((tmp_path / "profile" / "compiled" / f"{kind}.json").read_text())
        assert published == overlay.compiled(kind)
    assert (tmp_path / "profile" / "README.md").is_file()
    assert (tmp_path / "profile" / "attribute.json").is_file()


def test_the_profile_refuses_what_the_core_schema_lets_through(directory, tmp_path):
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    [organization] = documents(tmp_path, "organizations")
    place = service["service_at_locations"][0]["location"]
    attribute_of(place, profile.ISTAT_CODE)["value"] = "15011"
    attribute_of(service, profile.ACCESS)["value"] = "sometimes"
    service["schedules"][0]["attributes"] = [
        dict(attribute_of(service, profile.SUMMARY), taxonomy_term_id=profile.CLOSED.id)
    ]
    organization["organization_identifiers"][0]["identifier"] = "123"
    organization["locations"][0]["addresses"][0]["postal_code"] = "2009"

    # HSDS itself has nothing against them…
    assert list(schemas.validator("service").iter_errors(service)) == []
    assert list(schemas.validator("organization").iter_errors(organization)) == []
    # …the profile has, one reason each.
    assert sorted(profile_errors("service", service)) == sorted(
        [
            "'15011' does not match '^[0-9]{6}$'",
            "'sometimes' is not one of ['open', 'booking', 'referral']",
            "'schedule' was expected",
            "'true' was expected",
        ]
    )
    assert sorted(profile_errors("organization", organization)) == sorted(
        ["'123' does not match '^([0-9]{11}|[A-Z0-9]{16})$'", "'2009' does not match '^[0-9]{5}$'"]
    )


def test_a_service_must_say_how_it_is_accessed(directory, tmp_path):
    export_directory(tmp_path)
    [service] = documents(tmp_path, "services")
    service["attributes"] = [
        a for a in service["attributes"] if a["taxonomy_term_id"] != profile.ACCESS.id
    ]
    assert list(schemas.validator("service").iter_errors(service)) == []
    assert profile_errors("service", service) != []


def test_the_published_taxonomies_are_the_profiles():
    for name, records in overlay.data().items():
        path = overlay.PROFILE_DIR / "data" / f"{name}.json"
        assert json.loads(path.read_text("utf-8")) == records, (
            f"{path} is out of date: write overlay.data()['{name}'] into it"
        )


def test_merge_patch_follows_rfc_7386():
    target = {"a": "b", "c": {"d": "e", "f": "g"}, "l": [1]}
    patch = {"a": "z", "c": {"f": None}, "l": [2, 3], "n": {"o": 1}}
    assert overlay.merge_patch(target, patch) == {
        "a": "z",
        "c": {"d": "e"},
        "l": [2, 3],
        "n": {"o": 1},
    }
    assert target == {"a": "b", "c": {"d": "e", "f": "g"}, "l": [1]}
