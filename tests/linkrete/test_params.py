"""Strict reading of values views take outside forms (linkrete/params.py)."""

import pytest

from linkrete import params


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12", 12),
        ("0", 0),
        ("", None),
        (None, None),
        ("abc", None),
        ("-1", None),
        ("+1", None),
        (" 1", None),
        ("1.5", None),
        ("²", None),  # str.isdigit() says yes, int() says no
        ("٣", None),  # an Arabic-Indic three: int() reads it, but no browser form sends it
        ("a\x00b", None),
        ("\x00", None),
        ("99999999999999999999", None),
        ("9" * 5000, None),
    ],
)
def test_positive_int_reads_only_plain_ascii_digits(value, expected):
    assert params.positive_int(value) == expected


def test_positive_int_bounds():
    assert params.positive_int("5", minimum=1, maximum=5) == 5
    assert params.positive_int("0", minimum=1) is None
    assert params.positive_int("6", maximum=5) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026", 2026), ("2000", 2000), ("2100", 2100), ("1999", None), ("2101", None), ("²", None)],
)
def test_year(value, expected):
    assert params.year(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("oratorio-san-luigi", "oratorio-san-luigi"),
        ("", None),
        (None, None),
        ("a\x00b", None),
        ("con spazio", None),
        ("x" * 201, None),
        ("àccento", None),
    ],
)
def test_slug(value, expected):
    assert params.slug(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  doposcuola ", "doposcuola"),
        ("x" * 101, "x" * 100),
        ("", ""),
        (None, None),
        ("a\x00b", None),
    ],
)
def test_text(value, expected):
    assert params.text(value, max_length=100) == expected
