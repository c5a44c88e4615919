"""Italian first: the catalogue is complete, compiled and current, and pages speak Italian."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "it" / "LC_MESSAGES" / "django.po"


def test_every_message_is_translated_into_italian():
    catalogue = polib.pofile(str(CATALOGUE))
    missing = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert not missing, f"untranslated: {missing[:20]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:20]}"


def test_the_compiled_catalogue_is_up_to_date():
    compiled = polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    source = polib.pofile(str(CATALOGUE))
    assert {(e.msgctxt, e.msgid): e.msgstr for e in compiled if not e.msgid_plural} == {
        (e.msgctxt, e.msgid): e.msgstr for e in source.translated_entries() if not e.msgid_plural
    }, "run `make messages` to recompile locale/it/LC_MESSAGES/django.mo"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext")
def test_no_translatable_string_is_missing_from_the_catalogue(tmp_path):
    """Extracting the strings afresh (in a copy of the project) finds nothing untranslated."""
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "static", "media", "staticfiles", "tests", "bench", ".postgres"
        ),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "it", "--no-obsolete"],
        cwd=copy,
        # Without DATABASE_URL, on the project's embedded server rather than a new one in the copy.
        env={
            "EMBEDDED_DATABASE_DIR": str(ROOT / ".postgres"),
            **os.environ,
            "DEBUG": "1",
        },
        check=True,
        capture_output=True,
    )
    fresh = polib.pofile(str(copy / "locale" / "it" / "LC_MESSAGES" / "django.po"))
    missing = [e.msgid for e in fresh.untranslated_entries() + fresh.fuzzy_entries()]
    assert not missing, f"run `make messages` and translate: {missing[:20]}"


def test_pages_speak_italian_by_default_and_english_on_request(client, db):
    assert "Cerca" in client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert 'lang="en"' in english
    assert "Search" in english
