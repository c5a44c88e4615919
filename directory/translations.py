"""The reader's language's text of a listing, where its staff gave one (``ActivityTranslation``,
``OrganizationTranslation``, ``VolunteeringCallTranslation``, ``sportelli.DeskTranslation``),
else the Italian.

Read in the same query as the record: ``with_translation`` joins the one translation row of the
page's language (a LEFT JOIN on the unique (record, language) key) and selects its columns as
``tr_<field>``; nothing is joined on an Italian page. ``apply`` then puts each non-empty
translated text in place of the Italian on the instance (never saved: public pages only read)
and notes which fields it translated, for ``{% listing_lang obj "field" %}``, which marks the
others ``lang="it"``.
"""

from django.conf import settings
from django.db.models import F, FilteredRelation, Q, QuerySet
from django.utils.translation import get_language

# What an activity's card shows, and its page.
ACTIVITY_CARD_FIELDS = ("title", "summary")
ACTIVITY_PAGE_FIELDS = (
    "title",
    "summary",
    "description",
    "eligibility",
    "access_description",
    "required_documents",
    "fee_description",
)
ORGANIZATION_FIELDS = ("description", "social_utility")
# A volunteering call's card and page.
CALL_CARD_FIELDS = ("title", "time_commitment")
CALL_PAGE_FIELDS = ("title", "description", "time_commitment")
# A desk's page, its booking pages and its sheet (its card shows no text of its own).
DESK_FIELDS = ("description", "interpreting")


def reading_language() -> str | None:
    """The page's language when it is not the listings' own (Italian), else None."""
    language = get_language() or settings.LANGUAGE_CODE
    return None if language == settings.LANGUAGE_CODE else language


def with_translation(
    queryset: QuerySet, fields: tuple[str, ...], relation: str = "translations", prefix: str = ""
) -> QuerySet:
    """``queryset`` with the page's language's translation of ``fields`` as ``tr_<prefix><field>``
    (``relation`` leads to the translations: ``organization__translations`` for an activity's
    organization)."""
    language = reading_language()
    if language is None:
        return queryset
    alias = f"tr_row_{prefix}".rstrip("_")
    joined = FilteredRelation(relation, condition=Q(**{f"{relation}__language": language}))
    return queryset.annotate(**{alias: joined}).annotate(
        **{f"tr_{prefix}{name}": F(f"{alias}__{name}") for name in fields}
    )


def apply(obj, fields: tuple[str, ...], prefix: str = "", source=None):
    """Put the translated texts read by ``with_translation`` (on ``source``, by default ``obj``
    itself) in place of the Italian ones."""
    translated = set()
    for name in fields:
        value = getattr(source if source is not None else obj, f"tr_{prefix}{name}", None)
        if value and value.strip():
            setattr(obj, name, value)
            translated.add(name)
    obj.translated_fields = frozenset(translated)
    return obj


def in_italian(obj, fields: tuple[str, ...]) -> bool:
    """Whether, on a page in another language, some of ``fields`` that hold text show the
    Italian (the page says so once)."""
    if reading_language() is None:
        return False
    done = getattr(obj, "translated_fields", frozenset())
    return any(getattr(obj, name, "") and name not in done for name in fields)
