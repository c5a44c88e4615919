"""Every public page's query count: the same with a small world and with one ten times larger, and
pinned, so that an N+1 (a count that grows with the rows) and a regression (one more query on
every request) both fail here. A new public URL fails ``test_every_public_url_is_counted`` until it
is listed in ``PAGES`` (or, with a reason, in ``NOT_PAGES``)."""

import datetime

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from directory import my_list
from directory.models import Activity, Language, TargetGroup, Weekday, Zone
from directory.search import rebuild_search_index
from sportelli.slots import bookable_window, desk_slots
from tests.factories import (
    ActivityFactory,
    BookingFactory,
    DeskExceptionFactory,
    DeskFactory,
    DeskOpeningSlotFactory,
    EventFactory,
    EventSessionFactory,
    EventSignupFactory,
    LocationFactory,
    MunicipalityFactory,
    NetworkActionFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OpeningSlotFactory,
    OrganizationFactory,
    ScheduleExceptionFactory,
    VolunteeringCallFactory,
    category,
)

# Free slots, today's hours and the bookable window depend on the day: pinned.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

SMALL, LARGE = 3, 30
CATEGORIES = ["laboratori", "sport", "socialita", "diritto-istruzione", "genitorialita"]


class World:
    """Organizations, activities, desks and calls, each with places, hours, categories and
    languages; the first of each (the one the detail pages show) gains a row of every relation
    with each step, so detail pages grow too."""

    def __init__(self):
        self.size = 0
        self.zone = Zone.objects.create(name="Ambito del Corsichese", slug="corsichese")
        self.organization = OrganizationFactory(name="Oratorio San Luigi", slug="oratorio")
        self.activity = ActivityFactory(
            organization=self.organization, title="Doposcuola", slug="doposcuola"
        )
        self.desk = DeskFactory(
            name="Sportello Pagnana", slug="sportello-pagnana", host_organization=self.organization
        )
        self.call = VolunteeringCallFactory(
            organization=self.organization, title="Aiuto compiti", slug="aiuto-compiti"
        )
        self.event = EventFactory(
            organization=self.organization,
            activity=self.activity,
            slug="laboratorio-natale",
            admission="sign_up",
            capacity=100,
        )
        self.network = NetworkFactory(name="LINK", slug="link", lead_organization=self.organization)
        self.network.zones.add(self.zone)
        NetworkMembershipFactory(
            network=self.network, organization=self.organization, role="capofila"
        )
        self.session = None
        self.signup = None
        self.booking = None
        self.languages = list(Language.objects.order_by("pk"))
        # A desk speaking Arabic from the start: an Arabic reader's list is filtered at both sizes.
        self.desk.languages.add(Language.objects.get(code="ar"))
        self.target_groups = list(TargetGroup.objects.order_by("pk"))
        self.grow(SMALL)

    def grow(self, size):
        for n in range(self.size, size):
            self._add(n)
        self.size = size
        rebuild_search_index()

    def _add(self, n):
        municipality = MunicipalityFactory(istat_code=f"9{n:05d}", name=f"Comune {n}")
        self.zone.municipalities.add(municipality)
        organization = OrganizationFactory()
        location = LocationFactory(organization=organization, municipality=municipality)
        activity = ActivityFactory(
            organization=organization, categories=[category(CATEGORIES[n % len(CATEGORIES)])]
        )
        activity.locations.add(location)
        activity.languages.add(self.languages[n % len(self.languages)])
        activity.target_groups.add(self.target_groups[n % len(self.target_groups)])
        OpeningSlotFactory(activity=activity, weekday=n % 7 + 1)
        desk = DeskFactory(host_organization=organization, location=location)
        desk.languages.add(self.languages[n % len(self.languages)])
        DeskOpeningSlotFactory(desk=desk)
        VolunteeringCallFactory(organization=organization, municipality=municipality)
        # A session a day of this week and the next (the calendar's week is 30 Nov - 6 Dec),
        # in the zone, for the first age band and one of the categories.
        event = EventFactory(
            organization=organization,
            min_age=0,
            max_age=11,
            categories=[category(CATEGORIES[n % len(CATEGORIES)])],
        )
        event.languages.add(self.languages[n % len(self.languages)])
        EventSessionFactory(
            event=event,
            location=location,
            date=datetime.date(2026, 11, 30 + n % 7)
            if n % 7 == 0
            else datetime.date(2026, 12, n % 7),
        )

        other_network = NetworkFactory(lead_organization=organization)
        other_network.zones.add(self.zone)
        NetworkMembershipFactory(network=other_network, organization=organization)

        # The pages' own objects gain one of everything.
        self.network.municipalities.add(municipality)
        role = ["partner", "firmatario", "punto_accesso"][n % 3]
        NetworkMembershipFactory(network=self.network, organization=organization, role=role)
        action = NetworkActionFactory(network=self.network)
        action.targets.create(name=f"Famiglie {n}", unit="famiglie", value=n + 10)
        focus_location = LocationFactory(
            organization=self.organization, name=f"Sede {n}", municipality=municipality
        )
        self.activity.locations.add(focus_location)
        self.activity.categories.add(category(CATEGORIES[n % len(CATEGORIES)]))
        self.activity.languages.add(self.languages[n % len(self.languages)])
        self.activity.target_groups.add(self.target_groups[n % len(self.target_groups)])
        OpeningSlotFactory(
            activity=self.activity,
            weekday=n % 7 + 1,
            opens_at=datetime.time(8 + n // 7),
            closes_at=datetime.time(9 + n // 7),
        )
        ScheduleExceptionFactory(
            activity=self.activity, date=datetime.date(2026, 12, 3) + datetime.timedelta(days=n)
        )
        self.event.languages.add(self.languages[n % len(self.languages)])
        self.event.categories.add(category(CATEGORIES[n % len(CATEGORIES)]))
        session = EventSessionFactory(
            event=self.event,
            location=focus_location,
            date=datetime.date(2026, 12, 3) + datetime.timedelta(days=n),
        )
        self.session = self.session or session
        # The session the sign-up pages show gains a family (and a waiting one) each step.
        self.signup = EventSignupFactory(session=self.session)
        EventSignupFactory(session=self.session, status="waiting")
        own = ActivityFactory(organization=self.organization)
        own.locations.add(focus_location)
        OpeningSlotFactory(activity=own, weekday=Weekday.MONDAY)
        VolunteeringCallFactory(organization=self.organization)
        DeskOpeningSlotFactory(
            desk=self.desk,
            weekday=n % 5 + 1,
            opens_at=datetime.time(8 + n // 5, 0),
            closes_at=datetime.time(8 + n // 5, 30),
        )
        DeskExceptionFactory(
            desk=self.desk, date=datetime.date(2027, 1, 4) + datetime.timedelta(days=n)
        )
        self.booking = BookingFactory(desk=self.desk)

    def slugs(self):
        return Activity.objects.order_by("pk").values_list("slug", flat=True)


@pytest.fixture
def world():
    return World()


def _in_arabic(name):
    with translation.override("ar"):
        return reverse(name)


def _desk(name):
    return lambda world: reverse(f"sportelli:{name}", kwargs={"slug": world.desk.slug})


def _booking(name):
    return lambda world: reverse(f"sportelli:{name}", kwargs={"token": world.booking.cancel_token})


def _signup(name):
    return lambda world: reverse(f"directory:{name}", kwargs={"token": world.signup.cancel_token})


# name -> (the page's URL in a world, the pinned query count)
PAGES = {
    # With the cache emptied: the needs without counts and the recompute's enqueue (with the
    # figures stored by the worker, none: tests/directory/test_home.py).
    "directory:home": (lambda world: reverse("directory:home"), 3),
    "directory:search": (lambda world: reverse("directory:search"), 7),
    # Words: with the cache emptied, the thesaurus's table is read too (two queries, once per
    # process and change: directory/search/thesaurus.py). Any words: the events holding them,
    # one query, and, since an event of the world holds "laboratorio", their coming sessions'
    # keys and rows, two more (directory/event_search.py).
    "directory:search (text)": (lambda world: reverse("directory:search") + "?q=laboratorio", 14),
    # No activity holds both words: the count again for one of them (all the words but one,
    # counted before any probe: directory/search/forgiving.py ``first_tries``; 14 with the probe).
    "directory:search (some words)": (
        lambda world: reverse("directory:search") + "?q=doposcuola+xqzwv",
        13,
    ),
    # A time named: the sessions of that day, their keys and rows; the activities' search as
    # for words.
    "directory:search (a time)": (
        lambda world: reverse("directory:search") + "?q=questo+sabato",
        10,
    ),
    # A language named in the words: the language filter, no words left.
    "directory:search (language in the words)": (
        lambda world: reverse("directory:search") + "?q=in+inglese",
        8,
    ),
    "directory:search (category)": (
        lambda world: reverse("directory:search") + "?categoria=laboratori",
        7,
    ),
    "directory:search (zone)": (
        lambda world: reverse("directory:search") + f"?zona={world.zone.slug}",
        8,
    ),
    "directory:search (municipality)": (
        lambda world: reverse("directory:search") + "?comune=900000",
        8,
    ),
    # Nothing found in a municipality: the way out adds its desks (one query, at most three).
    "directory:search (nothing found)": (
        lambda world: reverse("directory:search") + "?q=equitazione&comune=900000",
        11,
    ),
    # Only the activities already running: one more condition, no more queries.
    "directory:search (running now)": (
        lambda world: reverse("directory:search") + "?categoria=laboratori&attive_ora=1",
        7,
    ),
    # The finder's second step, narrowed to an age band: from the stored figures, no query.
    "directory:home (finder by age)": (
        lambda world: reverse("directory:home") + "?passo=2&fascia=0-3",
        3,
    ),
    # A typed place that several municipalities' names begin with (a list of choices that grows
    # with the data), and the names suggested as you type.
    "directory:place_search": (lambda world: reverse("directory:place_search") + "?dove=Comune", 4),
    "directory:place_suggestions": (
        lambda world: reverse("directory:place_suggestions") + "?dove=Com",
        2,
    ),
    # With its coming events (one query, at most five sessions).
    "directory:activity_detail": (lambda world: world.activity.get_absolute_url(), 8),
    "directory:activity_qr": (
        lambda world: reverse("directory:activity_qr", kwargs={"slug": world.activity.slug}),
        1,
    ),
    # The printable sheets: the activity with its organization, then its target groups,
    # languages, places (with their towns) and hours; the PDF the same (then drawn, or read
    # from the page cache: no query).
    "directory:activity_sheet": (
        lambda world: reverse("directory:activity_sheet", args=[world.activity.slug]),
        5,
    ),
    "directory:activity_sheet_pdf": (
        lambda world: reverse("directory:activity_sheet_pdf", args=[world.activity.slug]),
        5,
    ),
    # The activities a page at a time, the coming events (one query), its roles in networks
    # (one query, with the networks).
    "directory:organization_detail": (lambda world: world.organization.get_absolute_url(), 11),
    "directory:organization_detail (page)": (
        lambda world: world.organization.get_absolute_url() + "?pagina=2",
        11,
    ),
    # The sessions of the week: the categories of the filter, the count, the page (each with its
    # event, organization, place and town); a place, a category adds its look-up.
    "directory:event_calendar": (lambda world: reverse("directory:event_calendar"), 3),
    "directory:event_calendar (page)": (
        lambda world: reverse("directory:event_calendar") + "?vista=mese&pagina=2",
        3,
    ),
    "directory:event_calendar (day)": (
        lambda world: reverse("directory:event_calendar") + "?vista=giorno&data=2026-12-03",
        3,
    ),
    "directory:event_calendar (municipality)": (
        lambda world: reverse("directory:event_calendar") + "?comune=900000",
        4,
    ),
    "directory:event_calendar (zone)": (
        lambda world: reverse("directory:event_calendar") + f"?zona={world.zone.slug}",
        4,
    ),
    "directory:event_calendar (age and category)": (
        lambda world: reverse("directory:event_calendar") + "?fascia=6-11&categoria=laboratori",
        4,
    ),
    # The event, its activity still public, its coming sessions, categories and languages.
    "directory:event_detail": (lambda world: world.event.get_absolute_url(), 6),
    "directory:event_ics": (
        lambda world: reverse("directory:event_ics", args=[world.event.slug]),
        2,
    ),
    "directory:organization_events_ics": (
        lambda world: reverse("directory:organization_events_ics", args=[world.organization.slug]),
        2,
    ),
    # The zone (or network), then its coming sessions with their events and places.
    "directory:zone_events_ics": (
        lambda world: reverse("directory:zone_events_ics", args=[world.zone.slug]),
        2,
    ),
    "directory:network_events_ics": (
        lambda world: reverse("directory:network_events_ics", args=[world.network.slug]),
        2,
    ),
    # The session with its event, organization and place; the places taken (one sum).
    "directory:event_signup": (
        lambda world: reverse(
            "directory:event_signup", args=[world.event.slug, world.session.uuid]
        ),
        2,
    ),
    # A family's own pages, by their token: the sign-up with its session, event and place.
    "directory:signup_done": (_signup("signup_done"), 1),
    "directory:signup_ics": (_signup("signup_ics"), 1),
    "directory:signup_cancel": (_signup("signup_cancel"), 1),
    "directory:my_list": (lambda world: reverse("directory:my_list"), 5),
    # The session, then the list's activities with their organizations, hours and places.
    "directory:my_list_sheet": (lambda world: reverse("directory:my_list_sheet"), 5),
    "directory:my_list_sheet_pdf": (lambda world: reverse("directory:my_list_sheet_pdf"), 5),
    "directory:my_list_shared": (
        lambda world: reverse("directory:my_list_shared") + "?a=" + ",".join(world.slugs()),
        4,
    ),
    # A page of calls: the count, the slice, and its organizations and towns by key (prefetched:
    # a join fetched them for every call before the page); a place adds its look-up. Page 2 is
    # beyond the last in the small world (the first page, with a notice) and a real page in the
    # large one.
    "directory:call_list": (lambda world: reverse("directory:call_list"), 4),
    "directory:call_list (page)": (lambda world: reverse("directory:call_list") + "?pagina=2", 4),
    "directory:call_list (municipality)": (
        lambda world: reverse("directory:call_list") + "?comune=900000",
        5,
    ),
    "directory:call_list (zone)": (
        lambda world: reverse("directory:call_list") + f"?zona={world.zone.slug}",
        5,
    ),
    "directory:call_detail": (lambda world: world.call.get_absolute_url(), 1),
    # A page of networks: the count, the page with its lead organizations and members counted,
    # their zones.
    "directory:network_list": (lambda world: reverse("directory:network_list"), 3),
    "directory:network_list (page)": (
        lambda world: reverse("directory:network_list") + "?pagina=2",
        3,
    ),
    # The network with its lead, then its zones, municipalities, members, actions and targets.
    "directory:network_detail": (lambda world: world.network.get_absolute_url(), 6),
    # The filters' topics and languages, a page of desks (count, rows, then by key their towns,
    # organizations, places, topics and languages), and the place's look-up when one is given.
    "sportelli:desk_list": (lambda world: reverse("sportelli:desk_list"), 9),
    "sportelli:desk_list (page)": (lambda world: reverse("sportelli:desk_list") + "?pagina=2", 9),
    "sportelli:desk_list (municipality)": (
        lambda world: reverse("sportelli:desk_list") + "?comune=900000",
        10,
    ),
    "sportelli:desk_list (zone)": (
        lambda world: reverse("sportelli:desk_list") + f"?zona={world.zone.slug}",
        10,
    ),
    "sportelli:desk_list (language)": (
        lambda world: reverse("sportelli:desk_list") + f"?lingua={world.languages[0].code}",
        10,
    ),
    # A reader in Arabic: whether a desk speaks Arabic, then the list filtered by it.
    "sportelli:desk_list (reader in Arabic)": (lambda world: _in_arabic("sportelli:desk_list"), 11),
    "sportelli:desk_detail": (_desk("desk_detail"), 5),
    # The desk with its town, host and place (and the place's town), its hours and languages.
    "sportelli:desk_sheet": (_desk("desk_sheet"), 3),
    "sportelli:desk_sheet_pdf": (_desk("desk_sheet_pdf"), 3),
    "sportelli:booking_channel": (_desk("booking_channel"), 2),
    "sportelli:booking_slot": (_desk("booking_slot"), 5),
    "sportelli:booking_details": (_desk("booking_details"), 5),
    "sportelli:booking_privacy": (_desk("booking_privacy"), 2),
    "sportelli:booking_summary": (_desk("booking_summary"), 6),
    "sportelli:booking_done": (_booking("booking_done"), 1),
    "sportelli:booking_ics": (_booking("booking_ics"), 1),
    "sportelli:booking_cancel": (_booking("booking_cancel"), 1),
    "pages:accessibility": (lambda world: reverse("pages:accessibility"), 0),
    "pages:privacy": (lambda world: reverse("pages:privacy"), 0),
    "pages:legal": (lambda world: reverse("pages:legal"), 0),
    "pages:contacts": (lambda world: reverse("pages:contacts"), 0),
    "pages:site_map": (lambda world: reverse("pages:site_map"), 0),
    # What the published dump holds is read from its manifest, a file: no query.
    "pages:open_data": (lambda world: reverse("pages:open_data"), 0),
    "pages:open_data_api": (lambda world: reverse("pages:open_data_api"), 0),
    # The index reads each big section's smallest and largest key (its files are key ranges; no
    # newest change: directory.sitemaps.UpdatedAtLastmod); a section's file reads a page. The
    # events with a coming session are counted (one query).
    "sitemap": (lambda world: "/sitemap.xml", 6),
    "django.contrib.sitemaps.views.sitemap": (lambda world: "/sitemap-activities.xml", 2),
    "login": (lambda world: reverse("login"), 0),
}

# Open to anonymous visitors but no page to count, and why.
NOT_PAGES = {
    "set_language": "a POST that redirects",
    # For the machines that run the site: tests/linkrete/test_health.py pins /healthz at 0
    # queries and /readyz at 1; /metrics answers 404 unless enabled (test_metrics.py).
    "healthz": "the process's probe (tests/linkrete/test_health.py)",
    "readyz": "the readiness probe (tests/linkrete/test_health.py)",
    "metrics": "Prometheus's, off by default (tests/linkrete/test_metrics.py)",
    "pages:open_data_dump": "a file, no query (tests/directory/test_hsds_dump.py)",
    "directory:my_list_add": "a POST that redirects",
    "directory:my_list_remove": "a POST that redirects",
    "directory:activity_report_problem": "a POST (the form is on the activity's page)",
    "directory:remember_place": "sets or forgets the remembered municipality and redirects",
    # The HSDA read API: JSON, its query counts pinned at two data sizes and two page sizes
    # in tests/directory/test_hsda_api.py.
    **{
        f"hsda:{name}": "the HSDA API (tests/directory/test_hsda_api.py)"
        for name in (
            "root",
            "openapi",
            "services",
            "service",
            "services_at_locations",
            "service_at_location",
            "organizations",
            "organization",
            "location",
            "taxonomies",
            "taxonomy",
            "taxonomy_terms",
            "taxonomy_term",
        )
    },
    # The staff area's sign-in and account pages: a form or a token, no data of the portal.
    "admin:login": "the staff area's sign-in",
    "staff:invitation_open": "the staff area's account pages",
    "staff:invitation_accept": "the staff area's account pages",
    "staff:invitation_done": "the staff area's account pages",
    "staff:password_reset": "the staff area's account pages",
    "staff:password_reset_done": "the staff area's account pages",
    "staff:password_reset_confirm": "the staff area's account pages",
    "staff:password_reset_complete": "the staff area's account pages",
}


BOOKING_STEPS = {
    f"sportelli:booking_{step}" for step in ("channel", "slot", "details", "privacy", "summary")
}


def _prepare(client, world, name):
    """What a visitor has done before opening the page (a list kept, a booking begun), from a
    fresh session each time."""
    client.cookies.clear()
    if name in ("directory:my_list", "directory:my_list_sheet", "directory:my_list_sheet_pdf"):
        session = client.session
        session[my_list.SESSION_KEY] = list(
            Activity.objects.order_by("pk").values_list("pk", flat=True)
        )
        session.save()
    if name in BOOKING_STEPS:
        walk_to_summary(client, world.desk)


def walk_to_summary(client, desk):
    def url(step):
        return reverse(f"sportelli:{step}", kwargs={"slug": desk.slug})

    slot = desk_slots(desk, *bookable_window(desk))[0]
    client.post(url("booking_channel"), {"channel": "in_person"})
    client.post(url("booking_slot"), {"slot": slot.key})
    details = {
        "name": "Giulia Verdi",
        "phone": "3471112233",
        "topic": category("digital-divide").pk,
    }
    client.post(url("booking_details"), details)
    response = client.post(url("booking_privacy"), {"privacy": "on"})
    assert response.url == url("booking_summary")


def count_queries(client, world, name):
    url = PAGES[name][0](world)
    _prepare(client, world, name)
    cache.clear()
    # The view itself, not its cached copy (tests/linkrete/test_page_cache.py pins a hit at 0).
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    assert response.get("X-Page-Cache") != "hit", url
    return len(context.captured_queries)


@pytest.mark.parametrize("name", list(PAGES))
def test_the_query_count_does_not_grow_with_the_data(client, world, name):
    small = count_queries(client, world, name)
    world.grow(LARGE)
    large = count_queries(client, world, name)
    assert (small, large) == (PAGES[name][1], PAGES[name][1])


def _is_public(pattern):
    """Named and marked ``login_not_required`` (LoginRequiredMiddleware guards the rest)."""
    return bool(pattern.name) and getattr(pattern.callback, "login_required", True) is False


def _names(resolver, namespace=""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _names(pattern, inner)
        elif isinstance(pattern, URLPattern) and _is_public(pattern):
            yield f"{namespace}{pattern.name}"


def test_every_public_url_is_counted():
    counted = {name.split(" ")[0] for name in PAGES}
    assert set(_names(get_resolver())) == counted | set(NOT_PAGES)
