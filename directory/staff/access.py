"""Who may see or change what in the signed-in area (/area-enti/).

Staff reach only the organizations they are members of: anything else answers 404, so the
area never confirms that another organization's record exists. Coordinators reach the public
data (profile, places, activities, calls) and the review of the organizations in the networks
they coordinate (their scope, ``linkrete.accounts.scope``; super-coordinators every network's),
but people's personal data (volunteers, applicants, course attendees) only where they are
members themselves: least privilege (GDPR art. 5, 25).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from directory.models import Membership, Organization
from linkrete.accounts.roles import is_coordinator
from linkrete.accounts.scope import coordinates, scope_of

__all__ = ["coordinates"]


def coordinated_organizations(user) -> QuerySet[Organization]:
    """The organizations of the networks ``user`` coordinates (all for a super-coordinator)."""
    return scope_of(user).filter(Organization.objects.all(), organizations="pk")


def organizations_for_user(user) -> QuerySet[Organization]:
    scope = scope_of(user)
    if scope.everything:
        return Organization.objects.all()
    own = Q(pk__in=Membership.objects.filter(user=user).values("organization"))
    return Organization.objects.filter(own | scope.q(organizations="pk"))


def get_organization_for_user(user, slug: str, manage: bool = False) -> Organization:
    """The organization, if the user works for it (or coordinates a network it is in); else
    404.

    ``manage=True`` also asks for the manager role: a plain editor gets 403.
    """
    organization = get_object_or_404(Organization, slug=slug)
    if coordinates(user, organization.pk):
        return organization
    membership = Membership.objects.filter(user=user, organization=organization).first()
    if membership is None:
        raise Http404
    if manage and membership.role != Membership.Role.MANAGER:
        raise PermissionDenied
    return organization


def get_organization_for_member(user, slug: str, manage: bool = False) -> Organization:
    """The organization, if the user is one of its members; else 404, coordinators included.

    For every page that shows volunteers', applicants' or attendees' personal data.
    ``manage=True`` also asks for the manager role: a plain editor gets 403.
    """
    membership = (
        Membership.objects.select_related("organization")
        .filter(user=user, organization__slug=slug)
        .first()
    )
    if membership is None:
        raise Http404
    if manage and membership.role != Membership.Role.MANAGER:
        raise PermissionDenied
    return membership.organization


def is_member(user, organization: Organization) -> bool:
    """Whether pages with the organization's personal data are open to the user (and so
    whether to link them)."""
    return Membership.objects.filter(user=user, organization=organization).exists()


def require_coordinator(user) -> None:
    if not is_coordinator(user):
        raise Http404


def require_network_member(user) -> None:
    """Network pages (open courses, needs and offers) are for staff of some organization."""
    if not is_coordinator(user) and not Membership.objects.filter(user=user).exists():
        raise Http404


def can_manage_members(user, organization: Organization) -> bool:
    """Managers of the organization, and its networks' coordinators, change roles and remove
    members."""
    return (
        coordinates(user, organization.pk)
        or Membership.objects.filter(
            user=user, organization=organization, role=Membership.Role.MANAGER
        ).exists()
    )


def coordinated_networks(user) -> QuerySet:
    """The networks ``user`` coordinates (every one for a super-coordinator; none for others)."""
    from directory.models import Network

    return scope_of(user).filter(Network.objects.all(), networks="pk")


def get_network_for_coordinator(user, slug: str):
    """A network whose figures ``user`` may read: one they coordinate (any, for a
    super-coordinator); else 404, staff of its members included."""
    return get_object_or_404(coordinated_networks(user), slug=slug)
