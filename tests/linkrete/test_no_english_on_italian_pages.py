"""No English sentence of ours on an Italian page.

The English msgids of the catalogue whose Italian differs are looked for in the visible text
of the main public pages, rendered in Italian with realistic data: a string that escaped
extraction (a wrapper makemessages does not know, gettext inside an f-string, gettext on a
variable) shows up here in English.
"""

import ast
import datetime
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import polib
import pytest
from django.urls import reverse
from django.utils import translation

from directory import models as directory
from sportelli.models import Booking
from sportelli.slots import bookable_window, desk_slots
from tests.directory.search_world import build_world
from tests.factories import (
    DeskOpeningSlotFactory,
    ScheduleExceptionFactory,
    VolunteeringCallFactory,
    category,
)

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "it" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
# English strings of our code that may rightly show on an Italian page (none so far).
SAME_IN_BOTH: set[str] = set()
SOURCES = ("directory", "sportelli", "famiglie", "linkrete")
# Words an Italian sentence does not use: a string of our code with one of them is English.
ENGLISH_WORDS = set(
    ["the", "at", "of", "to", "and", "your", "you", "is", "are", "was", "for", "with", "from"]
    + ["this", "that", "now", "until", "opens", "open", "next", "here", "please", "not", "any"]
    + ["by", "on", "or"]
)


def _pattern(text: str) -> re.Pattern | None:
    """A pattern for the text, its placeholders matching anything short, or None when the
    text is too short to tell (at least two words and ten letters outside placeholders)."""
    pieces = [" ".join(p.split()) for p in PLACEHOLDER.split(text)]
    literal = " ".join(p for p in pieces if p)
    if len(literal.split()) < 2 or sum(c.isalpha() for c in literal) < 10:
        return None
    pattern = r".{1,80}?".join(re.escape(p).replace(r"\ ", r"\s+") for p in pieces)
    return re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE)


def _catalogue_sentences():
    """The msgids of the catalogue whose Italian differs, and those whose Italian is the same."""
    differ, same = set(), set()
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete:
            continue
        italian = entry.msgstr or " ".join(entry.msgstr_plural.values())
        for msgid in filter(None, [entry.msgid, entry.msgid_plural]):
            (same if msgid == italian else differ).add(msgid)
    return differ, same


def _code_sentences():
    """English strings written in our code, extracted or not: what a wrapper unknown to
    makemessages, or gettext inside an f-string, would show untranslated."""
    found = set()
    for package in SOURCES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    text = node.value
                    words = set(re.findall(r"[a-z]+", text.lower()))
                    if len(text) <= 200 and text.isascii() and words & ENGLISH_WORDS:
                        found.add(text)
    return found


@cache
def english_sentences() -> list[tuple[str, re.Pattern]]:
    """(text, pattern) of each distinctive English sentence of ours: the catalogue's msgids
    translated differently, and the English strings of our code."""
    differ, same = _catalogue_sentences()
    texts = (differ | _code_sentences()) - same - SAME_IN_BOTH
    return [(t, p) for t in sorted(texts) if (p := _pattern(t))]


