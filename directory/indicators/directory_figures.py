"""The directory's figures for a network: its members' organizations and activities by area
(the root category) and by zone, their volunteers and hours, their events and attendance.
"""

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from directory.indicators.rows import MEASURE, Cardinality, Column, Indicator, Row
from directory.models import Activity, EventSession, EventSignup, EventWalkIn, Organization
from directory.models.organization import PublicationStatus

ORGANIZATIONS = Column(_("organizations"))
ACTIVITIES = Column(_("activities"))


def _activities(scope, period):
    """The members' published activities not ended before the period, nor begun after it."""
    return Activity.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=period.starts_on),
        Q(valid_from__isnull=True) | Q(valid_from__lte=period.ends_on),
        organization__in=sorted(scope.organizations),
        publication_status=PublicationStatus.PUBLISHED,
    ).order_by()


def activities_by_area(scope, period):
    rows = (
        _activities(scope, period)
        .filter(categories__isnull=False)
        .annotate(area=Coalesce("categories__parent__name", "categories__name"))
        .values("area")
        .annotate(
            organizations=Count("organization", distinct=True),
            activities=Count("pk", distinct=True),
        )
        .order_by("-activities", "area")
    )
    return Indicator(
        "activities_by_area",
        _("Activities and organizations by area"),
        _("area"),
        (ACTIVITIES, ORGANIZATIONS),
        [Row(row["area"], (row["activities"], row["organizations"])) for row in rows],
        note=_("An activity in two areas counts in each."),
    )


def activities_by_zone(scope, period):
    """By the zones of the network where the activities take place (their places'
    municipalities)."""
    rows = (
        _activities(scope, period)
        .filter(locations__municipality__zones__in=sorted(scope.zones))
        .values(zone=F("locations__municipality__zones__name"))
        .annotate(
            organizations=Count("organization", distinct=True),
            activities=Count("pk", distinct=True),
        )
        .order_by("-activities", "zone")
    )
    return Indicator(
        "activities_by_zone",
        _("Activities and organizations by zone"),
        _("zone"),
        (ACTIVITIES, ORGANIZATIONS),
        [Row(row["zone"], (row["activities"], row["organizations"])) for row in rows],
        note=_("By the zones of the network where the activities take place."),
    )


def volunteers_by_organization(scope, period):
    active = Q(volunteers__start_date__lte=period.ends_on) & (
        Q(volunteers__end_date__isnull=True) | Q(volunteers__end_date__gte=period.starts_on)
    )
    in_period = Q(
        volunteers__hours__date__gte=period.starts_on,
        volunteers__hours__date__lte=period.ends_on,
    )
    rows = (
        Organization.objects.filter(pk__in=sorted(scope.organizations))
        .annotate(
            volunteers_n=Count("volunteers", filter=active, distinct=True),
            hours_n=Sum("volunteers__hours__hours", filter=in_period),
        )
        .filter(Q(volunteers_n__gt=0) | Q(hours_n__gt=0))
        .order_by("-volunteers_n", "name")
        .values("name", "volunteers_n", "hours_n")
    )
    return Indicator(
        "volunteers_by_organization",
        _("Volunteers and hours by organization"),
        _("organization"),
        (Column(_("active volunteers")), Column(_("hours given"), MEASURE)),
        [Row(row["name"], (row["volunteers_n"], row["hours_n"] or 0)) for row in rows],
    )


def events_by_month(scope, period):
    """Events, their sessions and who came (signed up and marked as come, plus walk-ins),
    by month: three grouped queries, so that no join multiplies another's rows."""
    sessions = EventSession.objects.filter(
        event__organization__in=sorted(scope.organizations),
        date__gte=period.starts_on,
        date__lte=period.ends_on,
    ).exclude(status="cancelled")
    held = {
        row["month"]: row
        for row in sessions.order_by()
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(events=Count("event", distinct=True), sessions=Count("pk"))
    }
    came = dict(
        EventSignup.objects.filter(session__in=sessions, attended=True)
        .order_by()
        .annotate(month=TruncMonth("session__date"))
        .values_list("month")
        .annotate(people=Sum(Cardinality("ages")))
    )
    walked_in = dict(
        EventWalkIn.objects.filter(session__in=sessions)
        .order_by()
        .annotate(month=TruncMonth("session__date"))
        .values_list("month")
        .annotate(people=Sum("people"))
    )
    return Indicator(
        "events_by_month",
        _("Events, sessions and attendance by month"),
        _("month"),
        (
            Column(_("sessions")),
            Column(_("events")),
            Column(_("people who came")),
        ),
        [
            Row(
                capfirst(formats.date_format(month, "F Y")),
                (
                    row["sessions"],
                    row["events"],
                    (came.get(month) or 0) + (walked_in.get(month) or 0),
                ),
            )
            for month, row in sorted(held.items())
        ],
        note=_("People who came: sign-ups marked as come and walk-ins."),
    )
