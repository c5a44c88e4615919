"""The admin as a network coordinator sees it: their networks' rows only.

Every ModelAdmin a coordinator can open says what it is, with one of three mixins
(``tests/linkrete/test_admin_scope.py`` fails for one that says nothing):

- ``ScopedAdmin``: the rows of the coordinator's networks (``SCOPE``, the one table of which
  column leads to an organization, a desk, a network or a zone); the change page of any other
  row answers as Django does for a missing one. Its foreign-key and many-to-many boxes, the
  autocompletes included, offer only rows of the scope too (``ScopedChoicesInline`` for the
  inlines). Super-coordinators and superusers are unaffected.
- ``ReferenceDataAdmin``: the territory and the taxonomies, the same for every network: read by
  every coordinator (the autocompletes need them), changed only by super-coordinators.
- ``PlatformAdmin``: the platform's own tools (search, imports, duplicates, history): for
  super-coordinators only.
"""

from collections.abc import Callable

from django.db.models import Q, QuerySet

from linkrete.accounts.roles import SUPER_COORDINATOR, is_super_coordinator
from linkrete.accounts.scope import Scope, scope_of


def _users(scope: Scope) -> Q:
    """People of the coordinator's networks: members, desk operators, case teams and the
    networks' coordinators; subqueries, so that no one comes twice."""
    from directory.models import Membership, NetworkCoordinator
    from famiglie.models import TeamMember
    from sportelli.models import Desk

    organizations, desks = sorted(scope.organizations), sorted(scope.desks)
    return (
        Q(pk__in=Membership.objects.filter(organization__in=organizations).values("user"))
        | Q(pk__in=Desk.operators.through.objects.filter(desk__in=desks).values("user"))
        | Q(pk__in=TeamMember.objects.filter(team__organization__in=organizations).values("user"))
        | Q(
            pk__in=NetworkCoordinator.objects.filter(network__in=sorted(scope.networks)).values(
                "user"
            )
        )
    )


def _referrals(scope: Scope) -> Q:
    from sportelli.access import coordinated_referrals

    return coordinated_referrals(scope)


# Model label -> the scope's lookups (``Scope.q``), or a function of the scope giving the filter.
SCOPE: dict[str, dict[str, str | tuple[str, ...]] | Callable[[Scope], Q]] = {
    "directory.organization": {"organizations": "pk"},
    "directory.location": {"organizations": "organization"},
    "directory.membership": {"organizations": "organization"},
    "directory.accesspointreferrer": {"organizations": "organization"},
    "directory.activity": {"organizations": "organization"},
    "directory.openingslot": {"organizations": "activity__organization"},
    "directory.scheduleexception": {"organizations": "activity__organization"},
    "directory.event": {"organizations": "organization"},
    "directory.revision": {"organizations": "organization"},
    "directory.trainingplan": {"organizations": "organization"},
    "directory.boardpost": {"organizations": "organization"},
    "directory.volunteeringcall": {"organizations": "organization"},
    "directory.problemreport": {"organizations": "organization"},
    "directory.joboffer": {"organizations": "organization"},
    "directory.network": {"networks": "pk"},
    "directory.networkaction": {"networks": "network"},
    "directory.surveyround": {"networks": "network"},
    "directory.surveyresponse": {"networks": "round__network"},
    "sportelli.desk": {"desks": "pk"},
    "sportelli.booking": {"desks": "desk"},
    "sportelli.access": {"desks": "desk"},
    "sportelli.referral": _referrals,
    "famiglie.team": {"organizations": "organization", "zones": "zone"},
    "famiglie.case": {"organizations": "team__organization", "zones": "team__zone"},
    "accounts.user": _users,
}


def in_scope(queryset: QuerySet, user) -> QuerySet:
    """``queryset`` narrowed to the user's networks, if its model is one of ``SCOPE``."""
    rule = SCOPE.get(queryset.model._meta.label_lower)
    scope = scope_of(user)
    if rule is None or scope.everything:
        return queryset
    return queryset.filter(rule(scope) if callable(rule) else scope.q(**rule))


class ScopedChoices:
    """Foreign-key and many-to-many choices (autocompletes too) from the user's networks."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        return _narrow(field, request)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if (
            field is not None
            and db_field.name == "groups"
            and not is_super_coordinator(request.user)
        ):
            # No network coordinator makes anyone (themselves included) a super-coordinator.
            field.queryset = field.queryset.exclude(name=SUPER_COORDINATOR)
        return _narrow(field, request)


def _narrow(field, request):
    if field is not None and hasattr(field, "queryset"):
        field.queryset = in_scope(field.queryset, request.user)
    return field


class ScopedChoicesInline(ScopedChoices):
    """For an inline: its rows follow the parent's, its choices the user's networks."""


class ScopedAdmin(ScopedChoices):
    def get_queryset(self, request, *args, **kwargs):
        return in_scope(super().get_queryset(request, *args, **kwargs), request.user)


class ReferenceDataAdmin:
    def has_add_permission(self, request, *args):
        return is_super_coordinator(request.user) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return is_super_coordinator(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_super_coordinator(request.user) and super().has_delete_permission(request, obj)


class PlatformAdmin(ReferenceDataAdmin):
    def has_view_permission(self, request, obj=None):
        return is_super_coordinator(request.user) and super().has_view_permission(request, obj)
