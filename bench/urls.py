"""The site's URLs plus a bare view, for bench/throughput.py: the bare view goes through the
same middleware as every page and does nothing else, so its throughput is the ceiling the
pages are measured against. The one-query view adds a single small query (bench/journey.py
measures every page as a share of it: the cost of a page beyond the cheapest page that reads
the database). The site's error handlers too: without them a database error raised by a
middleware would answer Django's bare 500 instead of the site's 503."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path

from directory.models import Category
from linkrete.urls import handler400, handler403, handler404, handler500  # noqa: F401
from linkrete.urls import urlpatterns as site_urlpatterns


@login_not_required
def bare(request):
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
def one_query(request):
    name = Category.objects.order_by("pk").values_list("name", flat=True).first()
    return HttpResponse(name or "-", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/one-query/", one_query),
    *site_urlpatterns,
]
