"""Every public page, with real objects of the data (big and small), timed through the test
client: p50/p95/max, SQL queries and their time, HTML size, per kind of page.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/site_bench.py [--repeat 20] [--once-over 5000]

The public URLs are walked from the resolver (as tests/linkrete/test_public_query_counts.py
does): a public URL with no page here and no reason in NOT_PAGES is reported, so a new one is
not forgotten. Booking steps are driven like a family would (POSTs of the earlier steps in a
fresh session, outside the timing); "my list" holds 5 or 50 activities. Each page is requested
once to warm up (``first_ms``: the cold caches), then ``--repeat`` times. Works on the demo data
too. JSON to bench/results/, a Markdown table on stdout.
"""

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import URLPattern, URLResolver, get_resolver, reverse  # noqa: E402

from bench.measure import measure, save  # noqa: E402
from directory import my_list  # noqa: E402
from directory.hsds.mapping import service_at_location_id  # noqa: E402
from directory.models import (  # noqa: E402
    Activity,
    Category,
    Municipality,
    Organization,
    VolunteeringCall,
    Zone,
)
from sportelli.models import Booking, Desk  # noqa: E402
from sportelli.slots import bookable_window, desk_slots  # noqa: E402

# Open to anonymous visitors but no page to time, and why.
NOT_PAGES = {
    "set_language": "a POST that redirects",
    "directory:my_list_add": "a POST that redirects",
    "directory:my_list_remove": "a POST that redirects",
    "directory:activity_report_problem": "a POST (the form is on the activity's page)",
    "admin:login": "the staff area's sign-in",
    "pages:open_data_dump": "a file",
    "pages:open_data": "reads a file (the dump's manifest)",
    "hsda:location": "a place by key, one query (tests/directory/test_hsda_api.py)",
    "hsda:taxonomy": "one record of the taxonomies' list",
    "hsda:taxonomy_term": "one record of the terms' list",
    "staff:invitation_open": "needs a token",
    "staff:invitation_accept": "needs a token",
    "staff:invitation_done": "the staff area's account pages",
    "staff:password_reset": "the staff area's account pages",
    "staff:password_reset_done": "the staff area's account pages",
    "staff:password_reset_confirm": "needs a token",
    "staff:password_reset_complete": "the staff area's account pages",
}
BOOKING_STEPS = ["channel", "slot", "details", "privacy", "summary"]


