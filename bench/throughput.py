"""Requests per second of the public pages through gunicorn, against a bare Django view.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \\
        .venv/bin/python bench/throughput.py [--tree PATH] [--label main] [--duration 10]

Starts gunicorn (``bench.settings``: DEBUG off, ``bench.urls``: the site plus a bare view
through the same middleware) with ``--workers`` sync workers (2 x cores: the classic advice for
sync workers, half of them waiting on PostgreSQL at any time) from the code of ``--tree`` (this
checkout by default; another worktree to compare, e.g. main's), then drives it with ``wrk``
(Debian package ``wrk``), 8 connections, for ``--duration`` seconds per scenario:

- ``bare``: the bare view;
- ``home``: ``/``;
- ``detail``: the 20 detail pages of ``search_bench.py``'s mix (15 activities, 5 organizations),
  rotating;
- ``results``: its 246 results pages, rotating.

Each page scenario runs with the page cache off (``PAGE_CACHE=0``: the views themselves), then
on, cold (the page cache emptied just before) and warm (after one request of every URL of the
mix, right after the cold run). Requests ask for gzip, as browsers do. Prints requests/s, the
ratio to the bare view's, p50/p99 latency, errors and the share of cache hits (the
``X-Page-Cache`` header, counted by the wrk script); writes JSON to ``bench/results/``. The
home page's figures are computed once before the runs (a warm-up request): they are cached by
``directory/home.py`` whatever the page cache does.
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

CONNECTIONS = 8

WRK_SCRIPT = """
local urls = {%(urls)s}
local counter = 0
local threads = {}
hits = 0
seen = 0

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  counter = math.random(#urls)
  wrk.headers["Accept-Encoding"] = "gzip"
end

request = function()
  counter = counter %% #urls + 1
  return wrk.format("GET", urls[counter])
end

response = function(status, headers, body)
  seen = seen + 1
  if headers["X-Page-Cache"] == "hit" then hits = hits + 1 end
end

done = function(summary, latency, requests)
  local total_hits, total_seen = 0, 0
  for _, thread in ipairs(threads) do
    total_hits = total_hits + thread:get("hits")
    total_seen = total_seen + thread:get("seen")
  end
  local errors = summary.errors
  io.write(string.format(
    "RESULT {\\"requests\\": %%d, \\"seconds\\": %%f, \\"p50_ms\\": %%f, \\"p99_ms\\": %%f, " ..
    "\\"errors\\": %%d, \\"non2xx\\": %%d, \\"hits\\": %%d, \\"seen\\": %%d}\\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors.connect + errors.read + errors.write + errors.timeout,
    errors.status, total_hits, total_seen))
end
"""


def mixes():
    import django

    django.setup()
    from bench.search_bench import build_mix

    mix = build_mix(7)
    return {
        "bare": ["/bench/bare/"],
        "home": ["/"],
        "detail": [u for c, u in mix if c == "detail"],
        "results": [u for c, u in mix if c != "detail"],
    }


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


def run_wrk(port, urls, duration, workdir):
    script = Path(workdir) / "mix.lua"
    script.write_text(WRK_SCRIPT % {"urls": ", ".join(json.dumps(u) for u in urls)})
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
    """Every URL once, so that "warm" means every page of the mix is in the cache."""

    def fetch(url):
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{url}", headers={"Accept-Encoding": "gzip"}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(fetch, urls))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", default=str(ROOT), help="the checkout whose code is served")
    parser.add_argument("--label", default="this branch")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--duration", type=int, default=10, help="seconds per scenario")
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--only", nargs="*", help="scenarios to run (default: all)")
    parser.add_argument(
        "--page-cache",
        choices=["both", "off"],
        default="both",
        help="off: only the views (for a tree without the page cache, e.g. main before it)",
    )
    args = parser.parse_args()

    urls = mixes()
    scenarios = args.only or list(urls)
    workdir = tempfile.mkdtemp(prefix="linkrete-throughput-")
    pages_dir = Path(workdir) / "pages"
    base_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PAGE_CACHE_LOCATION": str(pages_dir),
        "CACHE_LOCATION": os.environ.get("CACHE_LOCATION", "/tmp/linkrete-throughput-cache"),
        "PYTHONPATH": str(args.tree),
    }
    rows = []
    try:
        for cache_on in (False, True) if args.page_cache == "both" else (False,):
            env = {**base_env, "PAGE_CACHE": "1" if cache_on else "0"}
            server = start_gunicorn(args.tree, args.port, args.workers, env)
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{args.port}/", timeout=120)
                for scenario in scenarios:
                    if scenario == "bare" and cache_on:
                        continue
                    phases = ["cold", "warm"] if cache_on and scenario != "bare" else ["-"]
                    for phase in phases:
                        if phase == "cold":
                            shutil.rmtree(pages_dir, ignore_errors=True)
                        if phase == "warm":
                            warm_up(args.port, urls[scenario], args.workers)
                        result = run_wrk(args.port, urls[scenario], args.duration, workdir)
                        cache = "-" if scenario == "bare" else ("on" if cache_on else "off")
                        result.update(scenario=scenario, cache=cache, phase=phase)
                        rows.append(result)
                        print(
                            f"{scenario:8} cache {cache:3} {phase:4} {result['rps']:8.1f} req/s  "
                            f"p50 {result['p50_ms']:7.1f} ms  p99 {result['p99_ms']:7.1f} ms  "
                            f"errors {result['errors'] + result['non2xx']}  "
                            f"hits {result['hits']}/{result['seen']}",
                            flush=True,
                        )
            finally:
                server.send_signal(signal.SIGTERM)
                server.wait(timeout=60)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    bare = next((r["rps"] for r in rows if r["scenario"] == "bare"), None)
    print(f"\n{args.label}, {args.workers} workers, {CONNECTIONS} connections, {args.duration} s")
    print("| page | page cache | req/s | of bare | p50 ms | p99 ms | hits | errors |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        ratio = f"{100 * r['rps'] / bare:.1f} %" if bare else "-"
        state = r["cache"] if r["phase"] == "-" else f"{r['cache']}, {r['phase']}"
        hits = f"{100 * r['hits'] / r['seen']:.0f} %" if r["seen"] else "-"
        print(
            f"| {r['scenario']} | {state} | {r['rps']:.1f} | {ratio} | {r['p50_ms']:.1f} | "
            f"{r['p99_ms']:.1f} | {hits} | {r['errors'] + r['non2xx']} |"
        )
    out = ROOT / "bench" / "results" / f"throughput-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"label": args.label, "tree": args.tree, "rows": rows}, indent=1))
    print(f"\n{out}")


if __name__ == "__main__":
    main()
