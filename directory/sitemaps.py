from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from directory.models import Activity, Organization


class _Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(_Bilingual):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["directory:home"]

    def location(self, item):
        return reverse(item)


class ActivitySitemap(_Bilingual):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Activity.objects.public().current().only("slug", "updated_at").order_by("pk")

    def lastmod(self, activity):
        return activity.updated_at


class OrganizationSitemap(_Bilingual):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Organization.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, organization):
        return organization.updated_at


SITEMAPS = {
    "pages": StaticSitemap,
    "activities": ActivitySitemap,
    "organizations": OrganizationSitemap,
}
