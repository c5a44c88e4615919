"""The categories and languages the search page offers, kept in Django's cache between requests.

Every results page needs all of them (the filters' choices, the facets, the chips' labels):
some sixty rows made into model instances, a few milliseconds of every page. They change
rarely, in the admin (or ``seed_demo``, an import): saving or deleting a category, a taxonomy
(it orders the categories) or a language drops the cached copy, at once and again when the
transaction commits (so a page read meanwhile cannot keep the old rows), and the next page
reads them again. Signals, connected in ``DirectoryConfig.ready``, catch every such write
whatever code makes it; a ``QuerySet.update()`` sends none, so the copy also expires after
``TIMEOUT`` seconds. For the drop to reach every server process the cache must be shared by
them (settings: ``CACHES``).
"""

from django.core.cache import cache
from django.db import transaction

from directory.models import Category, Language

CACHE_KEY = "directory:search-choices:3"  # 3: categories with their names in every language
TIMEOUT = 300


def categories_and_languages() -> tuple[list[Category], list[Language]]:
    """All the categories (each with its parent) and languages, in their model order."""
    cached = cache.get(CACHE_KEY)
    if cached is None:
        cached = (list(Category.objects.select_related("parent")), list(Language.objects.all()))
        cache.set(CACHE_KEY, cached, TIMEOUT)
    return cached


def forget(**kwargs):
    """Drop the cached copy (a signal receiver: takes the signal's arguments)."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))
