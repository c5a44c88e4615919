from django.contrib.sitemaps import Sitemap
from django.db.models import Max, QuerySet
from django.urls import reverse

from directory.models import Activity, Organization, VolunteeringCall


class Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True
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
        return ItemsInEachLanguage(self.items(), self._languages())


class ItemsInEachLanguage:
    """The (item, language) pairs of ``items``, as a paginator reads them: counted and sliced
    without loading more items than the page shows."""

    def __init__(self, items, languages):
        self.items = items
        self.languages = list(languages)

    def count(self) -> int:
        items = self.items
        number = items.count() if isinstance(items, QuerySet) else len(items)
        return number * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list:
        per_item = len(self.languages)
        start = window.start or 0
        stop = window.stop if window.stop is not None else self.count()
        first, last = start // per_item, -(-stop // per_item)
        pairs = [(item, language) for item in self.items[first:last] for language in self.languages]
        return pairs[start - first * per_item : stop - first * per_item]


class UpdatedAtLastmod:
    """The newest ``updated_at`` of a section, for the index, read with one aggregate (Django's
    default calls ``lastmod`` on every item of the section)."""

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class StaticSitemap(Bilingual):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["directory:home", "directory:call_list"]

    def location(self, item):
        return reverse(item)


class ActivitySitemap(UpdatedAtLastmod, Bilingual):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Activity.objects.public().current().only("slug", "updated_at").order_by("pk")


class OrganizationSitemap(UpdatedAtLastmod, Bilingual):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Organization.objects.published().only("slug", "updated_at").order_by("pk")


class VolunteeringCallSitemap(Bilingual):
    """Calls open now: young people look for them; applications are never listed anywhere."""

    changefreq = "daily"
    priority = 0.5

    def items(self):
        return VolunteeringCall.objects.public().only("slug").order_by("pk")


SITEMAPS = {
    "pages": StaticSitemap,
    "activities": ActivitySitemap,
    "organizations": OrganizationSitemap,
    "calls": VolunteeringCallSitemap,
}
