"""Events as iCalendar files (RFC 5545, written with ``linkrete.ics``): one file per event
with all its sessions, one feed per organization, per zone and per network. A session is one
VEVENT whose UID stays the same when it is moved or cancelled, so calendars that subscribed
update it in place."""

from django.utils import timezone
from django.utils.translation import gettext as _

from linkrete.ics import calendar, escape, utc


def _where(session) -> str:
    location = session.location
    if location is None:
        return session.online_url
    parts = [location.name, location.address]
    if location.municipality_id:
        parts.append(location.municipality.name)
    return ", ".join(part for part in parts if part)


def _session_lines(event, session, url: str, stamp: str) -> list[str]:
    cancelled = session.status == session.Status.CANCELLED or event.is_cancelled
    notes = [event.summary or event.title]
    if cancelled:
        notes.insert(0, _("Cancelled."))
    if session.moved_from:
        notes.append(_("Moved from %(date)s.") % {"date": session.moved_from.strftime("%d/%m/%Y")})
    if session.note:
        notes.append(session.note)
    notes.append(url)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{session.uuid}@linkrete",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{utc(session.starts())}",
        f"DTEND:{utc(session.ends())}",
        "SUMMARY:" + escape(event.title),
        "DESCRIPTION:" + escape("\n".join(notes)),
        "STATUS:" + ("CANCELLED" if cancelled else "CONFIRMED"),
        "URL:" + url,
    ]
    if where := _where(session):
        lines.append("LOCATION:" + escape(where))
    lines.append("END:VEVENT")
    return lines


def event_calendar(event, sessions, request) -> str:
    url = request.build_absolute_uri(event.get_absolute_url())
    stamp = utc(timezone.now())
    lines = []
    for session in sessions:
        lines += _session_lines(event, session, url, stamp)
    return calendar(lines, product="Eventi", name=event.title)


def organization_calendar(organization, sessions, request) -> str:
    """``sessions`` with their events (``select_related("event")``)."""
    name = _("Events of %(organization)s") % {"organization": organization.name}
    return feed_calendar(name, sessions, request)


def feed_calendar(name: str, sessions, request) -> str:
    """A feed of sessions of several events (an organization's, a zone's, a network's):
    ``sessions`` with their events (``select_related("event")``)."""
    stamp = utc(timezone.now())
    urls = {}
    lines = []
    for session in sessions:
        event = session.event
        if event.pk not in urls:
            urls[event.pk] = request.build_absolute_uri(event.get_absolute_url())
        lines += _session_lines(event, session, urls[event.pk], stamp)
    return calendar(lines, product="Eventi", name=name)


def signup_calendar(signup, *, page_url: str, cancel_url: str) -> str:
    """One family's sign-up as a calendar file: the session, the code and how to cancel; no
    name or contact. Its own UID: it is the family's entry, not the event's feed."""
    session = signup.session
    event = session.event
    notes = [
        _("Sign-up code: %(code)s") % {"code": signup.code},
        _("Organized by %(organization)s") % {"organization": event.organization.name},
    ]
    if signup.status == signup.Status.WAITING:
        notes.insert(0, _("On the waiting list: not a place yet."))
    notes.append(_("Cannot come? Cancel here: %(url)s") % {"url": cancel_url})
    lines = [
        "BEGIN:VEVENT",
        f"UID:{signup.code}@linkrete",
        f"DTSTAMP:{utc(timezone.now())}",
        f"DTSTART:{utc(session.starts())}",
        f"DTEND:{utc(session.ends())}",
        "SUMMARY:" + escape(event.title),
        "DESCRIPTION:" + escape("\n".join(notes)),
        "STATUS:" + ("TENTATIVE" if signup.status == signup.Status.WAITING else "CONFIRMED"),
        "URL:" + page_url,
    ]
    if where := _where(session):
        lines.append("LOCATION:" + escape(where))
    lines += [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:" + escape(event.title),
        "TRIGGER:-P1D",
        "END:VALARM",
        "END:VEVENT",
    ]
    return calendar(lines, product="Eventi")
