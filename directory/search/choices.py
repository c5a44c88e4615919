"""The categories and languages the search page offers, kept by each process between requests.

Every results page needs all of them (the filters' choices, the facets, the chips' labels):
some sixty rows made into model instances, a few milliseconds of every page. They change
rarely, in the admin (or ``seed_demo``, an import): saving or deleting a category, a taxonomy
(it orders the categories) or a language drops the copy's stamp (``linkrete.stamped_copy``),
and every process reads them again at its next page. Signals, connected in
``DirectoryConfig.ready``, catch every such write whatever code makes it; a
``QuerySet.update()`` sends none, so the stamp also expires after ``TIMEOUT`` seconds.
"""

from directory.models import Category, Language
from linkrete.stamped_copy import StampedCopy

CACHE_KEY = "directory:search-choices:stamp:4"  # 4: a stamp, the rows kept by each process
TIMEOUT = 300


def _read() -> tuple[list[Category], list[Language]]:
    return list(Category.objects.select_related("parent")), list(Language.objects.all())


_copy = StampedCopy(CACHE_KEY, TIMEOUT, _read)


def categories_and_languages() -> tuple[list[Category], list[Language]]:
    """All the categories (each with its parent) and languages, in their model order: shared by
    the process's requests, not to be changed."""
    return _copy.get()


def forget(**kwargs):
    """Every process reads them again (a signal receiver: takes the signal's arguments)."""
    _copy.forget()
