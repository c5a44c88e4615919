"""The roles of Linkrete as Django groups, with the model permissions each one carries.

Object scope (which organization, desk or case) is checked in each app's ``access.py``; the
groups only say what kind of thing a role may do at all. ``sync_roles`` applies this table.
The one role every app asks about, network coordinator, is answered here once for all of them;
which networks a coordinator coordinates (their scope) is ``linkrete/accounts/scope.py``.
"""

from django.utils.translation import gettext_lazy as _

COORDINATOR = "coordinatori"
# The platform's administrators: coordinators of every network, the global view.
SUPER_COORDINATOR = "supercoordinatori"
ORGANIZATION_STAFF = "staff_enti"
DESK_OPERATOR = "operatori_sportello"
CASE_TEAM = "equipe"
# People of a bank, patronato, company or school that refer (directory.AccessPointReferrer).
ACCESS_POINT = "punti_accesso"

# What a coordinator may do at all; which objects is their scope. Both kinds carry the same
# model permissions: the admin narrows a network coordinator's rows (linkrete/scope_admin.py).
COORDINATION_PERMISSIONS = {
    "directory": "all",
    "sportelli": "all",
    "accounts": ["user"],
    "auditlog": ["logentry"],
    # The équipes; of cases only the counts (famiglie/admin.py), never a file.
    "famiglie": ["team", "teammember"],
}

# Group name -> (label, {app_label: "all" or [model names]}).
ROLES = {
    COORDINATOR: (_("Network coordinators"), COORDINATION_PERMISSIONS),
    SUPER_COORDINATOR: (_("Coordinators of every network"), COORDINATION_PERMISSIONS),
    ORGANIZATION_STAFF: (_("Organization staff"), {}),
    DESK_OPERATOR: (_("Desk operators"), {}),
    CASE_TEAM: (_("Case team"), {}),
    ACCESS_POINT: (_("Access point referrers"), {}),
}


def _coordination(user) -> str | None:
    """``SUPER_COORDINATOR``, ``COORDINATOR`` or None; one query, kept on the user object
    (which lives as long as the request): every app's ``access.py`` asks, often several times
    for one page."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return SUPER_COORDINATOR
    if not hasattr(user, "_linkrete_coordination"):
        names = set(
            user.groups.filter(name__in=[COORDINATOR, SUPER_COORDINATOR]).values_list(
                "name", flat=True
            )
        )
        user._linkrete_coordination = (
            SUPER_COORDINATOR if SUPER_COORDINATOR in names else (COORDINATOR if names else None)
        )
    return user._linkrete_coordination


def is_coordinator(user) -> bool:
    """Whether ``user`` coordinates some network (superusers and super-coordinators do all).

    What they may see of it is their scope (``linkrete.accounts.scope.scope_of``).
    """
    return _coordination(user) is not None


def is_super_coordinator(user) -> bool:
    """Superusers and the ``supercoordinatori`` group: the global view, every network."""
    return _coordination(user) == SUPER_COORDINATOR
