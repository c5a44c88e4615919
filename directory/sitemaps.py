from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from directory.models import Activity, Organization, VolunteeringCall


class Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticSitemap(Bilingual):
    changefreq = "daily"
    priority = 1.0

    def items(self):
        return ["directory:home", "directory:call_list"]

    def location(self, item):
        return reverse(item)


class ActivitySitemap(Bilingual):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Activity.objects.public().current().only("slug", "updated_at").order_by("pk")

    def lastmod(self, activity):
        return activity.updated_at


class OrganizationSitemap(Bilingual):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Organization.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, organization):
        return organization.updated_at


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
