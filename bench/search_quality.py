"""How well /cerca/ answers what families type: zero-result rate, precision at 3, recall at 10.

    DATABASE_URL=postgres://postgres@127.0.0.1:54330/<demo database> \\
        .venv/bin/python bench/search_quality.py [--lang it] [--failures 40] [--json]

The judged set is ``bench/search_quality.json``: queries typed the way people type (lower case,
no accents, typos, whole sentences with filler words, English), each with the kinds of demo
activities that should come first (``directory/demo/activities.py``; a demo activity's slug is
``<kind>-<organization>``), or a language (any activity offered in it is right), or nothing
(the data holds nothing for it). A query's ``page`` is the interface language of the page it
is asked on (``/en/cerca/``…; the Italian by default): there the listings' translations into
that language are searched too (``directory.search.languages``). Each interface language has
queries on the demo's translated activities (``directory/demo/translations.py``).

Each query is asked of the page itself through Django's test client (``bench.settings``, page
cache off), and its results read from the HTML (``data-activity``, ``data-total``,
``data-forgiving``). Two ways of judging:

- ``--by kind`` (the default when the demo's activities are there, ``manage.py seed_demo``):
  a result is right when its kind is expected. Precision at 3: right results among the first
  three shown (among those shown when fewer); recall at 10: right results among the first ten,
  over the right activities the search can show now (not ended: upcoming ones are found), at
  most ten. A query whose expected activities the search cannot show (all ended) is reported
  apart, as "nothing visible now", and left out of precision and recall;
- ``--by category`` (on data without the demo's kinds, such as the national-scale database):
  a result is right when it has a category of the expected kinds (or the language asked for);
  no recall (the right activities are not known), zero-result rate and precision at 3 only.

Reports each measure per language and overall, and lists the failures (precision at 3 below 1,
or no results where something is visible). Read-only: safe on the national-scale database.
"""

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ["PAGE_CACHE"] = "0"  # each query answered by the search, not by a stored page

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from directory.demo.activities import KINDS  # noqa: E402
from directory.models import Activity  # noqa: E402

JUDGED = ROOT / "bench" / "search_quality.json"
LANGUAGES = ("it", "en", "es", "fr", "ro", "ar", "uk", "sq", "zh-hans")
RESULT = re.compile(r'data-activity="([^"]+)"')
TOTAL = re.compile(r'data-total="(\d+)"')


@dataclass
class Judged:
    q: str
    lang: str
    expect: list = field(default_factory=list)
    language: str | None = None
    page: str = "it"  # the interface language of the page the query is asked on


@dataclass
class Outcome:
    query: Judged
    results: list  # slugs, in order (the first page)
    total: int
    forgiven: bool
    right: list  # True/False for each result
    visible: int | None  # right activities the search can show now (by kind), None: unknown
    precision: float | None = None
    recall: float | None = None


def kind_of(slug: str) -> str | None:
    """The demo kind of an activity: the longest kind its slug starts with."""
    found = [k for k in KINDS if slug.startswith(k + "-")]
    return max(found, key=len) if found else None


class Judge:
    """What is right for a query, from the activities the search can show now."""

    def __init__(self, by: str):
        self.by = by
        self.kinds = {}  # {slug: kind} of every activity the search can show now (by kind)
        if by == "kind":
            slugs = Activity.objects.public().not_ended().values_list("slug", flat=True)
            self.kinds = {slug: kind_of(slug) for slug in slugs}
        self.categories: dict[str, set] = {}
        self.languages: dict[str, set] = {}

    def _facts(self, slugs):
        """Categories and languages of these activities (one query each, for those not seen)."""
        missing = [s for s in slugs if s not in self.categories]
        if not missing:
            return
        for slug in missing:
            self.categories[slug], self.languages[slug] = set(), set()
        through = Activity.categories.through.objects.filter(activity__slug__in=missing)
        for slug, category in through.values_list("activity__slug", "category__slug"):
            self.categories[slug].add(category)
        through = Activity.languages.through.objects.filter(activity__slug__in=missing)
        for slug, code in through.values_list("activity__slug", "language__code"):
            self.languages[slug].add(code)

    def right(self, query: Judged, slugs: list) -> list:
        if self.by == "category" or query.language:
            self._facts(slugs)
        if query.language:
            return [query.language in self.languages[s] for s in slugs]
        if self.by == "kind":
            return [self.kinds.get(s) in query.expect for s in slugs]
        wanted = {c for kind in query.expect for c in KINDS[kind]["categories"]}
        return [bool(self.categories[s] & wanted) for s in slugs]

    def visible_count(self, query: Judged) -> int | None:
        if self.by != "kind":
            return None
        if query.language:
            return None  # every activity in it is right: many
        return sum(1 for kind in self.kinds.values() if kind in query.expect)