class VisibleText(HTMLParser):
    """The text a person sees or hears: text outside script and style, and the attributes
    that are shown or read out."""

    SPOKEN = {"alt", "title", "placeholder", "aria-label", "aria-description"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.hidden += 1
        attributes = dict(attrs)
        self.parts += [v for k, v in attributes.items() if k in self.SPOKEN and v]
        if (
            tag == "input"
            and attributes.get("type") in ("submit", "button")
            and attributes.get("value")
        ):
            self.parts.append(attributes["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(response) -> str:
    body = response.content.decode()
    if response["Content-Type"].startswith("text/calendar"):
        # The values people read: SUMMARY, DESCRIPTION, LOCATION… not the property names.
        lines = body.replace("\r\n ", "").split("\r\n")
        return (
            "\n".join(line.split(":", 1)[-1] for line in lines)
            .replace("\\n", "\n")
            .replace("\\", "")
        )
    parser = VisibleText()
    parser.feed(body)
    return " ".join(" ".join(parser.parts).split())


def english_in(text: str) -> list[str]:
    return [msgid for msgid, pattern in english_sentences() if pattern.search(text)]


@pytest.fixture
def public_world(desk, time_machine):
    """Tuesday 1 December 2026, 15:00: the after-school club is open, the job desk opens next
    week, a summer camp starts in June; a desk, a booking and a volunteering call."""
    time_machine.move_to(datetime.datetime(2026, 12, 1, 15, 0, tzinfo=ROME), tick=False)
    world = build_world()
    ScheduleExceptionFactory(activity=world.doposcuola, date=datetime.date(2026, 12, 8))
    world.lavoro.valid_to = datetime.date(2027, 6, 30)
    world.lavoro.save()
    world.calcio.valid_from = datetime.date(2027, 6, 15)
    world.calcio.save()
    desk.phone = "02 4879 7200"
    desk.offers_video = True
    desk.save()
    DeskOpeningSlotFactory(desk=desk, weekday=directory.Weekday.THURSDAY)
    world.desk = desk
    world.call = VolunteeringCallFactory(
        organization=world.doposcuola.organization,
        deadline=datetime.date(2026, 12, 20),
        municipality=world.corsico,
    )
    return world


def booking_pages(client, desk):
    """Each step of a booking, its summary, the done page, the .ics and the cancel page."""

    def url(name):
        return reverse(f"sportelli:{name}", kwargs={"slug": desk.slug})

    yield "channel", client.get(url("booking_channel"))
    client.post(url("booking_channel"), {"channel": "in_person"})
    yield "slot", client.get(url("booking_slot"))
    slot = desk_slots(desk, *bookable_window(desk))[0]
    client.post(url("booking_slot"), {"slot": slot.key})
    yield "details", client.get(url("booking_details"))
    details = {
        "name": "Giulia Verdi",
        "phone": "3471112233",
        "email": "giulia.verdi@example.org",
        "note": "Ho bisogno di aiuto per lo SPID.",
        "topic": category("digital-divide").pk,
    }
    yield (
        "details with errors",
        client.post(url("booking_details"), {**details, "email": "giulia@"}),
    )
    client.post(url("booking_details"), details)
    yield "privacy", client.get(url("booking_privacy"))
    client.post(url("booking_privacy"), {"privacy": "on"})
    yield "summary", client.get(url("booking_summary"))
    done = client.post(url("booking_summary"), follow=True)
    yield "done", done
    token = Booking.objects.get().cancel_token
    yield "ics", client.get(reverse("sportelli:booking_ics", kwargs={"token": token}))
    yield "cancel", client.get(reverse("sportelli:booking_cancel", kwargs={"token": token}))


def public_pages(client, world):
    search = reverse("directory:search")
    yield "home", client.get(reverse("directory:home"))
    yield "finder", client.get(reverse("directory:home"), {"passo": "2", "fascia": "6-10"})
    yield "search", client.get(search)
    yield "search with results", client.get(search, {"q": "doposcuola"})
    yield "search without results", client.get(search, {"q": "equitazione"})
    yield "search filtered to nothing", client.get(search, {"q": "calcio", "comune": "048014"})
    for activity in (world.doposcuola, world.lavoro, world.calcio, world.pacchi):
        yield activity.slug, client.get(activity.get_absolute_url())
    yield (
        "organization",
        client.get(reverse("directory:organization_detail", kwargs={"slug": "arcobaleno"})),
    )
    client.post(reverse("directory:my_list_add"), {"activity": world.doposcuola.slug})
    yield "my list", client.get(reverse("directory:my_list"))
    yield "my list sheet", client.get(reverse("directory:my_list_sheet"))
    yield (
        "activity sheet",
        client.get(reverse("directory:activity_sheet", args=[world.doposcuola.slug])),
    )
    yield "desk sheet", client.get(reverse("sportelli:desk_sheet", args=[world.desk.slug]))
    yield "calls", client.get(reverse("directory:call_list"))
    yield "call", client.get(world.call.get_absolute_url())
    yield "desks", client.get(reverse("sportelli:desk_list"))
    yield "desk", client.get(world.desk.get_absolute_url())
    yield "open data", client.get(reverse("pages:open_data"))
    yield "open data api", client.get(reverse("pages:open_data_api"))
    yield from booking_pages(client, world.desk)


def test_no_english_sentence_of_ours_on_the_italian_pages(client, public_world):
    found = {}
    for name, response in public_pages(client, public_world):
        assert response.status_code == 200, name
        if english := english_in(visible_text(response)):
            found[name] = english
    assert not found


def test_no_public_choice_reads_dashes(client, public_world):
    """An empty choice says what it means ("Tutti i comuni", "Scegli…"), not Django's
    "---------", on every public page the booking's included."""
    found = [
        name
        for name, response in public_pages(client, public_world)
        if "---------" in response.content.decode()
    ]
    assert not found


def test_the_same_pages_in_english_are_caught(client, public_world):
    """The check can fail: on the English pages it finds our sentences."""
    with translation.override("en"):
        search = client.get(reverse("directory:search"), {"q": "doposcuola"})
        activity = client.get(public_world.doposcuola.get_absolute_url())
    assert "open now, until %(time)s" in english_in(visible_text(search))
    assert "Weekly opening hours" in english_in(visible_text(activity))
