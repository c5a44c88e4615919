"""Italian first: the catalogue is complete, compiled and current, and pages speak Italian.
Every other interface language (English being the msgids) has a complete catalogue of the
public site, each translation keeping its msgid's placeholders."""

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "it" / "LC_MESSAGES" / "django.po"
# Every language of the interface but English, whose text is the msgids.
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "en"]
# %(name)s, %s, %d…, and {name} / {}; "%%" is a literal percent sign.
PLACEHOLDER = re.compile(
    r"%\((\w+)\)[#0\- +]*\d*(?:\.\d+)?[sdifrx]|%[#0\- +]*\d*(?:\.\d+)?[sdifrx]|\{\w*\}"
)


def catalogue_of(code: str) -> Path:
    return ROOT / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"


def placeholders(text: str) -> Counter:
    return Counter(match.group(0) for match in PLACEHOLDER.finditer(text.replace("%%", "")))


def catalogue_problems(catalogue: polib.POFile) -> list[str]:
    """What keeps a catalogue from being complete: untranslated and fuzzy entries, and
    translations whose placeholders differ from the msgid's (a plural form may leave out the
    number, as "un giorno" does, but may not bring one the msgids lack)."""
    problems = [f"untranslated: {e.msgid!r}" for e in catalogue.untranslated_entries()]
    problems += [f"fuzzy: {e.msgid!r}" for e in catalogue.fuzzy_entries()]
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            allowed = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
            for form in entry.msgstr_plural.values():
                if placeholders(form) - allowed:
                    problems.append(f"placeholders: {entry.msgid!r} -> {form!r}")
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            problems.append(f"placeholders: {entry.msgid!r} -> {entry.msgstr!r}")
    return problems


def public_ignore_patterns() -> list[str]:
    """The Makefile's PUBLIC_IGNORE: the code the new languages' catalogues leave out."""
    makefile = (ROOT / "Makefile").read_text()
    lines = dict(re.findall(r"^(\w+) := (.*)$", makefile, flags=re.MULTILINE))
    words = (lines["PUBLIC_IGNORE"].replace("$(ALL_IGNORE)", lines["ALL_IGNORE"])).split()
    return [word.strip("'") for word in words if word != "--ignore"]


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_language_has_a_complete_catalogue(code):
    path = catalogue_of(code)
    assert path.exists(), f"no catalogue for {code}: {path.relative_to(ROOT)}"
    problems = catalogue_problems(polib.pofile(str(path)))
    assert not problems, f"{code}: {len(problems)} problems, first: {problems[:10]}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_each_compiled_catalogue_is_up_to_date(code):
    path = catalogue_of(code)
    assert path.with_suffix(".mo").exists(), f"run `make messages` to compile {code}"
    compiled = polib.mofile(str(path.with_suffix(".mo")))
    source = polib.pofile(str(path))
    assert {(e.msgctxt, e.msgid): e.msgstr for e in compiled if not e.msgid_plural} == {
        (e.msgctxt, e.msgid): e.msgstr for e in source.translated_entries() if not e.msgid_plural
    }, f"run `make messages` to recompile {path.with_suffix('.mo').relative_to(ROOT)}"


def test_the_checker_finds_what_makes_a_catalogue_incomplete():
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    good = [
        ("Hello %(name)s, 100%%", "Ciao %(name)s, 100%%"),
        ("{count} results", "{count} risultati"),
        ("%s of %s", "%s di %s"),
    ]
    for msgid, msgstr in good:
        catalogue.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    catalogue.append(
        polib.POEntry(
            msgid="%(counter)s day",
            msgid_plural="%(counter)s days",
            msgstr_plural={0: "un giorno", 1: "%(counter)s giorni"},
        )
    )
    assert catalogue_problems(catalogue) == []
    catalogue.append(polib.POEntry(msgid="Untranslated", msgstr=""))
    catalogue.append(polib.POEntry(msgid="Fuzzy", msgstr="Sfocato", flags=["fuzzy"]))
    catalogue.append(polib.POEntry(msgid="Open %(name)s", msgstr="Apri %(nome)s"))
    catalogue.append(polib.POEntry(msgid="{x} and {y}", msgstr="{x} e"))
    catalogue.append(polib.POEntry(msgid="%s left", msgstr="rimasti"))
    catalogue.append(
        polib.POEntry(
            msgid="%(counter)s day",
            msgid_plural="%(counter)s days",
            msgstr_plural={0: "%(count)s giorno", 1: "%(counter)s giorni"},
            msgctxt="plural",
        )
    )
    problems = catalogue_problems(catalogue)
    assert [problem.split(":")[0] for problem in problems] == [
        "untranslated",
        "fuzzy",
        "placeholders",
        "placeholders",
        "placeholders",
        "placeholders",
    ], problems


def test_the_public_catalogue_leaves_the_staff_code_out():
    patterns = public_ignore_patterns()
    assert {".venv/*", "tests/*", "templates/staff/*", "famiglie/*", "sportelli/admin.py"} <= set(
        patterns
    )
    assert not any(
        pattern.startswith(("templates/sportelli/booking", "sportelli/views"))
        for pattern in patterns
    )


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
    # Without DATABASE_URL, on the project's embedded server rather than a new one in the copy.
    env = {"EMBEDDED_DATABASE_DIR": str(ROOT / ".postgres"), **os.environ, "DEBUG": "1"}
    makemessages = [sys.executable, "manage.py", "makemessages", "--no-obsolete"]
    subprocess.run(
        [*makemessages, "--locale", "it"], cwd=copy, env=env, check=True, capture_output=True
    )
    others = [to_locale(code) for code in TRANSLATED if code != "it"]
    public = [
        argument for pattern in public_ignore_patterns() for argument in ("--ignore", pattern)
    ]
    locales = [argument for name in others for argument in ("--locale", name)]
    subprocess.run(
        [*makemessages, *locales, *public], cwd=copy, env=env, check=True, capture_output=True
    )
    missing = {}
    for name in ["it", *others]:
        fresh = polib.pofile(str(copy / "locale" / name / "LC_MESSAGES" / "django.po"))
        entries = [e.msgid for e in fresh.untranslated_entries() + fresh.fuzzy_entries()]
        if entries:
            missing[name] = f"{len(entries)}, first: {entries[:5]}"
    assert not missing, f"run `make messages` and translate: {missing}"


def test_pages_speak_italian_by_default_and_english_on_request(client, db):
    assert "Cerca" in client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert 'lang="en"' in english
    assert "Search" in english
