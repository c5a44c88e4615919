"""The site's URLs plus a bare view, for bench/throughput.py: the bare view goes through the
same middleware as every page and does nothing else, so its throughput is the ceiling the
pages are measured against."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path

from linkrete.urls import urlpatterns as site_urlpatterns


@login_not_required
def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
