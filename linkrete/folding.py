"""Accent- and case-folded text, the same in Python and in PostgreSQL, for substring searches
that a trigram index answers (the admin's searches of names, see directory/admin/big_tables.py).

``unaccent`` is only STABLE (its dictionary could change), so an index cannot call it; the
``linkrete_fold`` SQL function (migration directory 0020) wraps it with a fixed dictionary and
is declared IMMUTABLE, the usual way to index unaccented text.
"""

import unicodedata

from django.db import models

FOLD_FUNCTION_SQL = (
    "CREATE OR REPLACE FUNCTION linkrete_fold(text) RETURNS text "
    "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE "
    "AS $$ SELECT upper(public.unaccent('public.unaccent'::regdictionary, $1)) $$"
)
DROP_FOLD_FUNCTION_SQL = "DROP FUNCTION IF EXISTS linkrete_fold(text)"


class Folded(models.Func):
    """``linkrete_fold(expression)``: upper case, no accents."""

    function = "linkrete_fold"
    output_field = models.TextField()


def fold(text: str) -> str:
    """What ``linkrete_fold`` makes of ``text``, for the right-hand side of a lookup."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()
