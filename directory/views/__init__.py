"""Views of the directory app, split by audience (STYLE.md, "Layout")."""

from directory.views.calls import call_detail, call_list
from directory.views.my_list import my_list, my_list_add, my_list_remove, my_list_shared
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

__all__ = [
    "activity_detail",
    "activity_qr",
    "activity_report_problem",
    "call_detail",
    "call_list",
    "home",
    "my_list",
    "my_list_add",
    "my_list_remove",
    "my_list_shared",
    "organization_detail",
    "place_search",
    "place_suggestions",
    "remember_place",
    "search",
]
