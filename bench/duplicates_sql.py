"""Time the SQL of ``manage.py find_duplicates`` on the national-scale data, writing nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \\
        .venv/bin/python bench/duplicates_sql.py

Runs the pair-finding queries of ``directory/duplicates.py`` (the same SQL) in a transaction it
rolls back, and prints each step's time and how many pairs it found. Needs the btree_gist
extension, which migration directory 0019 creates.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402

from directory import duplicates  # noqa: E402


def step(cursor, label, sql, params=None):
    started = time.perf_counter()
    cursor.execute(sql, params)
    row = cursor.fetchone() if cursor.description else None
    print(f"{label}: {time.perf_counter() - started:.1f} s{'' if row is None else f', {row}'}")


def main():
    generic = r"\m(" + "|".join(duplicates.GENERIC_WORDS) + r")\M"
    with transaction.atomic(), connection.cursor() as cursor:
        step(
            cursor,
            "settings",
            "SET LOCAL pg_trgm.similarity_threshold = %s",
            [duplicates.NAME_SIMILARITY],
        )
        step(cursor, "names table", duplicates._NAMES_TABLE, [generic])
        step(
            cursor,
            "GiST index",
            "CREATE INDEX ON duplicate_names USING gist (municipality_id, name gist_trgm_ops)",
        )
        step(cursor, "analyze", "ANALYZE duplicate_names")
        step(cursor, "code pairs (count)", f"SELECT count(*) FROM ({duplicates._CODE_PAIRS}) s")
        step(
            cursor,
            "name pairs (count, of which identical)",
            "SELECT count(*), count(*) FILTER (WHERE s.score = 1) "
            f"FROM ({duplicates._NAME_PAIRS}) s",
        )
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
