"""The planner: how a search's conditions reach the database, each tag and each set of words
looked up in an index or checked on the rows read, whichever reads less.

PostgreSQL's planner cannot tell on its own: it underrates what building a GIN bitmap of tens
of thousands of entries costs before the first row, and rates every row alike, although a row
read in index order costs a few microseconds and one fetched at random several times more.
``combine`` decides for each set of conditions a search counts, from the shares of the
directory its tags and words are in (the column statistics: ``directory.search.tags.share``,
``directory.search.text.look_up``) and the ``thresholds``. It reads the typed parts of the
conditions (``directory.search.conditions``), never the shape of a ``Q``.
"""

import math
from dataclasses import replace

from django.db import models

from directory.search import tags as search_tags
from directory.search.conditions import Condition, HoldsTag, Tagged, TaggedAny, Words
from directory.search.thresholds import COMMON_TAGS_SHARE, COMMON_WORDS_SHARE_BESIDE_TAGS


def combine(conditions: dict[str, Condition], without: str | None = None) -> models.Q:
    """All the conditions (but one), ANDed, with their tags looked up in the index or checked
    on the rows read, whichever reads less:

    - tags held together (with the other tags and the search's common words, if any) by a
      twentieth of the directory or more (``Tagged`` parts only: a category, a language, a
      municipality…) are checked on the rows read;
    - when some condition is still looked up in the index (``Tagged``, ``TaggedAny``), the tags
      the others check on the rows (``HoldsTag``: wheelchair access, a weekday…) join that
      index scan, which intersects them with the rarer tag without reading their long lists (a
      summer camp with wheelchair access on Fridays: 5,000 entries instead of 40,000 rows), and
      words that are not very common are looked up in the full-text index too.
    """
    chosen = [condition for group, condition in conditions.items() if group != without]
    parts = [part for condition in chosen for part in condition.parts]
    looked_up = [tag for part in parts if isinstance(part, Tagged) for tag in part.tags]
    share = (
        math.prod(map(search_tags.share, looked_up))
        * math.prod(p.share() for p in parts if isinstance(p, HoldsTag) and p.joins_index)
        * math.prod(p.share for p in parts if isinstance(p, Words) and p.on_rows)
    )
    if looked_up and share >= COMMON_TAGS_SHARE:
        chosen = [_with_tags_on_rows(condition) for condition in chosen]
    if any(isinstance(p, Tagged | TaggedAny) for c in chosen for p in c.parts):
        chosen = [_with_the_index_scan(condition) for condition in chosen]
    combined = models.Q()
    for condition in chosen:
        combined &= condition.to_q()
    return combined


def _with_tags_on_rows(condition: Condition) -> Condition:
    """Its ``Tagged`` parts checked on the rows read, one ``HoldsTag`` per tag."""
    parts = []
    for part in condition.parts:
        if isinstance(part, Tagged):
            parts.extend(HoldsTag(tag) for tag in part.tags)
        else:
            parts.append(part)
    return replace(condition, parts=tuple(parts))


def _with_the_index_scan(condition: Condition) -> Condition:
    """Beside a tag looked up: its tags checked on the rows join the index scan (those that
    may), and its words are looked up in the full-text index unless very common."""
    parts = []
    for part in condition.parts:
        if isinstance(part, HoldsTag) and part.joins_index:
            part = part.as_indexed()
        elif (
            isinstance(part, Words) and part.on_rows and part.share < COMMON_WORDS_SHARE_BESIDE_TAGS
        ):
            part = part.indexed()
        parts.append(part)
    return replace(condition, parts=tuple(parts))
