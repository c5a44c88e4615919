"""What site_bench.py and staff_bench.py share: timing a page through the test client, the
summary per kind of page, the JSON file and the Markdown table.

Django must be set up (``bench.settings``) before this module is imported.
"""

import json
import math
import resource
import statistics
import time
from datetime import datetime
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_MS = 300


def timed_get(client, url):
    """One GET: milliseconds, the process's CPU milliseconds (Python, not the database's nor
    the other processes' of a shared machine), status, queries, SQL milliseconds, bytes,
    resident set growth."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        cpu_started = time.process_time()
        response = client.get(url)
        cpu = (time.process_time() - cpu_started) * 1000
        elapsed = (time.perf_counter() - started) * 1000
    content = b"".join(response) if response.streaming else response.content
    return {
        "ms": elapsed,
        "cpu_ms": cpu,
        "status": response.status_code,
        "queries": len(queries.captured_queries),
        "sql_ms": sum(float(q["time"]) for q in queries.captured_queries) * 1000,
        "bytes": len(content),
        "peak_rss_growth_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024,
    }


def measure(client, kind, label, url, repeat, once_over_ms, prepare=None):
    """A warm-up GET, then ``repeat`` timed ones; a page slower than ``once_over_ms`` on the
    warm-up and on a second request is measured by that second one (``"once": True``).
    ``prepare(client)`` runs before each GET (a booking begun, a list kept), untimed."""
    if prepare:
        prepare(client)
    first = timed_get(client, url)
    runs = [first]
    if first["ms"] > once_over_ms and first["status"] < 400:
        # A cold cache (the home page's figures, the sitemap) is filled by the first request.
        if prepare:
            prepare(client)
        runs = [timed_get(client, url)]
    if runs[-1]["ms"] <= once_over_ms and first["status"] < 400:
        runs = []
        for _ in range(repeat):
            if prepare:
                prepare(client)
            runs.append(timed_get(client, url))
    times = sorted(r["ms"] for r in runs)
    result = {
        "kind": kind,
        "label": label,
        "url": url,
        "status": runs[-1]["status"],
        "once": len(runs) == 1 and repeat > 1,
        "first_ms": first["ms"],
        "p50": statistics.median(times),
        "p95": percentile(times, 95),
        "max": times[-1],
        "queries": max(r["queries"] for r in runs),
        "sql_ms": statistics.median(r["sql_ms"] for r in runs),
        "cpu_ms": statistics.median(r["cpu_ms"] for r in runs),
        "bytes": runs[-1]["bytes"],
        "peak_rss_growth_mb": max(r["peak_rss_growth_mb"] for r in runs),
    }
    print(
        f"{result['p50']:8.1f} {result['p95']:8.1f} ms {result['cpu_ms']:6.1f} cpu "
        f"{result['sql_ms']:6.1f} sql {result['queries']:4d} q "
        f"{result['bytes'] / 1024:7.1f} KB {result['status']} {kind}: {label} {url}",
        flush=True,
    )
    return result


def percentile(sorted_values, pct):
    """Nearest rank."""
    rank = max(1, math.ceil(pct / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def flags(result, same_kind):
    """Why a page deserves a look: over the target, an error, or more queries than another
    object of the same kind (a count that grows with the data)."""
    notes = []
    if result["p95"] > TARGET_MS:
        notes.append(f"p95 > {TARGET_MS} ms")
    if result["status"] >= 400:
        notes.append(f"HTTP {result['status']}")
    if result["once"]:
        notes.append("measured once")
    fewest = min(r["queries"] for r in same_kind)
    if result["queries"] > fewest:
        notes.append(f"queries grow ({fewest} → {result['queries']})")
    if result["peak_rss_growth_mb"] > 50:
        notes.append(f"+{result['peak_rss_growth_mb']:.0f} MB peak memory")
    return ", ".join(notes)


def table(results):
    """Markdown, one row per page measured, in the order measured."""
    lines = [
        "| kind | page | p50 | p95 | max | CPU ms | queries | SQL ms | HTML KB | flags |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        same_kind = [o for o in results if o["kind"] == r["kind"]]
        lines.append(
            f"| {r['kind']} | {r['label']} | {r['p50']:.0f} | {r['p95']:.0f} | {r['max']:.0f} "
            f"| {r.get('cpu_ms', 0):.0f} | {r['queries']} | {r['sql_ms']:.0f} "
            f"| {r['bytes'] / 1024:.1f} "
            f"| {flags(r, same_kind)} |"
        )
    return "\n".join(lines)


def save(name, results, settings):
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}-{datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps({"settings": settings, "pages": results}, indent=1))
    print(f"\n{table(results)}\n\nwritten {path}")
    return path
