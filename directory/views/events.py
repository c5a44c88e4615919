"""Public events: the calendar by day, week or month, an event's page, and the .ics files (one
per event, one feed per organization). No sign-in; no personal data."""

import datetime

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from directory.event_calendar import VIEWS, CalendarQuery
from directory.event_ics import event_calendar as event_file
from directory.event_ics import organization_calendar
from directory.models import AGE_BANDS, Activity, Category, Event, EventSession, Organization
from directory.seo import event_jsonld
from linkrete.page_cache import cached_page
from linkrete.paging import PAGE_PARAM, paginate

SESSIONS_PER_PAGE = 30
# An event's page lists its coming sessions; a weekly lab over a year has fifty.
EVENT_PAGE_SESSIONS = 60
# An organization's feed: the sessions from a month ago on, at most this many.
FEED_SESSIONS = 500
FEED_PAST_DAYS = 31


def _public_sessions():
    return EventSession.objects.public()


@login_not_required
@cached_page("directory")
def event_calendar(request):
    today = timezone.localdate()
    query = CalendarQuery.from_query(request.GET, today)
    paged = paginate(
        query.narrow(_public_sessions()).for_list(),
        request.GET.get(PAGE_PARAM),
        SESSIONS_PER_PAGE,
    )
    period = query.period
    return render(
        request,
        "directory/event_calendar.html",
        {
            "sessions": paged.page.object_list,
            "page_obj": paged.page,
            "notices": query.notices + paged.notices,
            "query": query,
            "period": period,
            "today": today,
            "today_iso": today.isoformat(),
            "previous_iso": period.previous.isoformat() if period.previous else "",
            "next_iso": period.next.isoformat() if period.next else "",
            "views": VIEWS.items(),
            "age_bands": AGE_BANDS,
            "categories": Category.objects.roots().order_by("name"),
            "meta_title": _("Events"),
            "meta_description": _(
                "Workshops, labs and meetings for families, young and elderly people, "
                "by day, week and month."
            ),
        },
    )


def _public_event(slug):
    return get_object_or_404(
        Event.objects.public().select_related("organization", "activity"), slug=slug
    )


def _event_sessions(event, since):
    return list(
        event.sessions.filter(date__gte=since)
        .select_related("location__municipality")
        .order_by("date", "starts_at", "pk")[:EVENT_PAGE_SESSIONS]
    )


@login_not_required
@cached_page("directory")
def event_detail(request, slug):
    event = _public_event(slug)
    today = timezone.localdate()
    sessions = _event_sessions(event, today)
    activity = event.activity
    if activity is not None and not Activity.objects.public().filter(pk=activity.pk).exists():
        activity = None
    return render(
        request,
        "directory/event_detail.html",
        {
            "event": event,
            "organization": event.organization,
            "activity": activity,
            "sessions": sessions,
            "takes_signups": event.admission == Event.Admission.SIGN_UP and not event.is_cancelled,
            "categories": list(event.categories.all()),
            "languages": list(event.languages.all()),
            "jsonld": event_jsonld(event, request, sessions),
            "meta_title": event.title,
            "meta_description": event.summary or Truncator(event.description).chars(200),
        },
    )


def calendar_response(text, filename):
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_not_required
def event_ics(request, slug):
    event = _public_event(slug)
    sessions = event.sessions.select_related("location__municipality").order_by(
        "date", "starts_at", "pk"
    )
    text = event_file(event, sessions, request)
    return calendar_response(text, f"{event.slug}.ics")


@login_not_required
def organization_events_ics(request, slug):
    organization = Organization.objects.published().filter(slug=slug).first()
    if organization is None:
        raise Http404
    since = timezone.localdate() - datetime.timedelta(days=FEED_PAST_DAYS)
    sessions = (
        EventSession.objects.filter(event__in=organization.events.public().values("pk"))
        .filter(date__gte=since)
        .select_related("event", "location__municipality")
        .order_by("date", "starts_at", "pk")[:FEED_SESSIONS]
    )
    text = organization_calendar(organization, sessions, request)
    return calendar_response(text, f"{organization.slug}-eventi.ics")
