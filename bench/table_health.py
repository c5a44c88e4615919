"""How healthy the activity table and its indexes are: dead rows, visibility, HOT updates, sizes.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete_reads \\
        .venv/bin/python bench/table_health.py [--analyze] [--json NAME]

Prints, for ``directory_activity`` (and its search tables): live and dead tuples, updates and how
many were HOT, pages and the fraction all-visible (from ``pg_visibility`` when the extension is
installed, exact; otherwise ``relallvisible``, as of the last VACUUM or ANALYZE: pass
``--analyze`` to refresh it), the table's and each index's size, the last (auto)vacuum and
(auto)analyze, and the table's storage options (autovacuum thresholds, fillfactor). Reads only
catalogues and statistics, except ``--analyze``. ``--json NAME`` also writes
``bench/results/table-health-NAME.json``, to compare a fresh database with one after a bulk
refresh (``bench/bulk_refresh.py``).
"""

import argparse
import json
import os
import sys
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
TABLES = ["directory_activity", "directory_activity_categories", "directory_activity_locations"]


def connect():
    url = os.environ.get("DATABASE_URL")
    if not url:
        sys.exit("Set DATABASE_URL (the bench database, never production's primary).")
    return psycopg.connect(url, autocommit=True)


def table_health(cursor, table: str) -> dict:
    cursor.execute(
        """
        SELECT s.n_live_tup, s.n_dead_tup, s.n_tup_upd, s.n_tup_hot_upd, s.n_mod_since_analyze,
               c.relpages, c.relallvisible, pg_relation_size(c.oid), pg_total_relation_size(c.oid),
               s.last_vacuum, s.last_autovacuum, s.last_analyze, s.last_autoanalyze,
               s.vacuum_count, s.autovacuum_count, coalesce(c.reloptions, '{}')
        FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
        WHERE c.oid = %s::regclass
        """,
        [table],
    )
    row = cursor.fetchone()
    keys = [
        "live_tuples",
        "dead_tuples",
        "updates",
        "hot_updates",
        "changed_since_analyze",
        "pages",
        "relallvisible",
        "table_bytes",
        "total_bytes",
        "last_vacuum",
        "last_autovacuum",
        "last_analyze",
        "last_autoanalyze",
        "vacuum_count",
        "autovacuum_count",
        "options",
    ]
    health = dict(zip(keys, row, strict=True))
    health["all_visible_fraction"] = health["relallvisible"] / max(health["pages"], 1)
    health["visibility_source"] = "relallvisible"
    cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_visibility'")
    if cursor.fetchone():
        cursor.execute(
            "SELECT all_visible, (SELECT count(*) FROM pg_visibility_map(%s::regclass)) "
            "FROM pg_visibility_map_summary(%s::regclass)",
            [table, table],
        )
        all_visible, pages = cursor.fetchone()
        health["all_visible_fraction"] = all_visible / max(pages, 1)
        health["visibility_source"] = "pg_visibility"
    cursor.execute(
        """
        SELECT i.indexrelid::regclass::text, pg_relation_size(i.indexrelid)
        FROM pg_index i WHERE i.indrelid = %s::regclass ORDER BY 2 DESC
        """,
        [table],
    )
    health["indexes"] = dict(cursor.fetchall())
    health["dead_fraction"] = health["dead_tuples"] / max(health["live_tuples"], 1)
    return health


def mb(n: int) -> str:
    return f"{n / 1024 / 1024:,.0f} MB"


def report(table: str, h: dict) -> None:
    print(f"== {table}  options: {', '.join(h['options']) or 'defaults'}")
    print(
        f"  tuples: {h['live_tuples']:,} live, {h['dead_tuples']:,} dead "
        f"({h['dead_fraction']:.1%}); updates {h['updates']:,}, HOT {h['hot_updates']:,}; "
        f"{h['changed_since_analyze']:,} changed since ANALYZE"
    )
    print(
        f"  pages: {h['pages']:,}, all-visible {h['all_visible_fraction']:.1%} "
        f"({h['visibility_source']}); table {mb(h['table_bytes'])}, "
        f"with indexes and TOAST {mb(h['total_bytes'])}"
    )
    print(
        f"  vacuum: last {h['last_vacuum']}, auto {h['last_autovacuum']} "
        f"({h['vacuum_count']} + {h['autovacuum_count']} auto); analyze: last "
        f"{h['last_analyze']}, auto {h['last_autoanalyze']}"
    )
    for name, size in h["indexes"].items():
        print(f"    {name:48} {mb(size):>10}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--analyze", action="store_true", help="ANALYZE the tables first")
    parser.add_argument("--json", metavar="NAME", help="also write bench/results/…-NAME.json")
    args = parser.parse_args()
    with connect() as connection, connection.cursor() as cursor:
        if args.analyze:
            for table in TABLES:
                cursor.execute(f"ANALYZE {table}")
        results = {table: table_health(cursor, table) for table in TABLES}
    for table, health in results.items():
        report(table, health)
    if args.json:
        out = ROOT / "bench" / "results" / f"table-health-{args.json}.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(results, default=str, indent=2))
        print(f"written {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
