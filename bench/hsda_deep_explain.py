"""``EXPLAIN (ANALYZE, BUFFERS)`` of the HSDA lists' deep pages and of their kept keys
(``directory.hsds.api.paging.Boundaries``), the statements the views send:

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete PYTHONPATH=. \\
        .venv/bin/python bench/hsda_deep_explain.py [keys] [pages]

``keys``: the statements that read the kept keys (and the pairs' count as it was before);
``pages``: services pages 1000 and 10000, pairs pages 50, 500 and 10000.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from directory.hsds.api import lists, paging  # noqa: E402
from directory.hsds.api.params import ServiceFilters  # noqa: E402

PER_PAGE = 50
RELATED = ("activity__organization", "location__organization", "location__municipality")


def explain(label, sql, params):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        print("=====", label)
        print("\n".join(row[0] for row in cursor.fetchall()), flush=True)


def keys_statement(keys):
    sql, params = keys.order_by("pk").values("pk").query.sql_with_params()
    statement = (
        "SELECT count(*), array_agg(pk ORDER BY pk) FILTER (WHERE rank %% %s = 0) "
        "FROM (SELECT listed.pk, row_number() OVER (ORDER BY listed.pk) - 1 AS rank "
        f"FROM ({sql}) AS listed (pk)) AS ranked"
    )
    return statement, (paging.EVERY, *params)


def main(which):
    services = lists.services(ServiceFilters.none())
    pairs = lists.services_at_locations(ServiceFilters.none()).select_related(*RELATED)
    if "keys" in which:
        explain("the services' kept keys", *keys_statement(services))
        explain("the pairs' kept keys (listed_pairs)", *keys_statement(lists.listed_pairs()))
        sql, params = lists.public_pairs().values("pk").query.sql_with_params()
        explain("the pairs' count (public_pairs)", f"SELECT count(*) FROM ({sql}) s", params)
    if "pages" in which:
        kept_services = paging.boundaries(services, services)
        kept_pairs = paging.boundaries(lists.listed_pairs(), pairs)
        for label, rows, kept, by_keys, pages in (
            ("services", services, kept_services, True, (1000, 10000)),
            ("pairs", pairs, kept_pairs, False, (50, 500, 10000)),
        ):
            for page in pages:
                page_rows = paging.page_rows(rows, (page - 1) * PER_PAGE, PER_PAGE, by_keys, kept)
                explain(f"{label} page {page}", *page_rows.query.sql_with_params())


if __name__ == "__main__":
    main(sys.argv[1:] or ["keys", "pages"])
