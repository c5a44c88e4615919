"""Request ids (linkrete/request_id.py) and the logs' formats (settings.LOGGING)."""

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from linkrete.request_id import HEADER, RequestIdFilter

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def records():
    """What reaches a handler while requests are served, with the project's filter."""
    caught = []
    handler = logging.Handler(level=logging.DEBUG)
    handler.addFilter(RequestIdFilter())
    handler.emit = caught.append
    root = logging.getLogger()
    root.addHandler(handler)
    yield caught
    root.removeHandler(handler)


def test_each_response_carries_a_new_id():
    client = Client()
    first = client.get("/healthz")[HEADER]
    second = client.get("/healthz")[HEADER]
    assert re.fullmatch(r"[0-9a-f]{32}", first) and first != second


@pytest.mark.parametrize(
    "sent", ["f4a5b6c7-1234-4cde-9abc-0123456789ab", "req.2026-12-03_0001", "a" * 128]
)
def test_the_proxys_id_is_kept(sent):
    assert Client().get("/healthz", HTTP_X_REQUEST_ID=sent)[HEADER] == sent


@pytest.mark.parametrize(
    "sent", ["short", "a" * 129, "two words here", "id\r\nforged: line", "<script>1234</script>"]
)
def test_an_id_that_is_not_one_is_replaced(sent):
    answered = Client().get("/healthz", HTTP_X_REQUEST_ID=sent)[HEADER]
    assert answered != sent and re.fullmatch(r"[0-9a-f]{32}", answered)


@pytest.mark.django_db
def test_every_record_of_the_request_carries_its_id(records):
    response = Client().get("/pagina-che-non-esiste/", HTTP_X_REQUEST_ID="proxy-id-00000001")
    assert response.status_code == 404
    logged = [r for r in records if r.name == "django.request"]
    assert logged and {r.request_id for r in logged} == {"proxy-id-00000001"}
    logging.getLogger("linkrete").warning("outside a request")
    assert records[-1].request_id == "-"


def _log_in_a_process(log_format: str) -> str:
    code = (
        "import django, logging; django.setup();"
        "logging.getLogger('django.request').warning("
        "'Not Found: %s', '/cerca/', extra={'status_code': 404, 'request': object()})"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "linkrete.test_settings",
        "LOG_FORMAT": log_format,
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    }
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return done.stderr.strip()


def test_json_logs_are_one_object_a_line_without_the_request():
    line = _log_in_a_process("json")
    record = json.loads(line)
    assert record["level"] == "WARNING" and record["logger"] == "django.request"
    assert record["message"] == "Not Found: /cerca/"
    assert record["request_id"] == "-" and record["status_code"] == 404
    assert "time" in record and "request" not in record


def test_text_logs_by_default():
    assert _log_in_a_process("text") == "WARNING django.request [-] Not Found: /cerca/"
