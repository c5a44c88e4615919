"""What an activity card shows, from the rows ``Activity.objects.for_list()`` reads and those of its
places and hours (``directory.card_rows``)."""

import re

from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from directory import translations, upcoming
from directory.card_rows import read_card_rows
from directory.hours import OpeningHours
from linkrete.dates import weekday_day_month


def with_card_details(activities, moment=None, today=None):
    """Attach what a card shows to each activity of a page: its link, age range, opening status
    and the sentence saying when it opens, its municipalities, and for one that starts later or
    has an enrolment period, their badges (``directory.upcoming``).

    Worked out here rather than in the card's template: a results page has twenty cards, and
    the template language takes several times longer for the same logic. ``today``: say
    "opens today at" for an opening later today (the search page); otherwise give the date.
    """
    url_of = _detail_urls()
    day = today or timezone.localdate(moment)
    activities = read_card_rows(list(activities), day)
    for activity in activities:
        translations.apply(activity, translations.ACTIVITY_CARD_FIELDS)
        activity.in_italian = translations.in_italian(activity, translations.ACTIVITY_CARD_FIELDS)
        activity.url = url_of(activity)
        activity.distance = getattr(activity, "distance", None)  # known to the template
        activity.age_note = capfirst(activity.age_label)
        hours = OpeningHours.for_activity(activity, activity.card_slots, activity.card_exceptions)
        activity.opening = hours.status(moment)
        activity.opening_note = opening_note(activity.opening, today)
        activity.municipalities = sorted(
            {loc.municipality.name for loc in activity.card_locations if loc.municipality_id}
        )
        activity.start_note = upcoming.start_label(activity, day)
        activity.enrolment = upcoming.enrolment(activity, day)
    return activities


SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
PLACEHOLDER = "activity-slug"


def _detail_urls():
    """A function giving an activity's page: the URL reversed once, its slug put in place (what
    ``get_absolute_url`` gives; reversing twenty times costs more than the rest of a card)."""
    pattern = reverse("directory:activity_detail", kwargs={"slug": PLACEHOLDER})
    head, tail = pattern.rsplit(PLACEHOLDER, 1)

    def url_of(activity):
        if SLUG.match(activity.slug):
            return f"{head}{activity.slug}{tail}"
        return activity.get_absolute_url()

    return url_of


def _filled(translation, **values):
    # As {% blocktranslate %} does: the values are escaped, the translation is not. The
    # msgids stay literal at each gettext() call below, where makemessages finds them.
    filled = translation % {k: conditional_escape(v) for k, v in values.items()}
    return mark_safe(filled)  # nosec B308 B703 # the values escaped; the catalogue's text trusted


def _hours_minutes(moment) -> str:
    """``time_format(moment, "H:i")``, the same in every language, without Django's format
    engine (a few hundred microseconds of a results page's twenty cards)."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def opening_note(status, today=None):
    """When the activity opens, in words: open now until…, opens today at…, next opening on
    a date at…, or nothing."""
    if status.is_open:
        return _filled(
            gettext("open now, until %(time)s"), time=_hours_minutes(status.current.closes_at)
        )
    if status.next is None:
        return ""
    opens_at = _hours_minutes(status.next.opens_at)
    if status.next.day == today:
        return _filled(gettext("opens today at %(time)s"), time=opens_at)
    return _filled(
        gettext("next opening %(day)s at %(time)s"),
        day=weekday_day_month(status.next.day),
        time=opens_at,
    )
