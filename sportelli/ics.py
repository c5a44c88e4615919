"""A minimal iCalendar (RFC 5545) file for one appointment, without personal data.

Written in the active language (the request's: the page that links the file), with what a
person needs on the day: where, the desk's phone, the booking code, how to cancel, and a
reminder the day before.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from linkrete.ics import calendar, escape, utc


def booking_calendar(booking, *, cancel_url: str = "") -> str:
    """The appointment as a calendar file; ``cancel_url``: the absolute link to cancel it."""
    desk = booking.desk
    where = ""
    if booking.channel == "in_person" and desk.location:
        where = ", ".join(p for p in [desk.location.address, desk.municipality.name] if p)
    summary = _("Appointment at %(desk)s") % {"desk": desk.name}
    notes = [_("Booking code: %(code)s") % {"code": booking.code}]
    if desk.phone:
        notes.append(_("Desk phone: %(phone)s") % {"phone": desk.phone})
    if cancel_url:
        notes.append(_("Cannot come? Cancel here: %(url)s") % {"url": cancel_url})
    lines = [
        "BEGIN:VEVENT",
        f"UID:{booking.code}@linkrete",
        f"DTSTAMP:{utc(timezone.now())}",
        f"DTSTART:{utc(booking.starts_at)}",
        f"DTEND:{utc(booking.ends_at)}",
        "SUMMARY:" + escape(summary),
        "DESCRIPTION:" + escape("\n".join(notes)),
    ]
    if where:
        lines.append("LOCATION:" + escape(where))
    if desk.phone:
        lines.append("CONTACT:" + escape(desk.phone))
    if cancel_url:
        lines.append("URL:" + cancel_url)
    lines += [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:" + escape(summary),
        "TRIGGER:-P1D",
        "END:VALARM",
        "END:VEVENT",
    ]
    return calendar(lines, product="Sportelli")
