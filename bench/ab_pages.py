"""Two versions of the code timed on the search mix side by side, request by request.

    git worktree add --detach /tmp/before <commit> && ln -s "$PWD/.venv" /tmp/before/.venv
    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/ab_pages.py /tmp/before . [--repeat 2] [--only sentences,english]

On a shared machine the speed of the same code moves by a third within an hour (bench/README.md,
2026-12-04): two runs of the whole mix one after the other compare the machine's moments more
than the code. Here each version serves the pages in a process of its own (this file run with
``--serve`` in that version's folder, so it imports that version's code), both warmed up on the
whole mix, and every URL is asked of both in turn, in a random order each time: both see the
same moment of the machine. Prints each version's p50 / p95 / p99 over the results pages, and
the paired ratio (second / first) of each URL's times: its median, and the share of URLs the
second version served faster.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def serve():
    """Answer URLs read from stdin, one a line, with the time of each in ms, one a line; the
    code is that of the current folder."""
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.test import Client

    client = Client()
    for line in sys.stdin:
        path = line.strip()
        started = time.perf_counter()
        response = client.get(path)
        elapsed = (time.perf_counter() - started) * 1000
        status = response.status_code
        print(json.dumps({"ms": round(elapsed, 3), "status": status}), flush=True)


class Version:
    def __init__(self, folder: Path):
        self.folder = folder
        env = {**os.environ, "PYTHONPATH": str(folder), "PAGE_CACHE": "0"}
        self.process = subprocess.Popen(  # nosec B603 # this file, with this interpreter
            [sys.executable, str(HERE), "--serve"],
            cwd=folder,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def get(self, path: str) -> float:
        self.process.stdin.write(path + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        if answer["status"] != 200:
            raise SystemExit(f"{self.folder}: {path} answered {answer['status']}")
        return answer["ms"]

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("first", type=Path, help="folder of the first version (a worktree)")
    parser.add_argument("second", type=Path, help="folder of the second version")
    parser.add_argument("--repeat", type=int, default=2, help="timed passes over the mix")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", help="only these categories of the mix (comma-separated)")
    args = parser.parse_args()

    import search_bench  # the mix, read from the database with this folder's code

    mix = [(c, u) for c, u in search_bench.build_mix(args.seed) if c != "detail"]
    if args.only:
        mix = [(c, u) for c, u in mix if c in args.only.split(",")]
    versions = [Version(args.first.resolve()), Version(args.second.resolve())]
    order = random.Random(args.seed)
    try:
        for _category, path in mix:  # warm-up
            for version in versions:
                version.get(path)
        times = {path: ([], []) for _category, path in mix}
        for _ in range(args.repeat):
            for _category, path in mix:
                turn = [0, 1]
                order.shuffle(turn)
                for index in turn:
                    times[path][index].append(versions[index].get(path))
    finally:
        for version in versions:
            version.close()
    report(args, times, search_bench.percentile)


def report(args, times, pct):
    for index, folder in enumerate((args.first, args.second)):
        samples = [ms for pair in times.values() for ms in pair[index]]
        print(
            f"{folder}: {len(samples)} pages, p50 {pct(samples, 0.5):.1f}, "
            f"p95 {pct(samples, 0.95):.1f}, p99 {pct(samples, 0.99):.1f} ms"
        )
    ratios = [statistics.median(pair[1]) / statistics.median(pair[0]) for pair in times.values()]
    faster = sum(1 for ratio in ratios if ratio < 1) / len(ratios)
    print(
        f"second / first, per URL: median ratio {statistics.median(ratios):.3f}, "
        f"quartiles {pct(ratios, 0.25):.3f}–{pct(ratios, 0.75):.3f}; "
        f"the second faster on {faster:.0%} of {len(ratios)} URLs"
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:
        main()
