"""Who may see or change what in the desks app (object scope on top of the role groups).

Operators see only their own desks; organization staff act for their organizations; network
coordinators see the desks, accesses and referrals of the networks they coordinate (their
scope, ``linkrete.accounts.scope``), super-coordinators everything. Anything out of scope is a
404, never a hint that it exists; a referral one may read but not work on is a 403 on the
working views.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from directory.models import (
    AccessPointReferrer,
    MemberRole,
    Membership,
    Network,
    Organization,
)
from linkrete.accounts.roles import is_coordinator
from linkrete.accounts.scope import coordinates, scope_of
from sportelli.models import Access, Booking, Desk, Referral


def desks_for_operator(user) -> QuerySet[Desk]:
    """The desks whose agenda and accesses ``user`` works on."""
    if not user.is_authenticated:
        return Desk.objects.none()
    scope = scope_of(user)
    if scope.everything:
        return Desk.objects.all()
    if scope.desks:
        own = Desk.operators.through.objects.filter(user=user).values("desk")
        return Desk.objects.filter(Q(pk__in=own) | scope.q(desks="pk"))
    return Desk.objects.filter(operators=user)


def require_console(user) -> list[Desk]:
    """The user's desks, fetched once; 404 for anyone who works on no desk."""
    desks = list(desks_for_operator(user).select_related("host_organization").order_by("name"))
    if not desks and not is_coordinator(user):
        raise Http404
    return desks


def get_desk_for_operator(user, slug: str) -> Desk:
    return get_object_or_404(desks_for_operator(user), slug=slug)


def get_booking_for_operator(user, pk: int) -> Booking:
    return get_object_or_404(
        Booking.objects.select_related("desk").filter(desk__in=desks_for_operator(user)), pk=pk
    )


def accesses_for_operator(user) -> QuerySet[Access]:
    if scope_of(user).everything:  # every desk's: no list of 2,500 desks to match
        return Access.objects.all()
    return Access.objects.filter(desk__in=desks_for_operator(user))


def organizations_for_staff(user) -> QuerySet[Organization]:
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user)


# Referrals ----------------------------------------------------------------------------------


# Sides as lists of the user's desks and organizations (one small query), matched on the
# referral's own columns: PostgreSQL then reads each foreign-key index and ORs the bitmaps. With
# joins, or with subqueries it cannot estimate, it joined all 100,000 referrals to the 150,000
# organizations first (2 s a page at national scale, see bench/README.md); no row comes twice.
def _sides(user) -> tuple[list[int], list[int]]:
    desks = list(Desk.operators.through.objects.filter(user=user).values_list("desk", flat=True))
    organizations = list(
        Membership.objects.filter(user=user).values_list("organization", flat=True)
    )
    return desks, organizations


def _sending_side(user, sides) -> Q:
    """What the user's desks and organizations sent. An access point's referrals are not
    among them: their senders see the state only (``access_point_referrals``), never the
    receiving side's notes and outcome."""
    desks, organizations = sides
    return (Q(sent_by=user) | Q(from_desk__in=desks) | Q(from_organization__in=organizations)) & Q(
        source_type=""
    )


def _receiving_side(user, sides) -> Q:
    desks, organizations = sides
    return Q(receiving_organization__in=organizations) | Q(to_desk__in=desks)


def referrals_visible_to(user) -> QuerySet[Referral]:
    if not user.is_authenticated:
        return Referral.objects.none()
    scope = scope_of(user)
    if scope.everything:
        return Referral.objects.all()
    sides = _sides(user)
    return Referral.objects.filter(
        _sending_side(user, sides) | _receiving_side(user, sides) | coordinated_referrals(scope)
    )


def coordinated_referrals(scope) -> Q:
    """Referrals sent or received by a desk or organization of the coordinator's networks."""
    return scope.q(
        desks=("from_desk", "to_desk"),
        organizations=("from_organization", "to_organization", "receiving_organization"),
    )


def referrals_sent_by_side(user) -> QuerySet[Referral]:
    return Referral.objects.filter(_sending_side(user, _sides(user)))


def referrals_received_by_side(user) -> QuerySet[Referral]:
    return Referral.objects.filter(_receiving_side(user, _sides(user)))


def is_receiving_side(user, referral: Referral) -> bool:
    if referral.to_desk_id and referral.to_desk.operators.filter(pk=user.pk).exists():
        return True
    return referral.receiving_organization.memberships.filter(user=user).exists()


def get_referral_for_user(user, uuid, *, write: bool = False) -> Referral:
    """404 if the user is on neither side (nor a coordinator); 403 to work on it read-only."""
    referral = get_object_or_404(
        referrals_visible_to(user).select_related(
            "from_desk",
            "from_organization",
            "to_organization",
            "to_activity__organization",
            "to_desk",
            "receiving_organization",
            "sent_by",
        ),
        uuid=uuid,
    )
    if write and not is_receiving_side(user, referral):
        raise PermissionDenied
    return referral


def can_refer(user) -> bool:
    return Desk.objects.filter(operators=user).exists() or organizations_for_staff(user).exists()


# Access points ----------------------------------------------------------------------------


def access_points_for(user) -> QuerySet[Organization]:
    """The access points ``user`` refers for (and which are still access points of a network)."""
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(
        pk__in=AccessPointReferrer.objects.active().filter(user=user).values("organization")
    ).order_by("name")


def get_access_point_for_user(user, slug: str) -> Organization:
    """The access point, for its referrers only: anyone else (its ordinary staff, coordinators
    included) gets 404, as they have the network's own pages."""
    return get_object_or_404(access_points_for(user), slug=slug)


def access_point_networks(access_point: Organization) -> QuerySet[Network]:
    return Network.objects.filter(
        memberships__organization=access_point, memberships__role=MemberRole.ACCESS_POINT
    ).distinct()


def access_point_referrals(access_point: Organization) -> QuerySet[Referral]:
    """What the access point sent, whoever of its referrers sent it."""
    return Referral.objects.filter(from_organization=access_point).exclude(source_type="")


# Translations of a desk's public texts ------------------------------------------------------


def get_desk_for_translator(user, organization_slug: str, desk_slug: str) -> Desk:
    """A desk whose public texts ``user`` may translate: its operators, its host organization's
    staff and the coordinators of that organization's networks; 404 for anyone else."""
    desk = get_object_or_404(
        Desk.objects.select_related("host_organization"),
        slug=desk_slug,
        host_organization__slug=organization_slug,
    )
    if not user.is_authenticated:
        raise Http404
    if (
        coordinates(user, desk.host_organization_id)
        or Membership.objects.filter(user=user, organization=desk.host_organization_id).exists()
        or desk.operators.filter(pk=user.pk).exists()
    ):
        return desk
    raise Http404
