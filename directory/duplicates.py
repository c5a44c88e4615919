"""Finding organizations that may be the same body twice (``manage.py find_duplicates``).

One SQL pass over the whole directory, never in a request: at national scale (150,000
organizations) it takes about a minute. Pairs are found for three reasons:

- the same tax code written differently (spaces, dots, lower case, an ``IT`` VAT prefix), or a
  tax code typed in another organization's RUNTS number field;
- the same RUNTS number, written differently or not;
- names alike (pg_trgm similarity of the names without their generic words) of organizations
  with a place in the same municipality.

The pairs go into ``DuplicateCandidate``: new ones are added, those no longer found go, and
dismissed ones stay dismissed.
"""

from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from directory.models import DuplicateCandidate

# Names compare without these words, nor the municipality's name: "Associazione Il Ponte APS
# Genova" and "Il Ponte ODV" (in Genova) are alike.
# Re-measure with `manage.py find_duplicates` on bench/'s data (the summary counts by reason).
GENERIC_WORDS = (
    "associazione",
    "associazioni",
    "aps",
    "odv",
    "onlus",
    "ets",
    "asd",
    "ssd",
    "cooperativa",
    "coop",
    "sociale",
    "scs",
    "arl",
    "srl",
    "di",
    "del",
    "dello",
    "della",
    "dei",
    "degli",
    "delle",
    "il",
    "lo",
    "la",
    "i",
    "gli",
    "le",
    "e",
    "ed",
)
# pg_trgm similarity of the names without generic words. At 0.6, with the municipality's name
# left in, the bench data's distinct bodies ("Il Faro Genova", "Il Ponte Genova") came out as
# pairs by the thousand.
NAME_SIMILARITY = 0.7

_NORMALIZED_CODE = (
    "regexp_replace(regexp_replace(upper({column}), '[^A-Z0-9]', '', 'g'), "
    "'^IT([0-9]{{11}})$', '\\1')"
)
_LOOKS_LIKE_TAX_CODE = "'^([0-9]{11}|[A-Z0-9]{16})$'"

_CODE_PAIRS = f"""
WITH keys AS (
    SELECT id, 'tax_code' AS reason, {_NORMALIZED_CODE.format(column="tax_code")} AS code
    FROM directory_organization WHERE tax_code <> ''
    UNION
    SELECT id, 'tax_code', {_NORMALIZED_CODE.format(column="runts_number")}
    FROM directory_organization
    WHERE {_NORMALIZED_CODE.format(column="runts_number")} ~ {_LOOKS_LIKE_TAX_CODE}
    UNION
    SELECT id, 'runts_number', {_NORMALIZED_CODE.format(column="runts_number")}
    FROM directory_organization WHERE runts_number <> ''
)
SELECT a.id AS first_id, b.id AS second_id, a.reason AS reason, 1.0 AS score
FROM keys a JOIN keys b ON b.reason = a.reason AND b.code = a.code AND b.id > a.id
WHERE a.code <> ''
"""  # nosec B608 # only this module's constant SQL fragments are interpolated

_NAMES_TABLE = """
CREATE TEMP TABLE duplicate_names ON COMMIT DROP AS
SELECT DISTINCT l.municipality_id AS municipality_id, o.id AS id,
    trim(regexp_replace(regexp_replace(
        replace(lower(unaccent(o.name)), lower(unaccent(m.name)), ' '), %s, ' ', 'g'
    ), '\\s+', ' ', 'g')) AS name
FROM directory_location l
JOIN directory_organization o ON o.id = l.organization_id
JOIN directory_municipality m ON m.id = l.municipality_id
"""

# The GiST index on (municipality, name) lets each organization look only at its own
# municipality's names (btree_gist gives GiST the equality on the number).
_NAME_PAIRS = """
SELECT DISTINCT a.id AS first_id, b.id AS second_id, 'name' AS reason,
    similarity(a.name, b.name) AS score
FROM duplicate_names a
JOIN duplicate_names b
    ON b.municipality_id = a.municipality_id AND b.id > a.id AND b.name % a.name
WHERE length(a.name) >= 3
"""

_STORE = """
INSERT INTO directory_duplicatecandidate (first_id, second_id, reason, score, found_at)
SELECT DISTINCT ON (first_id, second_id) first_id, second_id, reason, score, %s
FROM found
ORDER BY first_id, second_id,
    CASE reason WHEN 'tax_code' THEN 0 WHEN 'runts_number' THEN 1 ELSE 2 END, score DESC
ON CONFLICT (first_id, second_id) DO UPDATE
    SET reason = EXCLUDED.reason, score = EXCLUDED.score, found_at = EXCLUDED.found_at
    WHERE directory_duplicatecandidate.dismissed_at IS NULL
"""


@dataclass(frozen=True)
class Found:
    """The summary of one search: open pairs by reason, and how many went since the last."""

    by_reason: dict[str, int]
    gone: int

    @property
    def total(self) -> int:
        return sum(self.by_reason.values())


def find_duplicates() -> Found:
    """Replace the open candidate pairs with those the directory holds now."""
    started = timezone.now()
    generic = r"\m(" + "|".join(GENERIC_WORDS) + r")\M"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL pg_trgm.similarity_threshold = %s", [NAME_SIMILARITY])
        cursor.execute(_NAMES_TABLE, [generic])
        cursor.execute(
            "CREATE INDEX ON duplicate_names USING gist (municipality_id, name gist_trgm_ops)"
        )
        cursor.execute("ANALYZE duplicate_names")
        cursor.execute(
            "CREATE TEMP TABLE found (first_id bigint, second_id bigint, reason text, "
            "score double precision) ON COMMIT DROP"
        )
        cursor.execute(f"INSERT INTO found {_CODE_PAIRS}")
        cursor.execute(f"INSERT INTO found {_NAME_PAIRS}")
        cursor.execute(_STORE, [started])
        # Dropped at commit anyway; but a caller's transaction (a test's) may go on.
        cursor.execute("DROP TABLE duplicate_names, found")
        gone, _ = DuplicateCandidate.objects.open().filter(found_at__lt=started).delete()
    by_reason = {
        reason: DuplicateCandidate.objects.open().filter(reason=reason).count()
        for reason in DuplicateCandidate.Reason.values
    }
    return Found(by_reason=by_reason, gone=gone)
