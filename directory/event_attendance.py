"""Who came to an event's sessions: the sign-ups marked came or not, and the walk-ins counted
by age band; the register (personal, the organization's own) and the counts (no names).

A sign-up holds the ages of its people, and keeps them when the retention rule erases its
name (``directory/retention.py``): the counts by age band outlive the register.
"""

import datetime
from collections import Counter

from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from directory.models import AGE_BANDS, EventSession, EventSignup, EventWalkIn


def band_of(age: int) -> str:
    """The age band of one age: the last band that starts at or below it (the bands share
    their edges: 3 is in 3–6, 18 among the adults)."""
    slug = AGE_BANDS[0].slug
    for band in AGE_BANDS:
        if band.minimum <= age:
            slug = band.slug
    return slug


def can_mark(session: EventSession, today: datetime.date) -> bool:
    """Attendance is marked for a session of today or the past that took place."""
    return session.date <= today and not session.is_cancelled


def confirmed_signups(session: EventSession):
    return session.signups.confirmed().order_by("created_at", "pk")


@transaction.atomic
def attendance_record(*, session: EventSession, came: dict[int, bool | None], walk_ins: dict):
    """Saves the marks of the session's confirmed sign-ups (``came``: sign-up pk -> True,
    False or None) and its walk-ins (age band slug -> people, 0 or None for none)."""
    for value in (True, False, None):
        pks = [pk for pk, mark in came.items() if mark is value]
        if pks:
            confirmed_signups(session).filter(pk__in=pks).update(attended=value)
    EventWalkIn.objects.filter(session=session).exclude(
        age_band__in=[slug for slug, people in walk_ins.items() if people]
    ).delete()
    for slug, people in walk_ins.items():
        if people:
            EventWalkIn.objects.update_or_create(
                session=session, age_band=slug, defaults={"people": people}
            )


def register_rows(session: EventSession):
    """The session's register: one row per confirmed sign-up, with its mark."""
    for signup in confirmed_signups(session):
        yield [
            signup.code,
            signup.name,
            signup.phone,
            signup.email,
            signup.places,
            ", ".join(str(age) for age in signup.ages),
            mark_label(signup.attended),
        ]


def mark_label(attended: bool | None) -> str:
    if attended is None:
        return _("not marked")
    return _("came") if attended else _("did not come")


def sessions_with_attendance(organization, today: datetime.date):
    """The organization's sessions up to today, with the sign-ups that came and the walk-ins
    prefetched: three queries a chunk of sessions, whatever their number."""
    came = EventSignup.objects.filter(attended=True).only("session_id", "ages")
    return (
        EventSession.objects.filter(event__organization=organization, date__lte=today)
        .exclude(status=EventSession.Status.CANCELLED)
        .select_related("event")
        .only("date", "starts_at", "event__title", "event__min_age", "event__max_age")
        .prefetch_related(Prefetch("signups", queryset=came, to_attr="came"), "walk_ins")
        .order_by("date", "starts_at", "pk")
    )


def counts_by_band(session) -> list[tuple[str, int, int]]:
    """(age band, people signed up who came, walk-ins) of a prefetched session, bands with
    nobody left out."""
    signed = Counter(band_of(age) for signup in session.came for age in signup.ages)
    walked = {walk_in.age_band: walk_in.people for walk_in in session.walk_ins.all()}
    return [
        (band.slug, signed[band.slug], walked.get(band.slug, 0))
        for band in AGE_BANDS
        if signed[band.slug] or walked.get(band.slug)
    ]
