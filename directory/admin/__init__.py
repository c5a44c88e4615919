"""The Django admin of the directory: what network coordinators use to moderate and classify.

One module per resource; importing them registers the model admins.
"""

from directory.admin import activity, organization, problem_report, taxonomy, territory

__all__ = ["activity", "organization", "problem_report", "taxonomy", "territory"]
