"""What the admin's lists of the big tables share: estimated counts, and text searches that
indexes answer. At national scale (bench/README.md) there are 150,000 organizations, 160,000
places, 600,000 activities and 1.2 million opening slots: Django's defaults count every row twice
per page and search with ``UPPER(field) LIKE '%word%'``, which no index answers.

- ``EstimatedCountPaginator``: the planner's estimate of the rows (one EXPLAIN, no scan) when it
  is large, the exact count when it is small; the list says "about" (admin/pagination.html).
- ``IndexedSearchMixin``: each word of the search must be found, in any of the admin's
  ``search_fields``:
    - a name, by a substring of its accent- and case-folded text (``linkrete.folding``), which
      the trigram index on ``linkrete_fold(name)`` answers; a field across a relation
      (``organization__name``) becomes ``organization__in`` a search of the related table;
      with several fields, the rows each field finds are put together (``in_any_field``);
    - ``=field``: the whole search in upper case, exactly, through the field's unique index
      (codes: tax codes and booking codes are stored in upper case).
- ``ActivityTextSearchMixin``: activities, and rows of an activity, through the public search's
  full-text index.
"""

import json

from django.contrib.admin.utils import get_fields_from_path
from django.contrib.admin.views.main import SEARCH_VAR, ChangeList
from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Paginator
from django.db.models import Q
from django.db.models.lookups import Contains
from django.utils.functional import cached_property

from directory.models import Activity
from directory.search.text import CONFIG, query_words
from linkrete.admin_rows import CheapRowsMixin
from linkrete.folding import Folded, fold

# Below this many estimated rows the list counts them exactly (a count of 10,000 index entries
# takes a few milliseconds). Re-measure: bench/profile_page.py on an admin list with --sql.
EXACT_COUNT_BELOW = 10_000
# What an activity's row carries that no list shows: its search document and long texts (a
# list's rows, and those it joins, are read whole otherwise: 1.4 kB an activity).
ACTIVITY_HEAVY = (
    "description",
    "access_description",
    "eligibility",
    "required_documents",
    "fee_description",
    "search_text",
    "search_vector",
    "search_tags",
)
ORGANIZATION_HEAVY = ("description", "social_utility")


def across(path: str, fields: tuple[str, ...]) -> tuple[str, ...]:
    """``fields`` of the model at ``path`` (a relation), for ``list_defer``."""
    return tuple(f"{path}__{field}" for field in fields)


# A trigram index finds substrings of three characters or more; shorter words are left out.
MIN_SEARCH_WORD = 3


class EstimatedCountPaginator(Paginator):
    exact_count_below = EXACT_COUNT_BELOW

    @cached_property
    def estimated_rows(self) -> int:
        if self.object_list.query.is_empty():  # queryset.none(): nothing to explain
            return 0
        plan = json.loads(self.object_list.order_by().explain(format="json"))
        return int(plan[0]["Plan"]["Plan Rows"])

    @cached_property
    def is_estimate(self) -> bool:
        return self.estimated_rows >= self.exact_count_below

    @cached_property
    def count(self) -> int:
        return self.estimated_rows if self.is_estimate else super().count


class RowsForListChangeList(ChangeList):
    """A change list whose rows the model admin prepares (``for_list``), apart from the
    change form's object (``get_queryset``)."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        return self.model_admin.for_list(queryset)


class BigTableMixin(CheapRowsMixin):
    """For a ModelAdmin of a table that grows with the network."""

    paginator = EstimatedCountPaginator
    # Columns the list never shows and that weigh (search documents, long texts): left out of
    # the list's query, not of the change form's.
    list_defer: tuple[str, ...] = ()
    # Otherwise every page counts the whole table once more for "N results (M total)".
    show_full_result_count = False
    # For lists whose model's order no index gives: newest first, along the primary key
    # (the model's order sorted the whole table for each page).
    NEWEST_FIRST = ["-pk"]

    def get_changelist(self, request, **kwargs):
        return RowsForListChangeList

    def for_list(self, queryset):
        """The list's rows: what its columns read, not what the change form needs."""
        return queryset.defer(*self.list_defer)

    def get_ordering(self, request):
        # Search results (and the autocompletes' choices) newest first, along the primary key:
        # in the order of a name, PostgreSQL walks the name's index testing every row, and the
        # rows a word matches cluster there (all the "Doposcuola …" under D), so finding a
        # page of a common word read 230,000 rows (7 s).
        if request.GET.get(SEARCH_VAR, "").strip() or request.GET.get("term", "").strip():
            return ["-pk"]
        return super().get_ordering(request)


