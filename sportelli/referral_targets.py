"""Where a referral can go, as the referral form offers it: near the sender first.

A network holds thousands of activities, and many carry the same title ("Accompagnamento a
visite mediche" by four Auser branches): each option names the activity, its organization and
its towns, options are grouped by organization, and by default only the sender's territory is
offered: the municipalities of their desks and of their desks' zones, those of their
organizations' places and of the zones around them, plus what is offered remotely (a virtual
place serves everyone). The whole network is one click away, bounded and searchable by name.

Validation is not limited to the options: any published organization, public current activity
or public desk may be chosen (a link from elsewhere, a widened search before an error).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from directory.models import Activity, Location, Municipality, Organization
from sportelli.models import Desk

# At most this many options per list: the page stays light, and a longer list is read by
# nobody (narrow it with the name search). Re-measure with the form's query-count test.
TARGET_LIMIT = 200
# Towns named in one option; an activity in more places says "and N more".
TOWNS_SHOWN = 3


@dataclass(frozen=True)
class Territory:
    municipality_ids: frozenset[int]

    def __bool__(self):
        return bool(self.municipality_ids)


def territory_of(desks: Iterable[Desk], organizations: Iterable[Organization]) -> Territory:
    """The municipalities the sender works in (two queries at most)."""
    ids = {d.municipality_id for d in desks}
    zone_ids = {d.zone_id for d in desks if d.zone_id}
    placed = set()
    if organizations:
        placed = set(
            Location.objects.filter(
                organization__in=list(organizations), municipality__isnull=False
            ).values_list("municipality_id", flat=True)
        )
    if zone_ids or placed:
        nearby = Municipality.objects.filter(
            Q(zones__in=zone_ids) | Q(zones__municipalities__in=placed)
        ).values_list("pk", flat=True)
        ids |= placed | set(nearby)
    return Territory(frozenset(ids))


@dataclass(frozen=True)
class Targets:
    organizations: list
    activities: list
    desks: list
    truncated: bool


def _places(lookup="locations"):
    return Prefetch(
        lookup,
        queryset=Location.objects.select_related("municipality").order_by(
            "municipality__name", "name"
        ),
        to_attr="referral_places",
    )


def _in_territory(territory: Territory, prefix: str = "") -> Q:
    return Q(**{f"{prefix}municipality__in": territory.municipality_ids}) | Q(
        **{f"{prefix}kind": Location.Kind.VIRTUAL}
    )


def find_targets(territory: Territory, *, whole_network: bool, search: str = "") -> Targets:
    """The options of the three lists, each bounded by ``TARGET_LIMIT`` (five queries)."""
    organizations = Organization.objects.published()
    activities = Activity.objects.public().current()
    desks = Desk.objects.public()
    if search:
        organizations = organizations.filter(name__icontains=search)
        activities = activities.filter(
            Q(title__icontains=search) | Q(organization__name__icontains=search)
        )
        desks = desks.filter(
            Q(name__icontains=search) | Q(host_organization__name__icontains=search)
        )
    if not whole_network:
        near = Location.objects.filter(_in_territory(territory))
        organizations = organizations.filter(pk__in=near.values("organization"))
        # An activity is where its places are; one without places, where its organization is.
        placed = Activity.locations.through.objects
        activities = activities.filter(
            Q(pk__in=placed.filter(location__in=near).values("activity"))
            | (
                ~Q(pk__in=placed.values("activity"))
                & Q(organization__in=near.values("organization"))
            )
        )
        desks = desks.filter(municipality__in=territory.municipality_ids)
    organizations = list(
        organizations.only("id", "name")
        .prefetch_related(_places())
        .order_by("name", "pk")[: TARGET_LIMIT + 1]
    )
    activities = list(
        activities.select_related("organization")
        .only("id", "title", "organization__id", "organization__name")
        .prefetch_related(_places(), _places("organization__locations"))
        .order_by("organization__name", "organization__pk", "title", "pk")[: TARGET_LIMIT + 1]
    )
    desks = list(
        desks.select_related("municipality", "host_organization").order_by("name", "pk")[
            : TARGET_LIMIT + 1
        ]
    )
    truncated = any(len(found) > TARGET_LIMIT for found in (organizations, activities, desks))
    return Targets(
        organizations=organizations[:TARGET_LIMIT],
        activities=activities[:TARGET_LIMIT],
        desks=desks[:TARGET_LIMIT],
        truncated=truncated,
    )


def towns(places, territory: Territory) -> str:
    """The towns of ``places``, the sender's own first: "Empoli", "Empoli, Vinci and 2 more",
    "remote" for a service with virtual places only."""
    names, remote = [], False
    # A stable sort on one boolean: the places keep their order by town name, and a virtual
    # place (no municipality) is never compared with a town.
    ordered = sorted(places, key=lambda p: p.municipality_id not in territory.municipality_ids)
    for place in ordered:
        if place.municipality is None:
            remote = remote or place.kind == Location.Kind.VIRTUAL
            continue
        if place.municipality.name not in names:
            names.append(place.municipality.name)
    if not names:
        return _("remote") if remote else ""
    shown = ", ".join(names[:TOWNS_SHOWN])
    if len(names) > TOWNS_SHOWN:
        return _("%(towns)s and %(count)d more") % {
            "towns": shown,
            "count": len(names) - TOWNS_SHOWN,
        }
    return shown


def _label(*parts):
    return " — ".join(p for p in (parts[0], ", ".join(p for p in parts[1:] if p)) if p)


def activity_label(activity, territory: Territory) -> str:
    """ "Accompagnamento a visite mediche — Auser Empoli, Empoli" """
    places = getattr(activity, "referral_places", None)
    if places is None:
        places = activity.locations.select_related("municipality")
    if not places:
        places = getattr(activity.organization, "referral_places", None)
        if places is None:
            places = activity.organization.locations.select_related("municipality")
    return _label(activity.title, activity.organization.name, towns(places, territory))


def organization_label(organization, territory: Territory) -> str:
    places = getattr(organization, "referral_places", None)
    if places is None:
        places = organization.locations.select_related("municipality")
    return _label(organization.name, towns(places, territory))


def desk_label(desk) -> str:
    return _label(desk.name, desk.host_organization.name, desk.municipality.name)
