"""The published dump: the whole export as one zip file, refreshed daily (``publish_hsds``).

The new dump is built beside the old one and takes its place only once it is complete
(``os.replace``), so a download never gets half a file, and a failed run leaves yesterday's
dump published. ``manifest()`` says what the published one holds, for the open data page.
"""

import datetime
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from directory.hsds import batches
from directory.hsds.export import export_directory

DUMP_NAME = "linkrete-hsds.zip"
MANIFEST_NAME = "linkrete-hsds.json"


def folder() -> Path:
    return Path(settings.LINKRETE_OPEN_DATA_DIR)


def dump_path() -> Path:
    return folder() / DUMP_NAME


def manifest() -> dict | None:
    """What the published dump holds (date, counts, size, SHA-256), or None before the first."""
    try:
        data = json.loads((folder() / MANIFEST_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not dump_path().is_file():
        return None
    try:
        data["published_at"] = datetime.datetime.fromisoformat(data["published_at"])
    except (KeyError, TypeError, ValueError):
        return None
    return data


def publish_dump(*, base_url: str = "", batch_size: int = batches.BATCH_SIZE) -> dict:
    """Export the directory and publish it as the dump; returns the new manifest."""
    folder().mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder(), prefix=".building-") as building:
        out = Path(building) / "export"
        counts = export_directory(out, base_url=base_url, batch_size=batch_size)
        partial = Path(building) / DUMP_NAME
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(out.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(out).as_posix())
        digest = hashlib.sha256()
        with open(partial, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        data = {
            "published_at": timezone.now().isoformat(timespec="seconds"),
            "organizations": counts.organizations,
            "services": counts.services,
            "size": partial.stat().st_size,
            "sha256": digest.hexdigest(),
        }
        os.replace(partial, dump_path())
        manifest_partial = Path(building) / MANIFEST_NAME
        manifest_partial.write_text(json.dumps(data), "utf-8")
        os.replace(manifest_partial, folder() / MANIFEST_NAME)
    # Builds a killed run left behind.
    for stale in folder().glob(".building-*"):
        shutil.rmtree(stale, ignore_errors=True)
    return data
