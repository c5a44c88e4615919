from django.urls import reverse

from directory.sitemaps import Bilingual, BySlug, UpdatedAtLastmod
from sportelli.models import Desk


class DeskListSitemap(Bilingual):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return ["sportelli:desk_list"]

    def location(self, item):
        return reverse(item)


class DeskSitemap(UpdatedAtLastmod, BySlug, Bilingual):
    changefreq = "weekly"
    priority = 0.7
    url_name = "sportelli:desk_detail"

    def items(self):
        return Desk.objects.public().only("slug", "updated_at").order_by("pk")


SITEMAPS = {"desk_list": DeskListSitemap, "desks": DeskSitemap}
