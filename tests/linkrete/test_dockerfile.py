"""The Dockerfile and its build context, read without Docker: what the build copies exists and
is not ignored, what must never reach an image (secrets, dumps, uploads, local databases) is
ignored, the site's user cannot change its own code, and the image has what the PDF sheets
need. README, "Checking the image without Docker", says how the image itself was built and run."""

import fnmatch
import re
import shlex
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined, comments dropped."""
    lines = [
        line
        for line in (ROOT / "Dockerfile").read_text().splitlines()
        if not line.lstrip().startswith("#")
    ]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    found = []
    for line in joined.splitlines():
        if line.strip():
            word, _, rest = line.strip().partition(" ")
            found.append((word.upper(), rest.strip()))
    return found


def ignore_patterns() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def is_ignored(path: str) -> bool:
    """Docker's rule, for the patterns this project uses: a pattern matches the path from the
    context's root or one of its parent folders; the last match wins ("!" re-includes)."""
    parts = path.strip("/").split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    ignored = False
    for pattern in ignore_patterns():
        include, pattern = pattern.startswith("!"), pattern.lstrip("!").strip("/")
        if any(fnmatch.fnmatchcase(prefix, pattern) for prefix in prefixes):
            ignored = not include
    return ignored


def copies() -> list[tuple[list[str], list[str]]]:
    """(options, sources) of every COPY; the last word of each is its destination."""
    found = []
    for word, rest in instructions():
        if word == "COPY":
            words = shlex.split(rest)
            options = [w for w in words if w.startswith("--")]
            paths = [w for w in words if not w.startswith("--")]
            found.append((options, paths[:-1]))
    return found


def test_every_source_the_build_copies_exists_and_is_not_ignored():
    sources = [source for _, paths in copies() for source in paths]
    assert sources, "the Dockerfile copies nothing"
    for source in sources:
        assert (ROOT / source).exists(), source
        if source != ".":
            assert not is_ignored(source), source


def test_what_must_never_reach_an_image_is_ignored():
    never = [
        ".env",  # compose's secrets, beside compose.yaml
        "backups/linkrete-2026-12-01.dump",  # deploy/backup.sh's dumps: personal data
        ".git/config",
        ".venv/bin/python",
        ".postgres/PG_VERSION",  # the embedded development database
        "media/activities/photo.jpg",
        "private-media/consents/form.pdf",
        "opendata/hsds.zip",
        "cache/pages/x.djcache",
        "staticfiles/staticfiles.json",  # collected in the image, not copied from here
        "linkrete/__pycache__/settings.cpython-311.pyc",
        "tests/conftest.py",
        "bench/results/run.json",
    ]
    for path in never:
        assert is_ignored(path), path


def test_the_code_the_image_runs_is_not_ignored():
    for path in ("manage.py", "linkrete/settings.py", "templates/base.html", "locale", "static"):
        assert (ROOT / path).exists(), path
        assert not is_ignored(path), path


def test_the_site_runs_as_its_own_user_who_cannot_change_the_code():
    users = [rest for word, rest in instructions() if word == "USER"]
    assert users and users[-1] not in ("root", "0")
    # The code is copied as root's; only the folders made for uploads and caches are the user's.
    assert all("--chown" not in " ".join(options) for options, _ in copies())
    chowned = " ".join(rest for word, rest in instructions() if word == "RUN" and "chown" in rest)
    for folder in ("media", "private-media", "cache", "opendata"):
        assert re.search(rf"chown \S+ .*\b{folder}\b", chowned), folder


def test_the_image_has_what_the_pdf_sheets_need():
    installed = " ".join(rest for word, rest in instructions() if word == "RUN")
    # Pango draws the sheets; the fonts cover Arabic and Chinese; HarfBuzz's subsetter keeps a
    # Chinese sheet to about a second (WeasyPrint's fallback, fontTools, takes over 30 s).
    for package in (
        "libpango-1.0-0",
        "libpangoft2-1.0-0",
        "libharfbuzz-subset0",
        "fonts-dejavu-core",
        "fonts-noto-core",
        "fonts-noto-cjk",
    ):
        assert re.search(rf"\b{re.escape(package)}\b", installed), package
