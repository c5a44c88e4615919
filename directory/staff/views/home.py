import datetime

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from directory.models import Revision, VolunteeringCall
from directory.staff import services
from directory.staff.access import (
    get_organization_for_user,
    is_member,
    organizations_for_user,
)
from directory.staff.revision_kinds import kind_of
from linkrete.accounts.roles import is_coordinator

VERIFY_AFTER = datetime.timedelta(days=183)

CHECKS = [
    ("description", gettext_lazy("a description")),
    ("social_utility", gettext_lazy("the social utility statement")),
    ("contacts", gettext_lazy("a website, e-mail or phone")),
    ("logo", gettext_lazy("a logo")),
    ("tax_code", gettext_lazy("the tax code")),
    ("areas", gettext_lazy("the areas of general interest")),
    ("locations", gettext_lazy("at least one location")),
    ("activities", gettext_lazy("at least one activity")),
    ("hours", gettext_lazy("opening hours for every activity")),
]


def completeness(organization) -> tuple[int, list]:
    """Percentage of the profile filled in, and what is missing. Uses the annotations of
    ``organizations_with_counts`` so it asks the database nothing."""
    done = {
        "description": bool(organization.description.strip()),
        "social_utility": bool(organization.social_utility.strip()),
        "contacts": bool(organization.website or organization.email or organization.phone),
        "logo": bool(organization.logo),
        "tax_code": bool(organization.tax_code),
        "areas": organization.area_count > 0,
        "locations": organization.location_count > 0,
        "activities": organization.activity_count > 0,
        "hours": organization.activity_count > 0
        and organization.activities_with_hours == organization.activity_count,
    }
    missing = [label for key, label in CHECKS if not done[key]]
    return round(100 * (len(CHECKS) - len(missing)) / len(CHECKS)), missing


def organizations_with_counts(user):
    return organizations_for_user(user).annotate(
        area_count=Count("general_interest_areas", distinct=True),
        location_count=Count("locations", distinct=True),
        activity_count=Count("activities", distinct=True),
        activities_with_hours=Count(
            "activities", filter=Q(activities__opening_slots__isnull=False), distinct=True
        ),
        pending_count=Count(
            "revisions", filter=Q(revisions__status=Revision.Status.PENDING), distinct=True
        ),
    )


def home(request):
    today = timezone.localdate()
    organizations = []
    for organization in organizations_with_counts(request.user).order_by("name"):
        score, missing = completeness(organization)
        organizations.append(
            {
                "organization": organization,
                "score": score,
                "missing": missing,
                "needs_verification": organization.last_verified is None
                or today - organization.last_verified > VERIFY_AFTER,
            }
        )
    coordinator = is_coordinator(request.user)
    return render(
        request,
        "staff/home.html",
        {
            "organizations": organizations,
            "is_coordinator": coordinator,
            "queue_count": Revision.objects.pending().count() if coordinator else None,
            "call_queue_count": VolunteeringCall.objects.pending_review().count()
            if coordinator
            else None,
        },
    )


@require_POST
def organization_verified(request, slug):
    organization = get_organization_for_user(request.user, slug)
    services.organization_mark_verified(organization=organization, user=request.user)
    messages.success(request, _("Thank you: the information is marked as checked today."))
    return redirect("staff:organization", slug=organization.slug)


def organization_dashboard(request, slug):
    organization = get_organization_for_user(request.user, slug)
    organization = organizations_with_counts(request.user).get(pk=organization.pk)
    score, missing = completeness(organization)
    today = timezone.localdate()
    return render(
        request,
        "staff/organization.html",
        {
            "organization": organization,
            "score": score,
            "missing": missing,
            "needs_verification": organization.last_verified is None
            or today - organization.last_verified > VERIFY_AFTER,
            "locations": organization.locations.all(),
            "activities": organization.activities.annotate(slot_count=Count("opening_slots")),
            # Each with whether opening hours may be added to it while it waits.
            "pending": [
                (revision, kind_of(revision).takes_pending_hours(revision))
                for revision in organization.revisions.pending().select_related("author")
            ],
            "is_member": is_member(request.user, organization),
        },
    )
