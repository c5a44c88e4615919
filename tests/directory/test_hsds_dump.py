"""The daily open data dump (manage.py publish_hsds) and the open data page that offers it."""

import hashlib
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from directory.hsds import dump
from tests.directory.hsds_world import directory_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def open_data_dir(settings, tmp_path):
    settings.LINKRETE_OPEN_DATA_DIR = tmp_path / "opendata"
    return settings.LINKRETE_OPEN_DATA_DIR


def test_before_the_first_dump_the_page_says_so_and_the_file_is_not_found(client):
    page = client.get(reverse("pages:open_data"))
    assert page.status_code == 200
    assert "in preparazione" in page.content.decode()
    assert client.get(reverse("pages:open_data_dump")).status_code == 404


def test_the_dump_holds_the_export_and_the_page_offers_it(client, directory, open_data_dir):
    out = io.StringIO()
    call_command("publish_hsds", stdout=out)
    assert "1 organizations, 1 services" in out.getvalue()

    download = client.get(reverse("pages:open_data_dump"))
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="linkrete-hsds.zip"'
    content = b"".join(download.streaming_content)
    archive = zipfile.ZipFile(io.BytesIO(content))
    names = set(archive.namelist())
    assert {"json/organizations.ndjson", "json/services.ndjson"} <= names
    assert {"tabular/datapackage.json", "profile/compiled/service.json"} <= names
    [service] = archive.read("json/services.ndjson").decode().splitlines()
    assert json.loads(service)["name"] == "Doposcuola del Ponte"

    page = client.get(reverse("pages:open_data")).content.decode()
    assert reverse("pages:open_data_dump") in page
    assert hashlib.sha256(content).hexdigest() in page
    # Nothing of the build is left beside the published files.
    assert sorted(p.name for p in open_data_dir.iterdir()) == [
        "linkrete-hsds.json",
        "linkrete-hsds.zip",
    ]


def test_a_failed_run_leaves_the_last_dump_published(directory, open_data_dir, monkeypatch):
    dump.publish_dump()
    published = dump.dump_path().read_bytes()
    before = dump.manifest()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(dump, "export_directory", broken)
    with pytest.raises(OSError):
        dump.publish_dump()

    assert dump.dump_path().read_bytes() == published
    assert dump.manifest() == before
    assert not list(open_data_dir.glob(".building-*"))
