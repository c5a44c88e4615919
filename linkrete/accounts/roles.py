"""The roles of Linkrete as Django groups, with the model permissions each one carries.

Object scope (which organization, desk or case) is checked in each app's ``access.py``; the
groups only say what kind of thing a role may do at all. ``sync_roles`` applies this table.
The one role every app asks about, network coordinator, is answered here once for all of them.
"""

from django.utils.translation import gettext_lazy as _

COORDINATOR = "coordinatori"
ORGANIZATION_STAFF = "staff_enti"
DESK_OPERATOR = "operatori_sportello"
CASE_TEAM = "equipe"

# Group name -> (label, {app_label: "all" or [model names]}).
ROLES = {
    COORDINATOR: (
        _("Network coordinators"),
        {
            "directory": "all",
            "sportelli": "all",
            "accounts": ["user"],
            "auditlog": ["logentry"],
            # The équipes; of cases only the counts (famiglie/admin.py), never a file.
            "famiglie": ["team", "teammember"],
        },
    ),
    ORGANIZATION_STAFF: (_("Organization staff"), {}),
    DESK_OPERATOR: (_("Desk operators"), {}),
    CASE_TEAM: (_("Case team"), {}),
}


def is_coordinator(user) -> bool:
    """Whether ``user`` coordinates the network (superusers do); asked once per request.

    Every app's ``access.py`` asks it, often several times for one page: the answer is kept
    on the user object, which lives as long as the request.
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_linkrete_is_coordinator", None)
    if cached is None:
        cached = user.groups.filter(name=COORDINATOR).exists()
        user._linkrete_is_coordinator = cached
    return cached
