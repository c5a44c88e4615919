"""A minimal iCalendar (RFC 5545) file for one appointment, without personal data.

Written in the active language (the request's: the page that links the file), with what a
person needs on the day: where, the desk's phone, the booking code, how to cancel, and a
reminder the day before.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

LINE_OCTETS = 75  # RFC 5545 §3.1: lines longer than this are folded


def _escape(text: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline escaped."""
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space, never inside a
    multi-byte character."""
    if len(line.encode()) <= LINE_OCTETS:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode()
        # A continuation line starts with the space, which counts.
        if len(current) + len(piece) > (LINE_OCTETS if not parts else LINE_OCTETS - 1):
            parts.append(current.decode())
            current = b""
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)


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
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Linkrete//Sportelli//IT",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{booking.code}@linkrete",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(booking.starts_at)}",
        f"DTEND:{_utc(booking.ends_at)}",
        "SUMMARY:" + _escape(summary),
        "DESCRIPTION:" + _escape("\n".join(notes)),
    ]
    if where:
        lines.append("LOCATION:" + _escape(where))
    if desk.phone:
        lines.append("CONTACT:" + _escape(desk.phone))
    if cancel_url:
        lines.append("URL:" + cancel_url)
    lines += [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:" + _escape(summary),
        "TRIGGER:-P1D",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
