"""Read an HSDS path as ``import_hsds`` reads it, without importing: the documents built, how
many and how long (for the reader's time and memory; run it under ``/usr/bin/time -v``).

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/DB PYTHONPATH=. \\
        python bench/hsds_read.py /tmp/hsds-slice/tabular

The tabular package's reader keeps its index in a temporary table of the connection: any
database of this schema will do, and nothing is written to it.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from directory.hsds.reading import sources  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path)
    args = parser.parse_args()
    start = time.perf_counter()
    found = sources(args.path)
    print(f"index: {time.perf_counter() - start:.1f} s", flush=True)
    for source in found:
        begun, documents, bad = time.perf_counter(), 0, 0
        for entry in source.entries():
            documents += 1
            bad += entry.document is None
        print(
            f"{source.name}: {documents:,} of {source.count:,} read ({bad} unreadable) in "
            f"{time.perf_counter() - begun:.1f} s",
            flush=True,
        )
    print(f"in all: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
