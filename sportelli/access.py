"""Who may see or change what in the desks app (object scope on top of the role groups).

Operators see only their own desks; organization staff act for their organizations; network
coordinators see everything. Anything out of scope is a 404, never a hint that it exists; a
referral one may read but not work on is a 403 on the working views.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from directory.models import Organization
from linkrete.accounts.roles import is_coordinator
from sportelli.models import Access, Booking, Desk, Referral


def desks_for_operator(user) -> QuerySet[Desk]:
    """The desks whose agenda and accesses ``user`` works on."""
    if not user.is_authenticated:
        return Desk.objects.none()
    if is_coordinator(user):
        return Desk.objects.all()
    return Desk.objects.filter(operators=user)


def require_console(user) -> list[Desk]:
    """The user's desks, fetched once; 404 for anyone who works on no desk."""
    desks = list(desks_for_operator(user).order_by("name"))
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
    return Access.objects.filter(desk__in=desks_for_operator(user))


def organizations_for_staff(user) -> QuerySet[Organization]:
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user)


# Referrals ----------------------------------------------------------------------------------


def _sending_side(user) -> Q:
    return (
        Q(sent_by=user)
        | Q(from_desk__operators=user)
        | Q(from_organization__memberships__user=user)
    )


def _receiving_side(user) -> Q:
    return Q(receiving_organization__memberships__user=user) | Q(to_desk__operators=user)


def referrals_visible_to(user) -> QuerySet[Referral]:
    if not user.is_authenticated:
        return Referral.objects.none()
    if is_coordinator(user):
        return Referral.objects.all()
    ids = Referral.objects.filter(_sending_side(user) | _receiving_side(user)).values("pk")
    return Referral.objects.filter(pk__in=ids)


def referrals_sent_by_side(user) -> QuerySet[Referral]:
    ids = Referral.objects.filter(_sending_side(user)).values("pk")
    return Referral.objects.filter(pk__in=ids)


def referrals_received_by_side(user) -> QuerySet[Referral]:
    ids = Referral.objects.filter(_receiving_side(user)).values("pk")
    return Referral.objects.filter(pk__in=ids)


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
