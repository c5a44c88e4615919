"""Views of the directory app, split by audience (STYLE.md, "Layout")."""

from directory.views.calls import call_detail, call_list
from directory.views.event_feeds import network_events_ics, zone_events_ics
from directory.views.event_signups import (
    event_signup,
    signup_cancel,
    signup_done,
    signup_ics,
)
from directory.views.events import (
    event_calendar,
    event_detail,
    event_ics,
    organization_events_ics,
)
from directory.views.my_list import my_list, my_list_add, my_list_remove, my_list_shared
from directory.views.networks import network_detail, network_list
from directory.views.public import (
    activity_detail,
    activity_qr,
    activity_report_problem,
    home,
    organization_detail,
    place_search,
    place_suggestions,
)
from directory.views.search import remember_place
from directory.views.search import search_page as search
from directory.views.sheets import (
    activity_sheet,
    activity_sheet_pdf,
    my_list_sheet,
    my_list_sheet_pdf,
)

__all__ = [
    "activity_detail",
    "activity_qr",
    "activity_report_problem",
    "activity_sheet",
    "activity_sheet_pdf",
    "call_detail",
    "call_list",
    "event_calendar",
    "event_detail",
    "event_ics",
    "event_signup",
    "home",
    "my_list",
    "my_list_add",
    "my_list_remove",
    "my_list_shared",
    "my_list_sheet",
    "my_list_sheet_pdf",
    "network_detail",
    "network_events_ics",
    "network_list",
    "organization_detail",
    "organization_events_ics",
    "place_search",
    "place_suggestions",
    "remember_place",
    "search",
    "zone_events_ics",
    "signup_cancel",
    "signup_done",
    "signup_ics",
]
