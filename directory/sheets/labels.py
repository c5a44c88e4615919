"""The sheet's words in the reader's language and in Italian, side by side.

Listings are written in Italian; a family reads the sheet in its own language and hands it to an
operator who reads Italian. So every heading carries its Italian beside it when the reader's
language is another, and so do the days of the opening hours. The listing's own texts (names,
addresses, descriptions) are shown as written, marked ``lang="it"``.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext_lazy as _

from directory.templatetags.site_tags import LISTINGS_LANGUAGE


@dataclass(frozen=True)
class Bilingual:
    """A text in the reader's language, and its Italian when that differs ("" otherwise)."""

    text: str
    italian: str = ""


def reads_italian() -> bool:
    return (get_language() or LISTINGS_LANGUAGE).split("-")[0] == LISTINGS_LANGUAGE


def both(message) -> Bilingual:
    """A lazily translated message in the current language and in Italian."""
    text = str(message)
    if reads_italian():
        return Bilingual(text)
    with translation.override(LISTINGS_LANGUAGE):
        italian = str(message)
    return Bilingual(text, "" if italian == text else italian)


HEADINGS = {
    "organization": _("Organization"),
    "where": _("Where"),
    "hours": _("Opening hours"),
    "phone": _("Phone"),
    "email": _("E-mail"),
    "website": _("Web page"),
    "who": _("Who it is for"),
    "documents": _("Documents to bring"),
    "cost": _("Cost"),
    "languages": _("Languages spoken"),
    "interpreting": _("Help in other languages"),
    "book": _("Book an appointment"),
    "channels": _("How to meet"),
    "host": _("Hosted by"),
    "scan": _("Scan to open this page"),
    "updated": _("Information verified on"),
    "free": _("Free of charge"),
    "remote": _("This desk works remotely only."),
    "my_list": _("My list"),
    "no_hours": _("No fixed hours: ask by phone or e-mail."),
}


def headings() -> dict[str, Bilingual]:
    return {name: both(message) for name, message in HEADINGS.items()}


def page_language() -> dict:
    """What the sheet's ``<html>`` says: its language and direction, and whether the listing's
    Italian texts must be marked as such."""
    return {
        "sheet_lang": get_language() or LISTINGS_LANGUAGE,
        "sheet_dir": "rtl" if get_language_bidi() else "ltr",
        "reads_italian": reads_italian(),
    }


def weekly_hours(hours, today) -> list[dict]:
    """The days with hours, each named in the reader's language and in Italian, with its
    time ranges (the closed days are left out: a sheet has little room)."""
    return [
        {"day": both(label), "slots": slots}
        for _value, label, slots, _is_today in hours.weekly(today)
        if slots
    ]
