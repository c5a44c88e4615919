"""Requests per second of every kind of public page through gunicorn, against a bare Django view.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \\
        .venv/bin/python bench/throughput.py [--tree PATH] [--label main] [--duration 10]
        [--only home calls ...]

Starts gunicorn (``bench.settings``: DEBUG off, ``bench.urls``: the site plus a bare view
through the same middleware) with ``--workers`` sync workers (2 x cores: the classic advice for
sync workers, half of them waiting on PostgreSQL at any time) from the code of ``--tree`` (this
checkout by default; another worktree to compare, e.g. main's), then drives it with ``wrk``
(Debian package ``wrk``), 8 connections, for ``--duration`` seconds per scenario. The
scenarios (``SCENARIOS``; the objects are ``bench/site_bench.py``'s, big and small):

- ``bare``: the bare view;
- ``home``; ``detail``: the 20 detail pages of ``search_bench.py``'s mix (15 activities, 5
  organizations), rotating; ``results``: its 246 results pages (category, zone and
  municipality pages among them), rotating;
- ``org-big``, ``org-small``: the organization with the most activities, one with one;
- ``calls``, ``call``: the volunteering calls' list and the call with most applications;
- ``desks``, ``desk``: the desks' list and the busiest desk;
- ``booking-channel``: the first booking step of the busiest desk (no session needed);
- ``slot-busy``, ``slot-quiet``: the slot step of the busiest and of the quietest desk. A GET
  of that step without a session redirects to the first step, so the script walks the first
  step once before the run (a POST of the channel, through the test client and the real
  view) and every request of the run sends that session's cookie: all 8 connections read one
  session (what a family reloading the page costs; not 8 families each choosing);
- ``my-list``: my list holding 50 activities, from a session prepared the same way;
- ``sitemap-index``, ``sitemap-section``: ``/sitemap.xml`` and the first activities' file,
  which Django's ``cache_page`` keeps an hour in every phase (the page cache does not apply):
  these rows measure that cache; a file's first, uncached render is ``site_bench.py``'s
  ``first_ms``;
- ``static``: the five static pages, rotating; ``place``: the place search (one match, a
  choice of names) and its suggestions, rotating.

Each scenario without a session runs with the page cache off (``PAGE_CACHE=0``: the views
themselves), then on, cold (the page cache emptied just before) and warm (after one request of
every URL of the scenario, right after the cold run). Scenarios with a session run once, with
the page cache off: the page cache never serves a request carrying a session.

The shared database stays read-only: sessions are kept in the run's file cache
(``BENCH_SESSIONS=cache``, read by ``bench/settings.py``: a session read is a file read
instead of a query), and the home page's figures are computed by this script before the run
into that cache, with a recompute marked as waiting so that no visit enqueues one (a task row).

Requests ask for gzip, as browsers do. Prints requests/s, the ratio to the bare view's, p50/p99
latency, errors (connection errors and answers of 400 or more), the share of answers other
than 200 (the place search's one match redirects; a session the served code cannot read
would redirect every slot step) and the share of cache hits (the ``X-Page-Cache`` header,
counted by the wrk script); writes JSON to ``bench/results/``.
With the defaults (10 s a row, 44 rows) a run takes about ten minutes.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
# Visitors' sessions in the run's cache, not in the shared database (bench/settings.py).
os.environ["BENCH_SESSIONS"] = "cache"
os.environ.setdefault("CACHE_LOCATION", "/tmp/linkrete-throughput-cache")

CONNECTIONS = 8

WRK_SCRIPT = """
local urls = {%(urls)s}
local cookie = %(cookie)s
local counter = 0
local threads = {}
hits = 0
seen = 0
other = 0

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  counter = math.random(#urls)
  wrk.headers["Accept-Encoding"] = "gzip"
  if cookie ~= "" then wrk.headers["Cookie"] = cookie end
end

request = function()
  counter = counter %% #urls + 1
  return wrk.format("GET", urls[counter])
end

response = function(status, headers, body)
  seen = seen + 1
  if headers["X-Page-Cache"] == "hit" then hits = hits + 1 end
  if status ~= 200 then other = other + 1 end
end

done = function(summary, latency, requests)
  local total_hits, total_seen, total_other = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_hits = total_hits + thread:get("hits")
    total_seen = total_seen + thread:get("seen")
    total_other = total_other + thread:get("other")
  end
  local errors = summary.errors
  io.write(string.format(
    "RESULT {\\"requests\\": %%d, \\"seconds\\": %%f, \\"p50_ms\\": %%f, \\"p99_ms\\": %%f, " ..
    "\\"errors\\": %%d, \\"non2xx\\": %%d, \\"hits\\": %%d, \\"seen\\": %%d, " ..
    "\\"not200\\": %%d}\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors.connect + errors.read + errors.write + errors.timeout,
    errors.status, total_hits, total_seen, total_other))
end
"""


class Scenario:
    """URLs requested in turn, and the cookie every request sends (a session), if any."""

    def __init__(self, name, urls, cookie=""):
        self.name, self.urls, self.cookie = name, urls, cookie

    @property
    def with_session(self):
        return bool(self.cookie)


# Every kind of public page bench/site_bench.py times, as a scenario.
SCENARIOS = [
    "bare",
    "home",
    "detail",
    "results",
    "org-big",
    "org-small",
    "calls",
    "call",
    "desks",
    "desk",
    "booking-channel",
    "slot-busy",
    "slot-quiet",
    "my-list",
    "sitemap-index",
    "sitemap-section",
    "static",
    "place",
]


def build_scenarios(names):
    """The scenarios asked for, with their URLs (and sessions) from the database's objects."""
    from django.conf import settings
    from django.urls import reverse

    from bench.search_bench import build_mix
    from bench.site_bench import objects

    o = objects()
    mix = build_mix(7)
    busy, quiet = o["busy_desk"], o["quiet_desk"]
    place = reverse("directory:place_search")
    urls = {
        "bare": lambda: ["/bench/bare/"],
        "home": lambda: ["/"],
        "detail": lambda: [u for c, u in mix if c == "detail"],
        "results": lambda: [u for c, u in mix if c != "detail"],
        "org-big": lambda: [o["big_org"].get_absolute_url()],
        "org-small": lambda: [o["small_org"].get_absolute_url()],
        "calls": lambda: [reverse("directory:call_list")],
        "call": lambda: [o["big_call"].get_absolute_url()],
        "desks": lambda: [reverse("sportelli:desk_list")],
        "desk": lambda: [busy.get_absolute_url()],
        "booking-channel": lambda: [_booking_url("channel", busy)],
        "slot-busy": lambda: [_booking_url("slot", busy)],
        "slot-quiet": lambda: [_booking_url("slot", quiet)],
        "my-list": lambda: [reverse("directory:my_list")],
        "sitemap-index": lambda: ["/sitemap.xml"],
        "sitemap-section": lambda: ["/sitemap-activities.xml"],
        "static": lambda: [
            reverse(f"pages:{name}")
            for name in ("accessibility", "privacy", "legal", "contacts", "site_map")
        ],
        "place": lambda: [
            f"{place}?dove={o['city'].name}",
            f"{place}?dove=san",
            reverse("directory:place_suggestions") + "?dove=mil",
        ],
    }
    sessions = {
        "slot-busy": lambda: _booking_session(busy),
        "slot-quiet": lambda: _booking_session(quiet),
        "my-list": lambda: _list_session([pk for pk, _slug in o["list"][:50]]),
    }
    out = []
    for name in names:
        cookie = ""
        if name in sessions:
            cookie = f"{settings.SESSION_COOKIE_NAME}={sessions[name]()}"
        out.append(Scenario(name, urls[name](), cookie))
    return out


def _booking_url(step, desk):
    from django.urls import reverse

    return reverse(f"sportelli:booking_{step}", kwargs={"slug": desk.slug})


def _booking_session(desk):
    """The key of a session that chose how to meet ``desk`` (the first step, through the view)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    response = client.post(_booking_url("channel", desk), {"channel": desk.channels[0].value})
    assert response.status_code == 302, response.status_code
    assert client.get(_booking_url("slot", desk)).status_code == 200
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _list_session(activity_ids):
    from django.contrib.sessions.backends.cache import SessionStore

    from directory import my_list

    session = SessionStore()
    session[my_list.SESSION_KEY] = activity_ids
    session.save()
    return session.session_key


def store_home_figures():
    """The home page's figures in the run's cache, computed here (reads only), and a recompute
    marked as waiting for the whole run: a visit never enqueues one (a row in the shared
    database)."""
    from django.core.cache import cache

    from directory import home

    home.store_figures()
    cache.set(home.PENDING_KEY, True, None)


def start_gunicorn(tree, port, workers, env):
    command = [
        str(ROOT / ".venv/bin/gunicorn"),
        "linkrete.wsgi",
        "--chdir",
        str(tree),
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        "60",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, env=env, cwd=tree)
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/bare/", timeout=2)
            return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def run_wrk(port, scenario, duration, workdir):
    script = Path(workdir) / "mix.lua"
    script.write_text(
        WRK_SCRIPT
        % {
            "urls": ", ".join(json.dumps(u) for u in scenario.urls),
            "cookie": json.dumps(scenario.cookie),
        }
    )
    output = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(CONNECTIONS),
            "--duration",
            f"{duration}s",
            "--timeout",
            "10s",
            "--script",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    result = json.loads(line[len("RESULT ") :])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def warm_up(port, urls, workers):
    """Every URL once, so that "warm" means every page of the scenario is in the cache."""

    def fetch(url):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{url}", headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(fetch, urls))


def phases(scenario, cache_on):
    if scenario.name == "bare" or scenario.with_session:
        return [] if cache_on else ["-"]
    return ["cold", "warm"] if cache_on else ["-"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", default=str(ROOT), help="the checkout whose code is served")
    parser.add_argument("--label", default="this branch")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--duration", type=int, default=10, help="seconds per scenario")
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--only", nargs="*", choices=SCENARIOS, help="default: all")
    parser.add_argument(
        "--page-cache",
        choices=["both", "off"],
        default="both",
        help="off: only the views (for a tree without the page cache, e.g. main before it)",
    )
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="linkrete-throughput-")
    pages_dir = Path(workdir) / "pages"
    # Before Django is set up here: the figures' signal renews the run's page cache.
    os.environ["PAGE_CACHE_LOCATION"] = str(pages_dir)
    import django

    django.setup()
    names = args.only or SCENARIOS
    scenarios = build_scenarios(["bare", *[n for n in names if n != "bare"]])
    store_home_figures()
    base_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": args.tree}
    load = os.getloadavg()
    rows = []
    try:
        for cache_on in (False, True) if args.page_cache == "both" else (False,):
            env = {**base_env, "PAGE_CACHE": "1" if cache_on else "0"}
            server = start_gunicorn(args.tree, args.port, args.workers, env)
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{args.port}/", timeout=120)
                for scenario in scenarios:
                    for phase in phases(scenario, cache_on):
                        if phase == "cold":
                            shutil.rmtree(pages_dir, ignore_errors=True)
                        if phase == "warm":
                            warm_up(args.port, scenario.urls, args.workers)
                        result = run_wrk(args.port, scenario, args.duration, workdir)
                        cache = "-" if scenario.name == "bare" else ("on" if cache_on else "off")
                        result.update(
                            scenario=scenario.name,
                            urls=len(scenario.urls),
                            session=scenario.with_session,
                            cache=cache,
                            phase=phase,
                        )
                        rows.append(result)
                        print(
                            f"{scenario.name:16} cache {cache:3} {phase:4} "
                            f"{result['rps']:8.1f} req/s  p50 {result['p50_ms']:7.1f} ms  "
                            f"p99 {result['p99_ms']:7.1f} ms  "
                            f"errors {result['errors'] + result['non2xx']}  "
                            f"not 200 {result['not200']}  "
                            f"hits {result['hits']}/{result['seen']}",
                            flush=True,
                        )
            finally:
                server.send_signal(signal.SIGTERM)
                server.wait(timeout=60)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    load_after = os.getloadavg()

    bare = next((r["rps"] for r in rows if r["scenario"] == "bare"), None)
    print(
        f"\n{args.label}, {args.workers} workers, {CONNECTIONS} connections, {args.duration} s; "
        f"load average (1, 5, 15 min) {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} before, "
        f"{load_after[0]:.1f} {load_after[1]:.1f} {load_after[2]:.1f} after"
    )
    print(
        "| page | URLs | page cache | req/s | of bare | p50 ms | p99 ms | hits | not 200 | errors |"
    )
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        ratio = f"{100 * r['rps'] / bare:.1f} %" if bare else "-"
        state = r["cache"] if r["phase"] == "-" else f"{r['cache']}, {r['phase']}"
        if r["session"]:
            state += ", session"
        hits = f"{100 * r['hits'] / r['seen']:.0f} %" if r["seen"] else "-"
        not_200 = f"{100 * r['not200'] / r['seen']:.0f} %" if r["seen"] else "-"
        print(
            f"| {r['scenario']} | {r['urls']} | {state} | {r['rps']:.1f} | {ratio} | "
            f"{r['p50_ms']:.1f} | {r['p99_ms']:.1f} | {hits} | {not_200} | "
            f"{r['errors'] + r['non2xx']} |"
        )
    out = ROOT / "bench" / "results" / f"throughput-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        json.dumps(
            {"label": args.label, "tree": args.tree, "load": [load, load_after], "rows": rows},
            indent=1,
        )
    )
    print(f"\n{out}")


if __name__ == "__main__":
    main()
