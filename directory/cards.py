"""What an activity card shows, from the rows ``Activity.objects.for_list()`` prefetches."""

from django.utils.dateformat import format as date_format
from django.utils.dateformat import time_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from directory.hours import OpeningHours


def with_card_details(activities, moment=None, today=None):
    """Attach what a card shows to each activity of a page: its link, age range, opening status
    and the sentence saying when it opens, and its municipalities.

    Worked out here rather than in the card's template: a results page has twenty cards, and
    the template language takes several times longer for the same logic. ``today``: say
    "opens today at" for an opening later today (the search page); otherwise give the date.
    """
    activities = list(activities)
    for activity in activities:
        activity.url = activity.get_absolute_url()
        activity.age_note = capfirst(activity.age_label)
        hours = OpeningHours.for_activity(activity, activity.card_slots, activity.card_exceptions)
        activity.opening = hours.status(moment)
        activity.opening_note = opening_note(activity.opening, today)
        activity.municipalities = sorted(
            {loc.municipality.name for loc in activity.card_locations if loc.municipality_id}
        )
    return activities


def _translated(message, **values):
    # As {% blocktranslate %} does: the values are escaped, the translation is not.
    return mark_safe(gettext(message) % {k: conditional_escape(v) for k, v in values.items()})


def opening_note(status, today=None):
    """When the activity opens, in words: open now until…, opens today at…, next opening on
    a date at…, or nothing."""
    if status.is_open:
        return _translated(
            "open now, until %(time)s", time=time_format(status.current.closes_at, "H:i")
        )
    if status.next is None:
        return ""
    opens_at = time_format(status.next.opens_at, "H:i")
    if status.next.day == today:
        return _translated("opens today at %(time)s", time=opens_at)
    return _translated(
        "next opening %(day)s at %(time)s",
        day=date_format(status.next.day, "l j F"),
        time=opens_at,
    )