def ask(client, judge, query: Judged) -> Outcome:
    prefix = "" if query.page == "it" else f"/{query.page}"
    response = client.get(f"{prefix}/cerca/?" + urlencode({"q": query.q}))
    if response.status_code != 200:
        raise SystemExit(f"{query.q!r} answered {response.status_code}")
    html = response.content.decode()
    slugs = RESULT.findall(html)
    total = int(TOTAL.search(html).group(1))
    outcome = Outcome(
        query,
        slugs,
        total,
        "data-forgiving" in html,
        judge.right(query, slugs),
        judge.visible_count(query),
    )
    judged = query.language or (query.expect and outcome.visible != 0)
    if judged:
        first = outcome.right[:3]
        outcome.precision = sum(first) / len(first) if first else 0.0
        if outcome.visible:
            outcome.recall = sum(outcome.right[:10]) / min(10, outcome.visible)
    return outcome


def mean(values):
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 3) if values else None


def summary(outcomes):
    judged = [o for o in outcomes if o.precision is not None]
    somewhere = [o for o in outcomes if o.query.expect or o.query.language]
    return {
        "queries": len(outcomes),
        "zero_results": round(sum(o.total == 0 for o in outcomes) / len(outcomes), 3),
        "zero_where_data": sum(o.total == 0 for o in judged),
        "nothing_visible_now": sum(1 for o in somewhere if o.precision is None),
        "nothing_in_data": sum(1 for o in outcomes if not (o.query.expect or o.query.language)),
        "forgiven": sum(o.forgiven for o in outcomes),
        "precision_at_3": mean(o.precision for o in judged),
        "recall_at_10": mean(o.recall for o in judged),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=JUDGED, help="the judged queries (JSON)")
    parser.add_argument("--by", choices=("kind", "category"), help="how results are judged")
    parser.add_argument("--lang", choices=LANGUAGES, help="only the queries in this language")
    parser.add_argument("--failures", type=int, default=60, help="how many failures to list")
    parser.add_argument("--json", action="store_true", help="write the outcomes to bench/results/")
    args = parser.parse_args()

    queries = [Judged(**item) for item in json.loads(args.set.read_text())["queries"]]
    if args.lang:
        queries = [q for q in queries if q.lang == args.lang]
    by = args.by or (
        "kind"
        if Activity.objects.filter(slug__startswith="doposcuola-primaria-").exists()
        else "category"
    )
    judge = Judge(by)
    client = Client()
    outcomes = [ask(client, judge, query) for query in queries]

    print(f"{len(queries)} queries, judged by {by}")
    table = {"overall": summary(outcomes)}
    for lang in LANGUAGES:
        chosen = [o for o in outcomes if o.query.lang == lang]
        if chosen:
            table[lang] = summary(chosen)
    columns = list(table["overall"])
    print("".ljust(8) + " ".join(c.rjust(len(c)) for c in columns))
    for name, row in table.items():
        print(name.ljust(8) + " ".join(str(row[c]).rjust(len(c)) for c in columns))

    failures = [
        o
        for o in outcomes
        if (o.precision is not None and o.precision < 1)
        or (o.total == 0 and o.precision is not None)
    ]
    print(f"\n{len(failures)} failures (precision at 3 below 1, or nothing found):")
    for o in failures[: args.failures]:
        shown = ", ".join(
            f"{kind_of(s) or s}{'' if ok else ' ✗'}"
            for s, ok in zip(o.results[:3], o.right[:3], strict=True)
        )
        mark = " [some words]" if o.forgiven else ""
        print(f"  [{o.query.lang}] {o.query.q!r}: P@3 {o.precision:.2f}{mark} → {shown or '—'}")
    apart = [o for o in outcomes if (o.query.expect or o.query.language) and o.precision is None]
    if apart:
        print("\nnothing visible now (not judged): " + "; ".join(repr(o.query.q) for o in apart))

    if args.json:
        output = ROOT / "bench" / "results"
        output.mkdir(exist_ok=True)
        path = output / f"search-quality-{by}.json"
        rows = [
            {
                "q": o.query.q,
                "lang": o.query.lang,
                "total": o.total,
                "forgiven": o.forgiven,
                "precision_at_3": o.precision,
                "recall_at_10": o.recall,
                "first": o.results[:3],
            }
            for o in outcomes
        ]
        path.write_text(json.dumps({"summary": table, "outcomes": rows}, indent=1))
        print(f"written {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
