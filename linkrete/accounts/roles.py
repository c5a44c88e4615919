"""The roles of Linkrete as Django groups, with the model permissions each one carries.

Object scope (which organization, desk or case) is checked in each app's ``access.py``; the
groups only say what kind of thing a role may do at all. ``sync_roles`` applies this table.
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
        {"directory": "all", "sportelli": "all", "accounts": ["user"]},
    ),
    ORGANIZATION_STAFF: (_("Organization staff"), {}),
    DESK_OPERATOR: (_("Desk operators"), {}),
    CASE_TEAM: (_("Case team"), {}),
}
