"""Organizations' approved translations (``OrganizationTranslation``: description, social
utility) in the search, as the activities' are (``directory.search.languages``): each keeps a
vector of its texts in its language's text search configuration
(``OrganizationTranslation.search_vector``, GIN index), written when a translation is approved
and by a full ``rebuild_search_index``; on a page in that language the search's
"Organizations matching your words" lists the organizations whose translation holds the words,
beside those whose name matches them (``text.matching_organizations``). The Italian pages search
the names only, as before.
"""

from django.db import connection
from django.db.models import Q

from directory.models import OrganizationTranslation
from directory.search import languages
from directory.search.text import normalize

VECTORS_SQL = (
    "UPDATE directory_organizationtranslation t SET search_vector = "
    "setweight(to_tsvector(d.config::regconfig, d.text), 'B') "
    "FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS d(id, config, text) "
    "WHERE t.id = d.id"
)


def indexed_text(translation: OrganizationTranslation) -> str:
    """Its texts, normalised as the Italian documents, Chinese as characters and pairs."""
    text = normalize(
        " ".join(p for p in (translation.description, translation.social_utility) if p)
    )
    return languages.indexed_text(translation.language, text)


def refresh(translations) -> int:
    """Write the vectors of these translations (a queryset); returns how many."""
    rows = [
        (t.pk, languages.config_for(t.language) or "simple", indexed_text(t))
        for t in translations.only("language", "description", "social_utility")
    ]
    if rows:
        with connection.cursor() as cursor:
            cursor.execute(VECTORS_SQL, [list(column) for column in zip(*rows, strict=True)])
    return len(rows)


def refresh_organization(organization) -> int:
    return refresh(OrganizationTranslation.objects.filter(organization=organization))


def holding(language: str, query) -> Q:
    """Organizations whose translation into ``language`` holds the words of ``query`` (the
    search's query in that language: ``TextQuery.translated_query``)."""
    held = OrganizationTranslation.objects.filter(language=language, search_vector=query)
    return Q(pk__in=held.values("organization_id"))