def folded_contains(model, path: str, word: str) -> Q:
    *relations, field = path.split("__")
    if not relations:
        return Q(Contains(Folded(field), fold(word)))
    related = get_fields_from_path(model, "__".join(relations))[-1].related_model
    matching = related._default_manager.filter(Contains(Folded(field), fold(word)))
    return Q(**{"__".join(relations) + "__in": matching.values("pk")})


def in_any_field(model, paths: list[str], word: str) -> Q:
    """Rows with ``word`` in any of the fields. Several fields: the rows each finds, through
    its own index, put together (UNION ALL), the fields of one related table in one search of
    it (the members' search reads the accounts once, not once a field). The plain OR of the
    conditions is answered by no index: PostgreSQL read the whole table newest first, folding
    two texts a row, until a page was full, or to the end for a rare word (the places'
    search: 1.9 s at national scale)."""
    by_relation: dict[str, list[str]] = {}
    for path in paths:
        relation, _, field = path.rpartition("__")
        by_relation.setdefault(relation, []).append(field)
    conditions = [Q(Contains(Folded(field), fold(word))) for field in by_relation.pop("", [])]
    for relation, fields in by_relation.items():
        related = get_fields_from_path(model, relation)[-1].related_model
        any_field = Q()
        for field in fields:
            any_field |= Q(Contains(Folded(field), fold(word)))
        matching = related._default_manager.filter(any_field).values("pk")
        conditions.append(Q(**{f"{relation}__in": matching}))
    if len(conditions) == 1:
        return conditions[0]
    rows = [model._default_manager.filter(c).order_by().values("pk") for c in conditions]
    return Q(pk__in=rows[0].union(*rows[1:], all=True))


class IndexedSearchMixin(BigTableMixin):
    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        exact = Q()
        fields = self.get_search_fields(request)
        for field in fields:
            if field.startswith("="):
                exact |= Q(**{field[1:]: term.upper()})
        words = [word for word in term.split() if len(word) >= MIN_SEARCH_WORD]
        names = [field for field in fields if not field.startswith("=")]
        found = Q()
        if words and names:
            for word in words:
                found &= in_any_field(queryset.model, names, word)
        condition = exact | found
        if not condition:
            return queryset.none(), False
        return queryset.filter(condition), False


def activity_text_query(search_term: str):
    """The public search's full-text index, each word a prefix ("dopo" finds "doposcuola"):
    accents and case do not matter (the ``linkrete_it`` configuration unaccents). None when
    the search has no word to look for."""
    words = query_words(search_term)
    if not words:
        return None
    raw = " & ".join(f"{word}:*" for word in words)
    return SearchQuery(raw, search_type="raw", config=CONFIG)


class ActivityTextSearchMixin(BigTableMixin):
    """Activities (or rows of an activity, with ``activity_path``) found by the words of their
    search document: title, summary, description, organization, categories, municipalities."""

    activity_path = ""

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        query = activity_text_query(search_term)
        if query is None:
            return queryset.none(), False
        if not self.activity_path:
            return queryset.filter(search_vector=query), False
        matching = Activity.objects.filter(search_vector=query).values("pk")
        return queryset.filter(**{f"{self.activity_path}__in": matching}), False