def public_names(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from public_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and _is_public(pattern):
            yield f"{namespace}{pattern.name}"


def _is_public(pattern):
    """Named and marked ``login_not_required`` (LoginRequiredMiddleware guards the rest)."""
    return bool(pattern.name) and getattr(pattern.callback, "login_required", True) is False


def objects():
    """Big and small objects of each kind, from whatever data the database holds."""
    published = Organization.objects.filter(status="published")
    by_activities = published.annotate(n=Count("activities")).filter(n__gt=0)
    activities = Activity.objects.filter(publication_status="published", status="active")
    by_places = activities.annotate(n=Count("locations")).filter(n__gt=0)
    desks = Desk.objects.public().annotate(n=Count("bookings")).order_by("-n", "pk")
    calls = VolunteeringCall.objects.public()
    return {
        "big_org": by_activities.order_by("-n", "pk").first(),
        "small_org": by_activities.filter(n=1).order_by("pk").first(),
        "many_places": by_places.order_by("-n", "pk").first(),
        "one_place": by_places.filter(n=1).order_by("pk").first(),
        "busy_desk": desks.first(),
        "quiet_desk": desks.filter(n__gt=0).last() or desks.last(),
        "big_call": calls.annotate(n=Count("applications")).order_by("-n", "pk").first(),
        "small_call": calls.order_by("-pk").first(),
        "booking": Booking.objects.filter(status="booked").order_by("-starts_at").first(),
        "list": list(activities.order_by("pk").values_list("pk", "slug")[:50]),
        "category": Category.objects.filter(parent__isnull=True).order_by("pk").first(),
        "zone": Zone.objects.annotate(n=Count("municipalities")).order_by("-n").first(),
        "city": Municipality.objects.filter(name="Milano").first()
        or Municipality.objects.order_by("pk").first(),
    }


def keep_list(count, ids):
    def prepare(client):
        session = client.session
        session[my_list.SESSION_KEY] = [pk for pk, _slug in ids[:count]]
        session.save()

    return prepare


def walk_to_summary(desk):
    """A fresh session that chose a channel, a slot, gave its details and accepted the notice."""

    def url(step):
        return reverse(f"sportelli:booking_{step}", kwargs={"slug": desk.slug})

    def prepare(client):
        client.cookies.clear()
        slot = desk_slots(desk, *bookable_window(desk))[0]
        client.post(url("channel"), {"channel": desk.channels[0].value})
        client.post(url("slot"), {"slot": slot.key})
        topic = desk.topics.order_by("pk").first()
        client.post(
            url("details"),
            {"name": "Persona Prova", "phone": "+39 000 0000000"}
            | ({"topic": topic.pk} if topic else {}),
        )
        client.post(url("privacy"), {"privacy": "on"})

    return prepare


def pages(o):
    """(name of the URL, kind, label, URL, prepare) for every page timed."""
    search = reverse("directory:search")
    out = [
        ("directory:home", "home", "home", "/", None),
        ("directory:search", "search, no filter", "-", search, None),
        ("directory:search", "search, text", "bambini", search + "?q=bambini", None),
        (
            "directory:search",
            "category",
            o["category"].slug,
            f"{search}?categoria={o['category'].slug}",
            None,
        ),
        ("directory:search", "zone", o["zone"].slug, f"{search}?zona={o['zone'].slug}", None),
        (
            "directory:search",
            "municipality",
            o["city"].name,
            f"{search}?comune={o['city'].istat_code}",
            None,
        ),
        (
            "directory:place_search",
            "place search, one match",
            o["city"].name,
            reverse("directory:place_search") + f"?dove={o['city'].name}",
            None,
        ),
        (
            "directory:place_search",
            "place search, choices",
            "san",
            reverse("directory:place_search") + "?dove=san",
            None,
        ),
        (
            "directory:place_suggestions",
            "place suggestions",
            "mil",
            reverse("directory:place_suggestions") + "?dove=mil",
            None,
        ),
    ]
    for key in ("big_org", "small_org"):
        out.append(
            ("directory:organization_detail", "organization", key, o[key].get_absolute_url(), None)
        )
    for key in ("many_places", "one_place"):
        activity = o[key]
        out.append(
            ("directory:activity_detail", "activity", key, activity.get_absolute_url(), None)
        )
        out.append(
            (
                "directory:activity_qr",
                "activity QR",
                key,
                reverse("directory:activity_qr", kwargs={"slug": activity.slug}),
                None,
            )
        )
    for count in (5, 50):
        out.append(
            (
                "directory:my_list",
                "my list",
                f"{count} items",
                reverse("directory:my_list"),
                keep_list(count, o["list"]),
            )
        )
        slugs = ",".join(slug for _pk, slug in o["list"][:count])
        out.append(
            (
                "directory:my_list_shared",
                "my list shared",
                f"{count} items",
                reverse("directory:my_list_shared") + f"?a={slugs}",
                None,
            )
        )
    out.append(("directory:call_list", "calls", "list", reverse("directory:call_list"), None))
    for key in ("big_call", "small_call"):
        if o[key]:
            out.append(("directory:call_detail", "call", key, o[key].get_absolute_url(), None))
    out.append(("sportelli:desk_list", "desks", "list", reverse("sportelli:desk_list"), None))
    for key in ("busy_desk", "quiet_desk"):
        desk = o[key]
        if desk is None:  # a database without desks (the national one holds none)
            continue
        out.append(("sportelli:desk_detail", "desk", key, desk.get_absolute_url(), None))
        for step in BOOKING_STEPS:
            name = f"sportelli:booking_{step}"
            out.append(
                (
                    name,
                    f"booking: {step}",
                    key,
                    reverse(name, kwargs={"slug": desk.slug}),
                    walk_to_summary(desk),
                )
            )
    if o["booking"]:
        for name in ("booking_done", "booking_ics", "booking_cancel"):
            out.append(
                (
                    f"sportelli:{name}",
                    f"booking: {name[8:]}",
                    "booked",
                    reverse(f"sportelli:{name}", kwargs={"token": o["booking"].cancel_token}),
                    None,
                )
            )
    for name in ("accessibility", "privacy", "legal", "contacts", "site_map", "open_data_api"):
        out.append((f"pages:{name}", "static page", name, reverse(f"pages:{name}"), None))
    out += api_pages(o)
    out += [
        ("sitemap", "sitemap index", "-", "/sitemap.xml", None),
        (
            "django.contrib.sitemaps.views.sitemap",
            "sitemap section",
            "activities, first",
            "/sitemap-activities.xml",
            None,
        ),
        (
            "django.contrib.sitemaps.views.sitemap",
            "sitemap section",
            "activities, page 100",
            "/sitemap-activities.xml?p=100",
            None,
        ),
        ("login", "sign-in", "form", reverse("login"), None),
    ]
    return out


def api_pages(o):
    """The HSDA read API's lists (p95 ≤ 100 ms at national scale, issue 16) and documents."""
    category = o["category"]
    city = o["city"]
    lists = [
        ("hsda:services", "first page", {}),
        ("hsda:services", "200 a page", {"per_page": "200"}),
        ("hsda:services", "page 1000", {"page": "1000"}),
        ("hsda:services", "whole documents", {"full": "true"}),
        ("hsda:services", "minimal, 200", {"minimal": "true", "per_page": "200"}),
        ("hsda:services", "search", {"search": "doposcuola"}),
        ("hsda:services", "term", {"taxonomy_term_id": str(category.uuid)}),
        ("hsda:services", "taxonomy", {"taxonomy_id": str(category.taxonomy.uuid)}),
        ("hsda:services", "modified after", {"modified_after": "2026-01-01"}),
        (
            "hsda:services",
            "proximity",
            {"lat": str(city.latitude or 45.46), "long": str(city.longitude or 9.19)}
            | {"proximity": "5000"},
        ),
        ("hsda:services_at_locations", "first page", {}),
        ("hsda:services_at_locations", "page 500", {"page": "500"}),
        ("hsda:services_at_locations", "page 10000", {"page": "10000"}),
        ("hsda:services_at_locations", "whole documents", {"full": "true"}),
        ("hsda:organizations", "first page", {}),
        ("hsda:organizations", "whole documents", {"full": "true"}),
        ("hsda:organizations", "search", {"search": "associazione"}),
        ("hsda:taxonomies", "all", {}),
        ("hsda:taxonomy_terms", "first page", {}),
    ]
    out = [
        (name, f"api: {name[5:]}", label, reverse(name) + "?" + urlencode(query), None)
        for name, label, query in lists
    ]
    big, small = o["big_org"], o["many_places"]
    out += [
        ("hsda:root", "api: root", "-", reverse("hsda:root"), None),
        ("hsda:openapi", "api: openapi", "-", reverse("hsda:openapi"), None),
        ("hsda:organization", "api: organization", "big", _api("organization", big.uuid), None),
        ("hsda:service", "api: service", "many places", _api("service", small.uuid), None),
        (
            "hsda:service_at_location",
            "api: service at location",
            "many places",
            _api("service_at_location", service_at_location_id(small, small.locations.first())),
            None,
        ),
    ]
    return out


def _api(name, identifier):
    return reverse(f"hsda:{name}", kwargs={"id": str(identifier)})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--once-over", type=float, default=5000, help="ms; measured once above")
    parser.add_argument("--only", help="kinds of page containing this text")
    args = parser.parse_args()
    o = objects()
    todo = pages(o)
    missing = set(public_names()) - {p[0] for p in todo} - set(NOT_PAGES)
    if missing:
        print(f"PUBLIC URLS NOT MEASURED (add them to pages()): {sorted(missing)}")
    client = Client(raise_request_exception=False)
    results = []
    for name, kind, label, url, prepare in todo:
        if args.only and args.only not in kind:
            continue
        result = measure(client, kind, label, url, args.repeat, args.once_over, prepare)
        results.append(result | {"name": name})
    save("site", results, vars(args) | {"not_measured": sorted(missing)})


if __name__ == "__main__":
    main()
