"""Run the test suite once under each instant of tests/clock.py, and print each summary.

    .venv/bin/python tests/run_instants.py                      # every instant, whole suite
    .venv/bin/python tests/run_instants.py -i leap-day -i sunday-2359 -- tests/sportelli -n 0

Each run travels the whole test process (every xdist worker, every thread) to the instant
through ``LINKRETE_TEST_NOW`` (read in tests/conftest.py); tests that pin their own instant keep
it. Exits non-zero if any run fails. The database's own clock is not moved: the code passes
Python's ``timezone.now()`` to its queries (no ``Now()``, ``db_default`` or SQL ``now()``).
Debian's ``faketime`` moves a whole process the same way, without Python's help:
``TZ=UTC faketime '2026-12-08 21:40:00' .venv/bin/python -m pytest tests/sportelli``.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.clock import INSTANTS  # noqa: E402


def summary(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    for line in reversed(lines):
        if " in " in line and any(w in line for w in ("passed", "failed", "error", "skipped")):
            return line.strip("= ")
    return lines[-1] if lines else "(no output)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "-i",
        "--instant",
        action="append",
        help=f"a name ({', '.join(INSTANTS)}) or an ISO instant with offset; default: all",
    )
    parser.add_argument("pytest_args", nargs="*", help="passed to pytest (after --)")
    args = parser.parse_args()
    chosen = args.instant or list(INSTANTS)
    failed = []
    for name in chosen:
        env = os.environ | {"LINKRETE_TEST_NOW": name}
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args.pytest_args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        output = result.stdout + result.stderr
        print(f"{name:26} {INSTANTS.get(name, name):27} {summary(output)}", flush=True)
        if result.returncode != 0:
            failed.append(name)
            for line in output.splitlines():
                if line.startswith(("FAILED", "ERROR")):
                    print(f"    {line}", flush=True)
    if failed:
        print(f"failed under: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
