"""Encrypted fields: the database holds no plaintext, keys rotate, production refuses to start
without keys."""

import io
import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from famiglie.models import Note
from tests.factories import NoteFactory

SECRET = "Seduta: il figlio non dorme da settimane."
OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def _raw_text(note) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM famiglie_note WHERE id = %s", [note.pk])
        return cursor.fetchone()[0]


def test_the_column_does_not_hold_the_text(db):
    note = NoteFactory(text=SECRET, visibility="psychologist")
    raw = _raw_text(note)
    assert SECRET not in raw and "figlio" not in raw
    assert Note.objects.get(pk=note.pk).text == SECRET


def test_two_notes_of_the_same_words_differ_in_the_database(db):
    first, second = NoteFactory(text=SECRET), NoteFactory(text=SECRET)
    assert _raw_text(first) != _raw_text(second)


def test_rotation_re_encrypts_so_the_old_key_can_go(db, settings):
    settings.LINKRETE_FIELD_KEYS = [OLD]
    notes = [NoteFactory(text=f"{SECRET} {n}") for n in range(5)]
    before = [_raw_text(note) for note in notes]

    settings.LINKRETE_FIELD_KEYS = [NEW, OLD]
    out = io.StringIO()
    call_command("rotate_field_keys", "--batch-size", "2", stdout=out)
    assert "5 values re-encrypted" in out.getvalue()
    after = [_raw_text(note) for note in notes]
    assert all(a != b for a, b in zip(before, after, strict=True))
    assert all(Fernet(NEW).decrypt(token.encode()) for token in after)

    settings.LINKRETE_FIELD_KEYS = [NEW]
    assert sorted(Note.objects.values_list("text", flat=True)) == sorted(n.text for n in notes)


def test_rotation_twice_changes_nothing_the_second_time(db, settings, capsys):
    settings.LINKRETE_FIELD_KEYS = [OLD]
    note = NoteFactory(text=SECRET)
    settings.LINKRETE_FIELD_KEYS = [NEW, OLD]
    call_command("rotate_field_keys")
    rotated = _raw_text(note)
    call_command("rotate_field_keys")
    assert _raw_text(note) == rotated
    assert (
        capsys.readouterr()
        .out.strip()
        .endswith("0 values re-encrypted with the newest key, 1 read.")
    )


def test_without_the_key_a_note_is_not_read(db, settings):
    settings.LINKRETE_FIELD_KEYS = [OLD]
    note = NoteFactory(text=SECRET)
    settings.LINKRETE_FIELD_KEYS = [NEW]
    with pytest.raises(ImproperlyConfigured) as error:
        Note.objects.get(pk=note.pk)
    assert SECRET not in str(error.value)


def _start(**env):
    environment = {
        key: value for key, value in os.environ.items() if key not in ("FIELD_KEYS", "DEBUG")
    }
    environment.update(SECRET_KEY="x" * 50, DJANGO_SETTINGS_MODULE="linkrete.settings", **env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_keys():
    started = _start(DEBUG="0")
    assert started.returncode != 0
    assert "FIELD_KEYS is not set" in started.stderr


def test_production_refuses_a_key_that_is_not_one():
    started = _start(DEBUG="0", FIELD_KEYS="not-a-key")
    assert started.returncode != 0
    assert "key number 1 is not a Fernet key" in started.stderr


def test_production_starts_with_keys_and_development_without():
    assert _start(DEBUG="0", FIELD_KEYS=f"{NEW},{OLD}").returncode == 0
    assert _start(DEBUG="1").returncode == 0
