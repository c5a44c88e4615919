"""Where a referral can go, as the referral form offers it: near the sender first.

A network holds thousands of activities, and many carry the same title ("Accompagnamento a
visite mediche" by four Auser branches): each option names the activity, its organization and
its towns, options are grouped by organization, and by default only the sender's territory is
offered: the municipalities of their desks and of their desks' zones, those of their
organizations' places and of the zones around them, plus what is offered remotely (a virtual
place serves everyone). The whole network is one click away, bounded and searchable by name.

Validation is not limited to the options: any published organization, public activity not ended
(an upcoming one too: a family can be sent to a course that starts in January)
or public desk may be chosen (a link from elsewhere, a widened search before an error).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.lookups import Contains
from django.utils import timezone
from django.utils.translation import gettext as _

from directory import upcoming
from directory.models import Activity, Location, Municipality, Organization
from directory.search.text import CONFIG, query_words
from linkrete.folding import Folded, fold
from sportelli.models import Desk

# At most this many options per list: the page stays light, and a longer list is read by
# nobody (narrow it with the search by name or town). Rendering the options is most of the
# page's time: 200 a list took 0.5 s at national scale, SQL 0.15 s of it. Re-measure:
# bench/staff_bench.py --pages "new referral form".
TARGET_LIMIT = 50
MIN_WORD = 3
# A search also offers up to this many activities whose search document matches (title,
# organization, towns), beside those of the organizations whose name matches.
SEARCH_CANDIDATES = 1000
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
    # A search with no word of ``MIN_WORD`` letters: nothing to look for.
    too_short: bool = False


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


def _activity_in_territory(territory: Territory) -> Q:
    """An activity is where its places are; one without places, where its organization is."""
    placed = Activity.locations.through.objects.filter(activity=OuterRef("pk"))
    organization_near = Location.objects.filter(
        _in_territory(territory), organization=OuterRef("organization")
    )
    return Q(Exists(placed.filter(_in_territory(territory, "location__")))) | (
        ~Q(Exists(placed)) & Q(Exists(organization_near))
    )


def _text_query(words: list[str]) -> SearchQuery:
    """The public search's full-text index (title, organization, towns, categories), each word
    a prefix, accents and case ignored, as the admin's activity search."""
    return SearchQuery(" & ".join(f"{w}:*" for w in words), search_type="raw", config=CONFIG)


def find_targets(territory: Territory, *, whole_network: bool, search: str = "") -> Targets:
    """The options of the three lists, each bounded by ``TARGET_LIMIT``, found through indexes
    whatever the size of the network (eight queries at most).

    The organizations come first, in the order of their name: the network's (along the index
    on the name), the territory's (those with a place in it), or those whose name holds every
    word searched (the trigram index on the folded name). The activities are those of these
    organizations, plus, for a search, up to ``SEARCH_CANDIDATES`` whose search document
    matches (title, organization, town): never a sort of every activity of a big city's
    territory (60,000 in Milan's, with the remote services), which took seconds.
    """
    # Words of three letters or more: shorter ones no trigram index can look up.
    words = [w for w in query_words(search) if len(w) >= MIN_WORD] if search else []
    if search and not words:
        return Targets([], [], [], truncated=False, too_short=True)
    organizations = Organization.objects.published()
    desks = Desk.objects.public()
    for word in words:
        organizations = organizations.filter(Contains(Folded("name"), fold(word)))
        desks = desks.filter(
            Q(name__unaccent__icontains=word)
            | Q(host_organization__name__unaccent__icontains=word)
            | Q(municipality__name__unaccent__icontains=word)
        )
    if not whole_network:
        near = Location.objects.filter(_in_territory(territory), organization=OuterRef("pk"))
        organizations = organizations.filter(Exists(near))
        desks = desks.filter(municipality__in=territory.municipality_ids)
    if words:
        # The names holding the words through the trigram index, in no order, then these in
        # the order of their names: ordered by name, PostgreSQL walks the name's index folding
        # every name (all 150,000 for a word no name holds).
        matched = list(organizations.order_by().values_list("pk", flat=True)[:SEARCH_CANDIDATES])
        truncated = len(matched) == SEARCH_CANDIDATES
        organizations = Organization.objects.filter(pk__in=matched)
    else:
        truncated = False
    organizations = list(
        organizations.only("id", "name")
        .prefetch_related(_places())
        .order_by("name", "pk")[: TARGET_LIMIT + 1]
    )
    truncated = truncated or len(organizations) > TARGET_LIMIT
    organizations = organizations[:TARGET_LIMIT]

    public = Activity.objects.public().not_ended()
    scope = Q(organization__in=[o.pk for o in organizations])
    if words:
        # The candidates in no order and not yet narrowed to the territory (the final query
        # does that): checking the territory of each of the 50,000 activities a common word
        # finds took 2.5 s. Past the bound the page says to type more (a town, another word).
        matching = public.filter(search_vector=_text_query(words))
        candidates = list(matching.order_by().values_list("pk", flat=True)[:SEARCH_CANDIDATES])
        truncated = truncated or len(candidates) == SEARCH_CANDIDATES
        scope |= Q(pk__in=candidates)
    activities = public.filter(scope)
    if not whole_network:
        activities = activities.filter(_activity_in_territory(territory))
    activities = list(
        activities.select_related("organization")
        .only("id", "title", "valid_from", "organization__id", "organization__name")
        .prefetch_related(_places(), _places("organization__locations"))
        .order_by("organization__name", "organization__pk", "title", "pk")[: TARGET_LIMIT + 1]
    )
    desks = list(
        desks.select_related("municipality", "host_organization").order_by("name", "pk")[
            : TARGET_LIMIT + 1
        ]
    )
    truncated = truncated or len(activities) > TARGET_LIMIT or len(desks) > TARGET_LIMIT
    return Targets(
        organizations=organizations,
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
    """ "Accompagnamento a visite mediche — Auser Empoli, Empoli"; an activity starting later
    says when: "Centro estivo (Da giugno 2027) — …" """
    places = getattr(activity, "referral_places", None)
    if places is None:
        places = activity.locations.select_related("municipality")
    if not places:
        places = getattr(activity.organization, "referral_places", None)
        if places is None:
            places = activity.organization.locations.select_related("municipality")
    title = activity.title
    starts = upcoming.start_label(activity, timezone.localdate())
    if starts:  # an upcoming activity can be the target: the operator sees when it starts
        title = f"{title} ({starts})"
    return _label(title, activity.organization.name, towns(places, territory))


def organization_label(organization, territory: Territory) -> str:
    places = getattr(organization, "referral_places", None)
    if places is None:
        places = organization.locations.select_related("municipality")
    return _label(organization.name, towns(places, territory))


def desk_label(desk) -> str:
    return _label(desk.name, desk.host_organization.name, desk.municipality.name)
