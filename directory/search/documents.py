"""Forgiving text search over activities (PostgreSQL full-text search).

Every activity keeps a denormalised search document (``Activity.search_text``): its title,
summary, description, organization, categories (their names and family labels) and
municipalities, lower-cased and stripped of
accents in Python. On PostgreSQL ``Activity.search_vector`` holds the same text as a weighted
``tsvector`` (title A, the rest B) in the ``linkrete_it`` configuration (Italian stemming after
``unaccent``; created by migration 0005), behind a GIN index; a vocabulary of the words seen
(``SearchTerm``, GIN trigram index) turns small typos into the words the directory really uses.
The approved translations of an activity (``ActivityTranslation``) are not in that document:
each keeps its own vector in its language's configuration (``ActivityTranslation.search_vector``,
``directory.search.languages``), written by the same refresh and searched on the pages in that
language.

The same refresh recomputes the activity's search tags (``Activity.search_tags``,
``directory.search.tags``): its categories, languages, places, zones and hours as integers, which
the filters and facets look up.

How the documents stay fresh: no signals. Code that changes what an activity is found by
(title, texts, categories and their names and family labels, languages, places and their zones,
hours, organization name) calls
``refresh_search_document`` after saving (admin ``save_related``, approved revisions, imports,
``seed_demo``); ``rebuild_search_index`` recomputes everything and is safe to run at any time
(after bulk loads, nightly).
"""

from collections.abc import Iterable

from django.db import connection

from directory.models import Activity, Category, Organization, SearchTerm
from directory.search import languages, tags
from directory.search.text import CONFIG, MIN_VOCABULARY_WORD, normalize


def category_words(category: Category) -> list[str]:
    """What a category adds to its activities' documents: the programme's name and the label
    families read ("Cibo e spesa", "Bollette e affitto"), in Italian and English. Its parent
    adds only its names: a root's label sums up its children ("Cibo, bollette e salute",
    "Food, bills and health"), and in every child's document it made precision at 3 on the
    judged set 0.891 instead of 0.908 (English 0.824; ``bench/search_quality.py``)."""
    return [category.name, category.name_en, category.family_name, category.family_name_en]


def document_for(activity: Activity) -> str:
    """The search text of one activity; reads categories and locations (prefetch them)."""
    parts = [activity.title, activity.summary, activity.organization.name]
    for category in activity.categories.all():
        parts += category_words(category)
        if category.parent_id:
            parts += [category.parent.name, category.parent.name_en]
    for location in activity.locations.all():
        if location.municipality_id:
            parts.append(location.municipality.name)
    parts.append(activity.description)
    # Its staff's translations (directory.translations) are not here: each has its own vector,
    # in its language's configuration (``translation_texts``).
    return normalize(" ".join(p for p in parts if p))


def translation_texts(translation) -> tuple[str, str]:
    """What a translation's vector holds (``ActivityTranslation.search_vector``): its title
    (weight A) and its summary and description (B), normalised as the Italian documents, in
    Chinese as characters and pairs (``languages.indexed_text``)."""
    title = normalize(translation.title)
    rest = normalize(" ".join(p for p in (translation.summary, translation.description) if p))
    return (
        languages.indexed_text(translation.language, title),
        languages.indexed_text(translation.language, rest),
    )


# The translations' vectors, each in its language's configuration, in one statement.
TRANSLATION_VECTORS_SQL = (
    "UPDATE directory_activitytranslation t SET search_vector = "
    "setweight(to_tsvector(d.config::regconfig, d.title), 'A') || "
    "setweight(to_tsvector(d.config::regconfig, d.rest), 'B') "
    "FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[]) AS d(id, config, title, rest) "
    "WHERE t.id = d.id"
)


def _store_translations(activities: list[Activity]) -> None:
    """The vectors of the activities' translations (none: no statement)."""
    rows = [
        (translation.pk, languages.config_for(translation.language) or "simple")
        + translation_texts(translation)
        for activity in activities
        for translation in activity.translations.all()
    ]
    if not rows:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            TRANSLATION_VECTORS_SQL, [list(column) for column in zip(*rows, strict=True)]
        )


def _documents_queryset():
    return Activity.objects.select_related("organization").prefetch_related(
        "categories__parent", "locations__municipality", "translations"
    )


def _vocabulary(documents: Iterable[str]) -> set[str]:
    return {
        word
        for document in documents
        for word in document.split()
        if len(word) >= MIN_VOCABULARY_WORD and word.isalpha()
    }


def _store(activities: list[Activity]) -> None:
    texts = [document_for(activity) for activity in activities]
    words = _vocabulary(texts)
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=w[:100]) for w in sorted(words)], ignore_conflicts=True, batch_size=1000
    )
    # Text, vector and tags in one statement, so each refreshed row is written once: two
    # statements (the text, then the rest) left two dead copies of it (bench/README.md,
    # "Reads after big writes").
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE directory_activity a SET search_text = d.text, search_vector = "
            f"setweight(to_tsvector('{CONFIG}', a.title), 'A') || "
            f"setweight(to_tsvector('{CONFIG}', d.text), 'B'), "
            f"search_tags = {tags.TAGS_SQL} "  # nosec B608 # constants; the values as %s
            "FROM unnest(%s::bigint[], %s::text[]) AS d(id, text) WHERE a.id = d.id",
            [[a.pk for a in activities], texts],
        )
    _store_translations(activities)
    for activity, text in zip(activities, texts, strict=True):
        activity.search_text = text


def refresh_search_document(activity: Activity) -> None:
    """Recompute one activity's search document after a change that affects it."""
    _store([_documents_queryset().get(pk=activity.pk)])


def refresh_documents_of(pks: list[int], batch_size: int = 1000) -> int:
    """Recompute the documents of the activities with these primary keys (an import's, however
    many), reading each batch with what its documents mention in a fixed number of queries."""
    pks = sorted(pks)
    done = 0
    for start in range(0, len(pks), batch_size):
        chosen = _documents_queryset().filter(pk__in=pks[start : start + batch_size])
        done += rebuild_search_index(chosen, batch_size)
    return done


def refresh_organization_documents(organization: Organization) -> None:
    """An organization's name is in its activities' documents: refresh them after a rename."""
    rebuild_search_index(_documents_queryset().filter(organization=organization))


def refresh_search_documents(activities) -> int:
    """Recompute the documents of some activities (a queryset of them), e.g. after a category
    or a place they mention is renamed."""
    return rebuild_search_index(_documents_queryset().filter(pk__in=activities.values("pk")))


def rebuild_search_index(queryset=None, batch_size: int = 1000) -> int:
    """Recompute the documents of all activities (or of ``queryset``); returns how many. A
    full rebuild also rewrites the vectors of the organizations' translations."""
    if queryset is None:
        from directory.models import OrganizationTranslation
        from directory.search import organization_translations

        organization_translations.refresh(OrganizationTranslation.objects.order_by("pk"))
    queryset = (queryset if queryset is not None else _documents_queryset()).order_by("pk")
    done, last_pk = 0, 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            return done
        _store(batch)
        done += len(batch)
        last_pk = batch[-1].pk
