import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from directory.models import (
    Organization,
    ProblemReport,
    Revision,
    SearchRefresh,
    VolunteeringCall,
)
from directory.staff import services
from directory.staff.access import (
    get_organization_for_user,
    is_member,
)
from directory.staff.revision_kinds import kind_of
from linkrete.accounts.roles import is_coordinator
from linkrete.accounts.scope import scope_of
from linkrete.paging import page_of

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


def organizations_with_counts(organizations):
    return organizations.annotate(
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


def needs_verification(organization, today) -> bool:
    return organization.last_verified is None or today - organization.last_verified > VERIFY_AFTER


def own_organizations(user, today) -> list[dict]:
    """The organizations the user is a member of, each with its completeness: a handful, never
    the network (coordinators see every organization through the queues below)."""
    organizations = []
    mine = Organization.objects.filter(memberships__user=user)
    for organization in organizations_with_counts(mine).order_by("name"):
        score, missing = completeness(organization)
        organizations.append(
            {
                "organization": organization,
                "score": score,
                "missing": missing,
                "needs_verification": needs_verification(organization, today),
            }
        )
    return organizations


STALE_PAGE_SIZE = 20


def stale_organizations(today):
    """Organizations never checked or checked more than six months ago, those waiting longest
    first; read a page at a time along ``organization_verified_idx``."""
    return (
        Organization.objects.filter(
            Q(last_verified__isnull=True) | Q(last_verified__lt=today - VERIFY_AFTER)
        )
        .order_by(F("last_verified").asc(nulls_first=True), "name", "pk")
        .only("name", "slug", "last_verified")
    )


def home(request):
    today = timezone.localdate()
    context = {"organizations": own_organizations(request.user, today), "is_coordinator": False}
    if is_coordinator(request.user):
        # One count per queue (each an index lookup of the rows waiting), and one page of the
        # stale records: at national scale that is 150,000 organizations, so never all of them.
        # A network's coordinator counts and lists their networks' organizations only.
        scope = scope_of(request.user)
        stale = Paginator(
            scope.filter(stale_organizations(today), organizations="pk"), STALE_PAGE_SIZE
        ).get_page(request.GET.get("pagina"))
        context |= {
            "is_coordinator": True,
            "queue_count": scope.filter(
                Revision.objects.pending(), organizations="organization"
            ).count(),
            "call_queue_count": scope.filter(
                VolunteeringCall.objects.pending_review(), organizations="organization"
            ).count(),
            "report_count": scope.filter(
                ProblemReport.objects.open(), organizations="organization"
            ).count(),
            # The search's refreshes are the platform's, not a network's.
            "refresh_count": SearchRefresh.objects.pending().count() if scope.everything else None,
            "stale": stale,
        }
    return render(request, "staff/home.html", context)


@require_POST
def organization_verified(request, slug):
    organization = get_organization_for_user(request.user, slug)
    services.organization_mark_verified(organization=organization, user=request.user)
    messages.success(request, _("Thank you: the information is marked as checked today."))
    if request.POST.get("from") == "home" and is_coordinator(request.user):
        # Back to the coordinator's list of records to check, at the page they were on.
        page = request.POST.get("pagina", "")
        return redirect(reverse("staff:home") + (f"?pagina={page}" if page.isdigit() else ""))
    return redirect("staff:organization", slug=organization.slug)


def organization_dashboard(request, slug):
    organization = get_organization_for_user(request.user, slug)
    organization = organizations_with_counts(Organization.objects.all()).get(pk=organization.pk)
    score, missing = completeness(organization)
    today = timezone.localdate()
    return render(
        request,
        "staff/organization.html",
        {
            "organization": organization,
            "score": score,
            "missing": missing,
            "needs_verification": needs_verification(organization, today),
            "locations": organization.locations.all(),
            # The desks it hosts, whose public texts its staff may translate.
            "desks": organization.desks.order_by("name").only("name", "slug"),
            # 500 activities for the biggest bodies: a page at a time, by title.
            "activities": page_of(
                request,
                organization.activities.annotate(slot_count=Count("opening_slots")).order_by(
                    "title", "pk"
                ),
            ),
            # Each with whether opening hours may be added to it while it waits.
            "pending": [
                (revision, kind_of(revision).takes_pending_hours(revision))
                for revision in organization.revisions.pending().select_related("author")
            ],
            "is_member": is_member(request.user, organization),
        },
    )
