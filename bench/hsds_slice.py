"""A slice of an HSDS export for timing ``import_hsds``: its first N services and their
organizations, as ``export_hsds`` lays them out (``OUT/json/*.ndjson``).

    python bench/hsds_slice.py /tmp/nat-export /tmp/hsds-slice --services 10000

Streams both files: the services' lines are copied as they are, then the organizations file is
read once for the organizations they name (one pass, bounded memory).
"""

import argparse
import json
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("export", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--services", type=int, default=10_000)
    args = parser.parse_args()
    source, target = args.export / "json", args.out / "json"
    target.mkdir(parents=True, exist_ok=True)
    wanted = set()
    with (
        open(source / "services.ndjson", encoding="utf-8") as lines,
        open(target / "services.ndjson", "w", encoding="utf-8") as out,
    ):
        for number, line in enumerate(lines):
            if number == args.services:
                break
            wanted.add(json.loads(line)["organization_id"])
            out.write(line)
    found = 0
    with (
        open(source / "organizations.ndjson", encoding="utf-8") as lines,
        open(target / "organizations.ndjson", "w", encoding="utf-8") as out,
    ):
        for line in lines:
            # The identifier is the first key: no need to parse the line to know it.
            if line[8:44] in wanted:
                out.write(line)
                found += 1
                if found == len(wanted):
                    break
    print(f"{args.services:,} services of {found:,} organizations in {target}")


if __name__ == "__main__":
    main()
