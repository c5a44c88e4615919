from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Min, QuerySet
from django.urls import reverse
from django.utils import translation

from directory.models import (
    Activity,
    Event,
    EventSession,
    Network,
    Organization,
    VolunteeringCall,
)

# Stands for an item's slug in an address reversed once per language (``BySlug``).
SLUG = "--slug--"


class Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # Italian and English only: the other interface languages show the same Italian listings
    # (the pages' own hreflang links name them all); listing them would multiply the files by
    # four and a half at national scale for no new text.
    languages = ["it", "en"]
    # URLs per file of a section (an item counts once per language). At national scale the
    # activities alone are 600,000: one file of them all took a minute and weighed 52 MB (the
    # protocol's limit is 50,000 URLs and 50 MB); /sitemap.xml is the index of the sections'
    # files, each read in bounded pages. A file of 10,000 URLs took 5 s and weighed 5.3 MB
    # (bench/query_counts.py on the national-scale database); one of 2,000 weighs 1.1 MB.
    limit = 2000

    def _items(self):
        # Django pairs every item with every language in a list before paging: at national
        # scale each file would load all 600,000 activities. The pairs are counted and sliced
        # in SQL instead (every item is in every language here).
        items = self.items()
        if isinstance(items, QuerySet):
            return KeyRanges(items, self._languages(), self.limit)
        return ItemsInEachLanguage(items, self._languages())


class ItemsInEachLanguage:
    """The (item, language) pairs of a short list of ``items`` (the static pages), as a
    paginator reads them."""

    def __init__(self, items, languages):
        self.items = items
        self.languages = list(languages)

    def count(self) -> int:
        return len(self.items) * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list:
        pairs = [(item, language) for item in self.items for language in self.languages]
        return pairs[window]


class KeyRanges:
    """The (item, language) pairs of a queryset, a file of the sitemap per range of primary
    keys: file N holds the items whose key falls in the N-th range of ``limit // languages``
    keys from the table's smallest. A file costs an index range scan wherever it is (an OFFSET read
    and threw away every row before it: 6 s for the hundredth file of the activities), every
    item is in exactly one file, and a file holds at most ``limit`` URLs (fewer where keys were
    deleted or rows are not public; a file may even be empty, which the protocol allows).

    The paginator sees ``count()`` as files × ``limit`` and slices at multiples of ``limit``."""

    def __init__(self, items, languages, limit):
        self.items = items.order_by("pk")
        self.languages = list(languages)
        self.limit = limit
        self.keys_per_file = max(limit // max(len(self.languages), 1), 1)
        self._bounds = None

    def bounds(self):
        """The smallest and largest key of the table, ``(None, None)`` when it is empty: one
        read at each end of the primary key's index (the items' own filters would make it a
        scan; rows beyond the public ones only leave the first or last file shorter)."""
        if self._bounds is None:
            found = self.items.model._base_manager.aggregate(low=Min("pk"), high=Max("pk"))
            self._bounds = (found["low"], found["high"])
        return self._bounds

    def files(self) -> int:
        low, high = self.bounds()
        if low is None:
            return 0
        return (high - low) // self.keys_per_file + 1

    def count(self) -> int:
        return self.files() * self.limit

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list:
        low, _high = self.bounds()
        if low is None:
            return []
        number = (window.start or 0) // self.limit
        start = low + number * self.keys_per_file
        rows = self.items.filter(pk__gte=start, pk__lt=start + self.keys_per_file)
        return [(item, language) for item in rows for language in self.languages]


class UpdatedAtLastmod:
    """Each URL's ``lastmod``, its row's ``updated_at``. The index gives no date for the
    section's files: Django's would be the newest change of the whole section, the same for
    each of its 600 files (every file "changed" whenever any activity did), and it cost the
    index 1 s at national scale (a MAX over every public activity); crawlers read each URL's
    date in the files."""

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return None


class BySlug:
    """The address of an item from its slug: ``url_name`` reversed once per language, then
    filled in for each item (a file of 1,000 items asked ``reverse`` 4,000 times, a third of
    its time: each URL, its alternates and its x-default)."""

    url_name = ""

    def location(self, item):
        addresses = self.__dict__.setdefault("_addresses", {})
        language = translation.get_language()
        if language not in addresses:
            addresses[language] = reverse(self.url_name, kwargs={"slug": SLUG})
        return addresses[language].replace(SLUG, item.slug)


class StaticSitemap(Bilingual):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return [
            "directory:home",
            "directory:call_list",
            "directory:event_calendar",
            "directory:network_list",
        ]

    def location(self, item):
        return reverse(item)


class ActivitySitemap(UpdatedAtLastmod, BySlug, Bilingual):
    changefreq = "weekly"
    priority = 0.8
    url_name = "directory:activity_detail"

    def items(self):
        return Activity.objects.public().not_ended().only("slug", "updated_at").order_by("pk")


class OrganizationSitemap(UpdatedAtLastmod, BySlug, Bilingual):
    changefreq = "weekly"
    priority = 0.6
    url_name = "directory:organization_detail"

    def items(self):
        return Organization.objects.published().only("slug", "updated_at").order_by("pk")


class VolunteeringCallSitemap(BySlug, Bilingual):
    """Calls open now: young people look for them; applications are never listed anywhere."""

    changefreq = "daily"
    priority = 0.5
    url_name = "directory:call_detail"

    def items(self):
        return VolunteeringCall.objects.public().only("slug").order_by("pk")


class EventSitemap(UpdatedAtLastmod, BySlug, Bilingual):
    """Public events with a session still to come."""

    changefreq = "daily"
    priority = 0.6
    url_name = "directory:event_detail"

    def items(self):
        coming = EventSession.objects.upcoming().values("event_id")
        return (
            Event.objects.public().filter(pk__in=coming).only("slug", "updated_at").order_by("pk")
        )


class NetworkSitemap(UpdatedAtLastmod, BySlug, Bilingual):
    changefreq = "monthly"
    priority = 0.5
    url_name = "directory:network_detail"

    def items(self):
        return Network.objects.only("slug", "updated_at").order_by("pk")


SITEMAPS = {
    "pages": StaticSitemap,
    "activities": ActivitySitemap,
    "organizations": OrganizationSitemap,
    "calls": VolunteeringCallSitemap,
    "events": EventSitemap,
    "networks": NetworkSitemap,
}
