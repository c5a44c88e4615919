"""The printable sheets of an activity and of a family's list, as a page and as a PDF
(``directory.sheets``). Public, like the pages they are printed from."""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from directory import my_list as session_list
from directory import translations
from directory.card_rows import read_card_rows
from directory.hours import OpeningHours
from directory.models import Activity, Location
from directory.sheets import labels
from directory.sheets.page import render_sheet, sheet_context
from directory.views.my_list import _in_order
from linkrete.page_cache import cached_page

ABOUT_CHARS = 400


def _activity_sheet(request, slug, *, as_pdf):
    texts = translations.with_translation(
        Activity.objects.public(), translations.ACTIVITY_PAGE_FIELDS
    )
    activity = get_object_or_404(
        texts.select_related("organization").prefetch_related(
            "target_groups",
            "languages",
            Prefetch(
                "locations",
                queryset=Location.objects.select_related("municipality").order_by("name"),
            ),
            "opening_slots",
        ),
        slug=slug,
    )
    italian_title = activity.title
    translations.apply(activity, translations.ACTIVITY_PAGE_FIELDS)
    organization = activity.organization
    today = timezone.localdate()
    hours = OpeningHours.for_activity(activity, exceptions=())
    context = sheet_context(
        request,
        title=activity.title,
        back_url=activity.get_absolute_url(),
        pdf_url=reverse("directory:activity_sheet_pdf", kwargs={"slug": activity.slug}),
        page_url=request.build_absolute_uri(activity.get_absolute_url()),
    )
    context.update(
        {
            "activity": activity,
            "about": activity.summary or Truncator(activity.description).chars(ABOUT_CHARS),
            "about_field": "summary" if activity.summary else "description",
            # A translated title keeps the Italian beside it, for the operator.
            "italian_title": italian_title if "title" in activity.translated_fields else "",
            "locations": list(activity.locations.all()),
            "weekly": labels.weekly_hours(hours, today),
            "target_groups": list(activity.target_groups.all()),
            "languages": list(activity.languages.all()),
            "required_documents": [
                line.strip() for line in activity.required_documents.splitlines() if line.strip()
            ],
            "phone": activity.phone or organization.phone,
            "email": activity.email or organization.email,
            "website": activity.website or organization.website,
            "last_verified": activity.last_verified or organization.last_verified,
        }
    )
    return render_sheet(
        request,
        "sheets/activity.html",
        context,
        as_pdf=as_pdf,
        name=f"activity:{activity.pk}",
        scopes=("directory",),
    )


@login_not_required
@cached_page("directory")
def activity_sheet(request, slug):
    return _activity_sheet(request, slug, as_pdf=False)


@login_not_required
def activity_sheet_pdf(request, slug):
    return _activity_sheet(request, slug, as_pdf=True)


def _my_list_sheet(request, *, as_pdf):
    ids = session_list.activity_ids(request.session)[: session_list.MAX_ITEMS]
    activities = []
    if ids:
        activities = _in_order(Activity.objects.public().filter(pk__in=ids).for_list(), "pk", ids)
    today = timezone.localdate()
    read_card_rows(activities, today)
    for activity in activities:
        translations.apply(activity, translations.ACTIVITY_CARD_FIELDS)
    items = [
        {
            "activity": activity,
            "locations": sorted(activity.card_locations, key=lambda loc: loc.name),
            "weekly": labels.weekly_hours(
                OpeningHours.for_activity(activity, activity.card_slots, ()), today
            ),
            "phone": activity.phone or activity.organization.phone,
            "email": activity.email or activity.organization.email,
        }
        for activity in activities
    ]
    # The QR code opens the list as a link anyone can read (the slugs, nothing personal), the
    # same the list's page offers to share.
    shared = reverse("directory:my_list_shared")
    if activities:
        shared += "?a=" + ",".join(a.slug for a in activities)
    context = sheet_context(
        request,
        title=str(labels.HEADINGS["my_list"]),
        back_url=reverse("directory:my_list"),
        pdf_url=reverse("directory:my_list_sheet_pdf"),
        page_url=request.build_absolute_uri(shared),
    )
    context["items"] = items
    return render_sheet(
        request,
        "sheets/my_list.html",
        context,
        as_pdf=as_pdf,
        name="list:" + ",".join(str(a.pk) for a in activities),
        scopes=("directory",),
    )


@login_not_required
def my_list_sheet(request):
    return _my_list_sheet(request, as_pdf=False)


@login_not_required
def my_list_sheet_pdf(request):
    return _my_list_sheet(request, as_pdf=True)
