"""An HSDS export against its re-export (export -> import into an empty database -> export):
how many documents are identical, and identical but for the taxonomy terms' identifiers.

    python bench/hsds_compare.py ORIGINAL AGAIN [--sample N] [--skip M]
        [--only organizations|services]

Each installation seeds its categories with its own UUIDs, and the import finds them by
taxonomy and code (docs/hsds.md): the terms' ``id``, ``parent_id`` and ``taxonomy_id`` and
the attributes' identifiers derived from them are this database's. Everything else must be
the same. ``--sample N`` compares the first N documents of each file (of a re-export still
being written, its complete lines), ``--skip M`` those after the first M (a comparison in
parts).

Both files are read side by side, a line at a time: an export writes its documents in the
order of the rows' keys, and an import into an empty database keeps the file's order, so a
document's pair is usually on the same line; one out of step waits in memory until its pair
comes (a national export is 3.3 GB of JSON: it cannot be held whole). What differs is counted
by top-level field (and the documents missing, desks apart), with a few identifiers of each.
"""

import argparse
import json
from collections import Counter
from collections.abc import Iterator
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


def documents(path: Path, limit: int | None = None, skip: int = 0) -> Iterator[dict]:
    with open(path, encoding="utf-8") as lines:
        end = None if limit is None else skip + limit
        yield from map(json.loads, islice(lines, skip, end))


LOOKAHEAD = 1000
DESK_CODE = "linkrete-profile:desk"


def is_desk(document: dict) -> bool:
    """A proximity desk: exported, not imported (directory/hsds/desks.py)."""
    return any(
        (attribute.get("taxonomy_term") or {}).get("code") == DESK_CODE
        and attribute.get("value") == "true"
        for attribute in document.get("attributes") or []
    )


def pairs(original: Iterator[dict], again: Iterator[dict]) -> Iterator[tuple[dict, dict | None]]:
    """Each original document with its pair in ``again`` (None if it has none)."""
    waiting_original: dict[str, dict] = {}  # Their pair not read yet.
    read_ahead: dict[str, dict] = {}  # Read from ``again`` before their original.
    for document in original:
        key = document["id"]
        other = read_ahead.pop(key, None)
        if other is None:
            for item in islice(again, LOOKAHEAD):
                if item["id"] == key:
                    other = item
                    break
                if item["id"] in waiting_original:
                    yield waiting_original.pop(item["id"]), item
                else:
                    read_ahead[item["id"]] = item
        if other is None:
            waiting_original[key] = document
        else:
            yield document, other
    for item in again:
        if item["id"] in waiting_original:
            yield waiting_original.pop(item["id"]), item
    for document in waiting_original.values():
        yield document, None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("original", type=Path)
    parser.add_argument("again", type=Path)
    parser.add_argument("--sample", type=int, default=None)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--only", choices=["organizations", "services"], default=None)
    args = parser.parse_args()
    for kind in [args.only] if args.only else ["organizations", "services"]:
        compared = exact = same = missing = 0
        fields: Counter = Counter()
        examples: dict[str, list[str]] = {}
        for document, again in pairs(
            documents(args.original / "json" / f"{kind}.ndjson", args.sample, args.skip),
            documents(args.again / "json" / f"{kind}.ndjson", args.sample, args.skip),
        ):
            compared += 1
            if again is None:
                missing += 1
                label = "(missing: a desk)" if is_desk(document) else "(missing)"
                fields[label] += 1
                examples.setdefault(label, []).append(document["id"])
                continue
            if document == again:
                exact += 1
                same += 1
                continue
            left, right = without_term_identifiers(document), without_term_identifiers(again)
            if left == right:
                same += 1
                continue
            for name in sorted(left.keys() | right.keys()):
                if left.get(name) != right.get(name):
                    fields[name] += 1
                    examples.setdefault(name, []).append(document["id"])
        print(
            f"{kind}: {compared:,} compared, {exact:,} identical, {same:,} identical but "
            f"for the taxonomy terms' identifiers, {missing:,} missing"
        )
        for name, count in fields.most_common():
            print(f"  {name}: {count:,}, e.g. {', '.join(examples[name][:3])}")


if __name__ == "__main__":
    main()
