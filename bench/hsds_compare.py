"""An HSDS export against its re-export (export -> import into an empty database -> export):
how many documents are identical, and identical but for the taxonomy terms' identifiers.

    python bench/hsds_compare.py ORIGINAL AGAIN [--sample N]

Each installation seeds its categories with its own UUIDs, and the import finds them by
taxonomy and code (docs/hsds.md): the terms' ``id``, ``parent_id`` and ``taxonomy_id`` and
the attributes' identifiers derived from them are this database's. Everything else must be
the same. Reads ORIGINAL's first N documents of each kind (all by default), AGAIN whole.
"""

import argparse
import json
from itertools import islice
from pathlib import Path

TERM_IDENTIFIERS = {"id", "taxonomy_id", "parent_id"}


def without_term_identifiers(value):
    if isinstance(value, list):
        return [without_term_identifiers(item) for item in value]
    if not isinstance(value, dict):
        return value
    result = {name: without_term_identifiers(item) for name, item in value.items()}
    if isinstance(value.get("taxonomy_term"), dict):
        result.pop("id", None)
        result.pop("taxonomy_term_id", None)
        result["taxonomy_term"] = {
            name: item
            for name, item in result["taxonomy_term"].items()
            if name not in TERM_IDENTIFIERS
        }
    return result


def documents(path: Path, limit: int | None = None) -> dict[str, dict]:
    with open(path, encoding="utf-8") as lines:
        return {document["id"]: document for document in map(json.loads, islice(lines, limit))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("original", type=Path)
    parser.add_argument("again", type=Path)
    parser.add_argument("--sample", type=int, default=None)
    args = parser.parse_args()
    for kind in ("organizations", "services"):
        original = documents(args.original / "json" / f"{kind}.ndjson", args.sample)
        again = documents(args.again / "json" / f"{kind}.ndjson")
        exact = sum(document == again.get(key) for key, document in original.items())
        same = sum(
            without_term_identifiers(document) == without_term_identifiers(again.get(key))
            for key, document in original.items()
        )
        missing = len(original.keys() - again.keys())
        print(
            f"{kind}: {len(original):,} compared, {exact:,} identical, {same:,} identical but "
            f"for the taxonomy terms' identifiers, {missing:,} missing"
        )


if __name__ == "__main__":
    main()
