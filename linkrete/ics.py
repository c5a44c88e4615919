"""What every iCalendar (RFC 5545) file the portal writes needs: escaped text, instants in
UTC (no VTIMEZONE to ship), lines folded at 75 octets, and the calendar's envelope. The desks'
appointments (sportelli/ics.py) and the events (directory/event_ics.py) build on it."""

import datetime

LINE_OCTETS = 75  # RFC 5545 §3.1: lines longer than this are folded


def escape(text: str) -> str:
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


def utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
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


def calendar(lines: list[str], *, product: str, name: str = "") -> str:
    """The VCALENDAR around ``lines`` (its components), folded, with CRLF line ends."""
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Linkrete//{product}//IT",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        head.append("X-WR-CALNAME:" + escape(name))
    return "\r\n".join(fold(line) for line in [*head, *lines, "END:VCALENDAR"]) + "\r\n"
