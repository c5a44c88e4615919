"""10,000 activities imported from a spreadsheet, through the code the admin's "Import" runs.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete_staff \\
        .venv/bin/python bench/import_activities.py [--rows 10000] [--organizations 100]

Writes an XLSX workbook of ``--rows`` activities of ``--organizations`` organizations of the
database (a place of each by name, categories, languages, weekly hours), with three bad rows
(hours, a category, a tax code), and times, with its SQL queries, what django-import-export
does with it (``ActivityResource``, as the admin calls it):

1. the check (the admin's preview: a dry run, rolled back), which must report the three rows;
2. the import of the same file, which must import nothing (one bad row, nothing half-done);
3. the import without the bad rows, then its undo (``undo_import``), which deletes them all.

Writes to the database and takes it back (the undo): run it on a copy (``linkrete_staff``,
once migrated to this code) or on a database of your own (``--setup`` makes the organizations
there), never on the database others measure on.
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

import openpyxl  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import translation  # noqa: E402
from import_export.formats.base_formats import XLSX  # noqa: E402

from directory.models import Activity, Category, ImportBatch, Location  # noqa: E402
from directory.onboarding.activities import ActivityResource  # noqa: E402
from directory.onboarding.services import undo_import  # noqa: E402

HEADINGS = [
    "organization_tax_code",
    "title",
    "summary",
    "description",
    "categories",
    "languages",
    "min_age",
    "max_age",
    "place",
    "hours",
]
HOURS = ["lun 15:00-18:00; mer 15:00-18:00", "mar-ven 9-12, 14:30-17", "sab 9:30-12"]


def organizations(count: int) -> list[tuple[str, str]]:
    """(tax code, a place's name) of ``count`` organizations with both, one place name each."""
    found = []
    places = (
        Location.objects.filter(organization__tax_code__regex=r"^[0-9]{11}$")
        .order_by("organization_id", "pk")
        .distinct("organization_id")
        .values_list("organization__tax_code", "name")
    )
    seen = set()
    for tax_code, name in places[: count * 2].iterator():
        if tax_code not in seen:
            seen.add(tax_code)
            found.append((tax_code, name))
        if len(found) == count:
            break
    return found


def make_organizations(count: int) -> None:
    """``--setup``: organizations with a tax code and a place, for an empty database."""
    from localflavor.it.util import vat_number_check_digit

    from directory.models import Municipality, Organization

    town, _ = Municipality.objects.get_or_create(
        istat_code="040012",
        defaults={"name": "Forlì", "province": "Forlì-Cesena", "province_code": "FC"},
    )
    for n in range(1, count + 1):
        first = f"8{n:09d}"
        organization, _ = Organization.objects.get_or_create(
            tax_code=first + vat_number_check_digit(first),
            defaults={"name": f"Ente di prova {n}", "slug": f"ente-di-prova-{n}"},
        )
        Location.objects.get_or_create(
            organization=organization,
            name="Sede",
            defaults={"address": f"Via Roma {n}", "municipality": town},
        )


def workbook(rows: int, bodies, bad: dict[int, str]) -> bytes:
    slugs = list(Category.objects.filter(parent__isnull=False).values_list("slug", flat=True)[:40])
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Attività")
    sheet.append(HEADINGS)
    for n in range(1, rows + 1):
        tax_code, place = bodies[n % len(bodies)]
        cells = {
            "organization_tax_code": tax_code,
            "title": f"Attività importata {n}",
            "summary": "Un'attività di prova dell'importazione.",
            "description": "Un'attività scritta in un foglio di calcolo e importata.",
            "categories": f"{slugs[n % len(slugs)]}; {slugs[(n * 7) % len(slugs)]}",
            "languages": "it; ar" if n % 3 else "it",
            "min_age": 6 + n % 5,
            "max_age": 14 + n % 5,
            "place": place,
            "hours": HOURS[n % len(HOURS)],
        }
        if bad.get(n) == "hours":
            cells["hours"] = "lunedì pomeriggio"
        if bad.get(n) == "categories":
            cells["categories"] = "astrologia"
        if bad.get(n) == "organization_tax_code":
            cells["organization_tax_code"] = "00000000000"
        sheet.append([cells[h] for h in HEADINGS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def run(content: bytes, *, dry_run: bool):
    dataset = XLSX().create_dataset(content)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(1)
        return execute(sql, params, many, context)

    started = time.perf_counter()
    with connection.execute_wrapper(count):
        result = ActivityResource().import_data(
            dataset, dry_run=dry_run, use_transactions=True, file_name="bench-attivita.xlsx"
        )
    return result, time.perf_counter() - started, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--organizations", type=int, default=100)
    parser.add_argument(
        "--setup",
        action="store_true",
        help="first make the organizations (and a place each) on an empty database",
    )
    args = parser.parse_args()
    translation.activate("it")
    if args.setup:
        make_organizations(args.organizations)
    bodies = organizations(args.organizations)
    bad = {
        args.rows // 4: "hours",
        args.rows // 2: "categories",
        args.rows - 1: "organization_tax_code",
    }
    before = Activity.objects.count()
    with_bad = workbook(args.rows, bodies, bad)
    print(f"{args.rows} rows of {len(bodies)} organizations, {len(with_bad) // 1024} KB of XLSX")

    result, took, queries = run(with_bad, dry_run=True)
    invalid = {row.number: sorted(row.error_dict) for row in result.invalid_rows}
    print(f"check (preview, dry run): {took:.1f} s, {queries} queries; rows refused: {invalid}")
    assert sorted(invalid) == sorted(bad), invalid

    result, took, queries = run(with_bad, dry_run=False)
    assert result.has_validation_errors()
    assert Activity.objects.count() == before, "half-imported!"
    print(f"import with the bad rows: {took:.1f} s, {queries} queries; nothing imported")

    good = workbook(args.rows, bodies, {})
    result, took, queries = run(good, dry_run=False)
    batch = ImportBatch.objects.order_by("-pk").first()
    created = Activity.objects.count() - before
    print(
        f"import of {args.rows} good rows: {took:.1f} s, {queries} queries "
        f"({queries / args.rows:.1f} a row); created {created}, batch {batch.pk} {batch.status}"
    )
    assert created == args.rows

    started = time.perf_counter()
    undone = undo_import(batch=batch)
    print(f"undo: {time.perf_counter() - started:.1f} s, {undone} records")
    assert Activity.objects.count() == before


if __name__ == "__main__":
    main()
