"""What a coordinator coordinates: their networks, the organizations in them, the desks those
organizations host and the zones of the networks' territory.

A super-coordinator (``roles.is_super_coordinator``) has the whole platform (``Scope.everything``)
at no query; anyone who coordinates nothing has an empty scope. A network coordinator's scope is
read once per request, in two queries, and kept on the user object like ``is_coordinator``: every
access helper then filters on the lists of ids (a network holds tens of members, and a list
lets PostgreSQL read the foreign-key indexes, as ``sportelli.access._sides`` explains).

Who coordinates which network is ``directory.models.NetworkCoordinator`` (the network's admin
page). The organizations are the network's members in any role, and its lead organization.
"""

from dataclasses import dataclass

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Q, QuerySet

from linkrete.accounts.roles import is_coordinator, is_super_coordinator

# One lookup ("organization") or several ("from_desk", "to_desk") leading to ids of a kind.
Lookups = str | tuple[str, ...] | None


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    networks: frozenset[int] = frozenset()
    organizations: frozenset[int] = frozenset()
    desks: frozenset[int] = frozenset()
    zones: frozenset[int] = frozenset()

    def q(
        self,
        *,
        networks: Lookups = None,
        organizations: Lookups = None,
        desks: Lookups = None,
        zones: Lookups = None,
    ) -> Q:
        """A filter keeping the rows whose lookup (``organizations="organization"``…) is in the
        scope, any of them; everything for a super-coordinator, nothing for an empty scope."""
        if self.everything:
            return Q()
        wanted = {
            "networks": networks,
            "organizations": organizations,
            "desks": desks,
            "zones": zones,
        }
        condition = Q(pk__in=[])
        for kind, lookups in wanted.items():
            ids = sorted(getattr(self, kind))
            for lookup in (lookups,) if isinstance(lookups, str) else lookups or ():
                condition |= Q(**{f"{lookup}__in": ids})
        return condition

    def filter(self, queryset: QuerySet, **lookups: Lookups) -> QuerySet:
        return queryset if self.everything else queryset.filter(self.q(**lookups))


EVERYTHING = Scope(everything=True)
NOTHING = Scope()


def scope_of(user) -> Scope:
    """The user's coordination scope, asked once per request (see the module's docstring)."""
    if not is_coordinator(user):
        return NOTHING
    if is_super_coordinator(user):
        return EVERYTHING
    cached = getattr(user, "_linkrete_scope", None)
    if cached is None:
        cached = _read_scope(user)
        user._linkrete_scope = cached
    return cached


def coordinates(user, organization_id: int | None) -> bool:
    """Whether ``user`` coordinates a network the organization is in (no query once the
    request's scope is read)."""
    scope = scope_of(user)
    return scope.everything or organization_id in scope.organizations


def _read_scope(user) -> Scope:
    from directory.models import Network

    return _scope_of_networks(Network.objects.filter(coordinators__user=user))


def scope_of_network(network) -> Scope:
    """One network's members, their desks and its zones (two queries), whoever asks: what its
    indicators count (``directory.indicators``)."""
    from directory.models import Network

    return _scope_of_networks(Network.objects.filter(pk=network.pk))


def _scope_of_networks(networks) -> Scope:
    from sportelli.models import Desk

    rows = networks.annotate(
        members=ArrayAgg("memberships__organization", distinct=True, default=[]),
        territory=ArrayAgg("zones", distinct=True, default=[]),
    )
    networks, organizations, zones = set(), set(), set()
    for network in rows.only("pk", "lead_organization"):
        networks.add(network.pk)
        organizations.update(pk for pk in network.members if pk)
        zones.update(pk for pk in network.territory if pk)
        if network.lead_organization_id:
            organizations.add(network.lead_organization_id)
    desks = (
        set(Desk.objects.filter(host_organization__in=organizations).values_list("pk", flat=True))
        if organizations
        else set()
    )
    return Scope(
        networks=frozenset(networks),
        organizations=frozenset(organizations),
        desks=frozenset(desks),
        zones=frozenset(zones),
    )
