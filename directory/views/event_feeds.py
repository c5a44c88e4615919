"""The iCal feeds of a zone (the public sessions held in its municipalities) and of a network
(the public sessions of its member organizations): what is coming in the next months, bounded,
to subscribe to in a calendar app. Public, no personal data; two queries each."""

import datetime

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.event_ics import feed_calendar
from directory.models import EventSession, Network, NetworkMembership, Zone
from directory.views.events import FEED_SESSIONS, calendar_response

# The window of a zone's or a network's feed: from today, this many days ahead.
FEED_DAYS_AHEAD = 92


def _coming(sessions):
    """Public sessions in the feed's window (cancelled ones too: a subscribed calendar marks
    them cancelled), at most ``FEED_SESSIONS``, with what a VEVENT says."""
    today = timezone.localdate()
    return (
        sessions.public()
        .between(today, today + datetime.timedelta(days=FEED_DAYS_AHEAD))
        .select_related("event", "location__municipality")[:FEED_SESSIONS]
    )


@login_not_required
def zone_events_ics(request, slug):
    zone = get_object_or_404(Zone, slug=slug)
    sessions = _coming(
        EventSession.objects.filter(location__municipality__in=zone.municipalities.values("pk"))
    )
    name = _("Events in %(zone)s") % {"zone": zone.name}
    return calendar_response(feed_calendar(name, sessions, request), f"{zone.slug}-eventi.ics")


@login_not_required
def network_events_ics(request, slug):
    network = get_object_or_404(Network, slug=slug)
    members = NetworkMembership.objects.filter(network=network).values("organization_id")
    sessions = _coming(EventSession.objects.filter(event__organization__in=members))
    name = _("Events of %(network)s") % {"network": network.name}
    return calendar_response(feed_calendar(name, sessions, request), f"{network.slug}-eventi.ics")
