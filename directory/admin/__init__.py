"""The Django admin of the directory: what network coordinators use to moderate and classify.

One module per resource; importing them registers the model admins.
"""

from directory.admin import (
    access_points,
    activity,
    duplicates,
    events,
    imported_terms,
    job_offer,
    network,
    networks,
    onboarding,
    organization,
    problem_report,
    search_refresh,
    search_synonym,
    surveys,
    taxonomy,
    territory,
)

__all__ = [
    "access_points",
    "activity",
    "duplicates",
    "events",
    "imported_terms",
    "job_offer",
    "network",
    "networks",
    "onboarding",
    "organization",
    "problem_report",
    "search_refresh",
    "search_synonym",
    "surveys",
    "taxonomy",
    "territory",
]
