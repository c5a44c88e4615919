"""The instants the suite is proved under say what they claim (tests/clock.py)."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone

from tests.clock import INSTANTS, PINNED_NOW, ROME, parse_instant


def local(name):
    return parse_instant(name).astimezone(ROME)


def test_the_instants_are_the_awkward_moments_they_are_named_after():
    assert local("tuesday-2140-rome").strftime("%A %H:%M") == "Tuesday 21:40"
    assert parse_instant("tuesday-2140-utc").astimezone(datetime.UTC).strftime("%A %H:%M") == (
        "Tuesday 21:40"
    )
    assert local("sunday-2359").strftime("%A %H:%M") == "Sunday 23:59"
    assert local("new-years-eve-2330").strftime("%d %B %H:%M") == "31 December 23:30"
    assert local("leap-day").date() == datetime.date(2028, 2, 29)


def test_the_nights_the_clocks_change_are_straddled():
    before, after = local("spring-forward-before"), local("spring-forward-after")
    assert (before.utcoffset(), after.utcoffset()) == (
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
    )
    # Aware datetimes of one zone subtract as wall clocks: compare them in UTC.
    utc = datetime.UTC
    assert after.astimezone(utc) - before.astimezone(utc) < datetime.timedelta(hours=1)
    first, repeated = local("fall-back-first-0230"), local("fall-back-repeated-0230")
    assert first.strftime("%H:%M") == repeated.strftime("%H:%M") == "02:30"
    assert repeated.astimezone(utc) - first.astimezone(utc) == datetime.timedelta(hours=1)


def test_an_instant_without_an_offset_is_refused():
    with pytest.raises(ValueError, match="no UTC offset"):
        parse_instant("2026-12-08T21:40:00")
    assert all(parse_instant(value).tzinfo for value in INSTANTS.values())


def test_pinned_now_stops_the_clock(pinned_now):
    assert timezone.now() == pinned_now == PINNED_NOW
    assert timezone.localdate() == datetime.date(2026, 12, 2)


def test_linkrete_test_now_travels_the_run_there():
    value = os.environ.get("LINKRETE_TEST_NOW")
    if not value:
        pytest.skip("LINKRETE_TEST_NOW is not set (the next test sets it)")
    elapsed = timezone.now() - parse_instant(value)
    assert datetime.timedelta(0) <= elapsed < datetime.timedelta(hours=6)


def test_a_run_under_linkrete_test_now_starts_at_that_instant():
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider"]
        + [f"{Path(__file__).relative_to(root)}::test_linkrete_test_now_travels_the_run_there"],
        cwd=root,
        env=os.environ | {"LINKRETE_TEST_NOW": "leap-day"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "1 passed" in result.stdout, result.stdout[-2000:] + result.stderr[-2000:]
