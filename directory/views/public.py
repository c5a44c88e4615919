"""Public pages of the directory: home, activity and organization pages. No sign-in."""

import datetime
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import F, Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from directory import home as home_figures
from directory import home_place, my_list, translations, upcoming
from directory.cards import with_card_details
from directory.forms import ProblemReportForm
from directory.hours import OpeningHours
from directory.models import (
    AGE_BANDS,
    AGE_BANDS_BY_SLUG,
    Activity,
    EventSession,
    Location,
    Municipality,
    NetworkMembership,
    Organization,
    OrganizationMerge,
    ProblemReport,
    Zone,
)
from directory.seo import activity_jsonld, organization_jsonld
from linkrete import page_cache
from linkrete.page_cache import cached_page
from linkrete.paging import PAGE_PARAM, paginate
from linkrete.same_origin import same_origin_post
from linkrete.throttle import over_limit

FINDER_STEPS = ("1", "2", "3")
REPORTS_PER_HOUR = 5


@login_not_required
# The figures may be the last ones computed while a process recomputes them (directory.home):
# a copy of the page keeps them a minute at most once fresh ones exist.
@cached_page("directory", page_cache.HOME_FIGURES)
def home(request):
    # The figures the worker stored; no visit computes them (directory.home: how fresh).
    figures = home_figures.figures()
    need_categories = figures["need_categories"]
    finder = _finder_state(request.GET, need_categories)
    return render(
        request,
        "directory/home.html",
        {
            **figures,
            "age_bands": AGE_BANDS,
            "finder": finder,
            "meta_description": _(
                "Activities, help and services for families near you: search by need, "
                "age, place and day."
            ),
        },
    )


# What the place search carries on to the search page.
PLACE_CARRIED = ("q", "fascia", "categoria")
MAX_PLACE_CHOICES = 10
# An organization's page shows its activities a page at a time (a big one has hundreds).
ACTIVITIES_PER_PAGE = 12
# ``lista``: the public list the chosen place narrows (the search when absent or unknown).
# ``casa``: the family's municipality, remembered to order the search (``directory.home_place``):
# municipalities only, and every parameter of the search carried.
PLACE_TARGETS = {
    "volontariato": "directory:call_list",
    "sportelli": "sportelli:desk_list",
    "eventi": "directory:event_calendar",
    "casa": "directory:remember_place",
}


@login_not_required
@cached_page("directory")
def place_search(request):
    """A place typed by name: one zone or municipality goes to its results, several are offered.

    Zones first, ignoring case and accents: whole names, else zones containing the text and
    municipalities starting with it. Works without JavaScript.
    """
    typed = request.GET.get("dove", "").strip()[:120]
    carried = {k: request.GET[k] for k in PLACE_CARRIED if request.GET.get(k)}
    target_key = request.GET.get("lista") if request.GET.get("lista") in PLACE_TARGETS else ""
    target = reverse(PLACE_TARGETS.get(target_key, "directory:search"))
    home = target_key == "casa"
    if home:
        carried = home_place.carried(request.GET)
    if not typed:
        back = reverse("directory:search") if home else target
        return redirect(f"{back}?{urlencode(carried)}")
    zones = [] if home else list(Zone.objects.filter(name__unaccent__iexact=typed).order_by("name"))
    municipalities = list(
        Municipality.objects.filter(name__unaccent__iexact=typed).order_by("name", "province_code")[
            :MAX_PLACE_CHOICES
        ]
    )
    if not zones and not municipalities:
        zones = (
            []
            if home
            else list(
                Zone.objects.filter(name__unaccent__icontains=typed).order_by("name")[
                    :MAX_PLACE_CHOICES
                ]
            )
        )
        municipalities = list(
            Municipality.objects.filter(name__unaccent__istartswith=typed).order_by(
                "name", "province_code"
            )[:MAX_PLACE_CHOICES]
        )
    choices = [(zone.name, {**carried, "zona": zone.slug}) for zone in zones] + [
        (f"{m.name} ({m.province_code})", {**carried, "casa" if home else "comune": m.istat_code})
        for m in municipalities
    ]
    choices = choices[:MAX_PLACE_CHOICES]
    if len(choices) == 1:
        return redirect(f"{target}?{urlencode(choices[0][1])}")
    return render(
        request,
        "directory/place_search.html",
        {
            "typed": typed,
            "carried": carried,
            "target": target,
            "target_key": target_key,
            "choices": [(label, urlencode(params)) for label, params in choices],
        },
    )


@login_not_required
@cache_control(public=True, max_age=3600)
def place_suggestions(request):
    """Up to ten place names starting with what was typed, zones first (JSON, for a datalist);
    municipalities alone with ``solo=comuni`` (the field "Dove abiti?" takes no zone).

    Progressive enhancement of the place search: without JavaScript the name is searched as is.
    """
    typed = request.GET.get("dove", "").strip()[:120]
    names = []
    if len(typed) >= 2:
        if request.GET.get("solo") != "comuni":
            names = list(
                Zone.objects.filter(name__unaccent__istartswith=typed)
                .order_by("name")
                .values_list("name", flat=True)[:MAX_PLACE_CHOICES]
            )
        names += (
            Municipality.objects.filter(name__unaccent__istartswith=typed)
            .order_by("name")
            .values_list("name", flat=True)
            .distinct()[: MAX_PLACE_CHOICES - len(names)]
        )
    return JsonResponse({"names": names})


def _finder_state(params, need_categories):
    """The guided finder: which step to show and the valid choices carried so far."""
    step = params.get("passo", "1")
    if step not in FINDER_STEPS:
        step = "1"
    band = AGE_BANDS_BY_SLUG.get(params.get("fascia", ""))
    slugs = {c.slug: c for root in need_categories for c in [root, *root.children.all()]}
    category = slugs.get(params.get("categoria", ""))
    return {
        "step": step,
        "band": band,
        "category": category,
        "needs": _needs_for(need_categories, band),
    }


def _needs_for(need_categories, band):
    """[(root, [its children])] the finder offers: for an age band, the children whose ages
    suit it, under their root; a root without children, when its own ages suit it."""
    needs = []
    for root in need_categories:
        children = list(root.children.all())
        if band is not None:
            suits = [c for c in children if c.suits(band.minimum, band.maximum)]
            if not suits and (children or not root.suits(band.minimum, band.maximum)):
                continue
            children = suits
        needs.append((root, children))
    return needs


def _public_activity(slug, queryset=None):
    if queryset is None:
        queryset = Activity.objects.public()
    return get_object_or_404(queryset, slug=slug)


def _day_label(day, today):
    if day == today:
        return _("today")
    if day == today + datetime.timedelta(days=1):
        return _("tomorrow")
    return None


# The coming sessions an organization's or an activity's page lists (the calendar has the rest).
UPCOMING_EVENTS = 5


def _upcoming_sessions(**owner):
    return list(
        EventSession.objects.taking_place()
        .filter(**owner)
        .upcoming()
        .select_related("event", "location__municipality")[:UPCOMING_EVENTS]
    )


def _activity_page(request, activity, report_form=None, status=200):
    today = timezone.localdate()
    translations.apply(activity, translations.ACTIVITY_PAGE_FIELDS)
    organization = activity.organization
    # The organization's texts were read with the activity's row (``for_detail``).
    translations.apply(organization, translations.ORGANIZATION_FIELDS, "org_", source=activity)
    locations = list(activity.locations.all())
    location_names = {loc.pk: loc.name for loc in locations}
    slots = list(activity.opening_slots.all())
    hours = OpeningHours.for_activity(activity)
    opening = hours.status()
    weekly = [
        {
            "label": label,
            "is_today": is_today,
            "slots": [
                {
                    "opens_at": slot.opens_at,
                    "closes_at": slot.closes_at,
                    "notes": slot.notes,
                    # Only worth saying where when the activity has several places.
                    "location": location_names.get(slot.location_id)
                    if len(locations) > 1
                    else None,
                }
                for slot in day_slots
            ],
        }
        for _value, label, day_slots, is_today in hours.weekly(today)
    ]
    has_ended = activity.status == Activity.Status.ENDED or bool(
        activity.valid_to and activity.valid_to < today
    )
    absolute_url = request.build_absolute_uri(activity.get_absolute_url())
    return render(
        request,
        "directory/activity_detail.html",
        {
            "activity": activity,
            "organization": organization,
            "categories": list(activity.categories.all()),
            "target_groups": list(activity.target_groups.all()),
            "languages": list(activity.languages.all()),
            "locations": locations,
            "required_documents": [
                line.strip() for line in activity.required_documents.splitlines() if line.strip()
            ],
            "opening": opening,
            "next_day_label": _day_label(opening.next.day, today) if opening.next else None,
            "weekly": weekly,
            "has_hours": bool(slots),
            "exceptions": hours.upcoming_exceptions(today)[:6],
            "has_ended": has_ended,
            "event_sessions": _upcoming_sessions(event__activity=activity),
            "start_note": "" if has_ended else upcoming.start_label(activity, today),
            "enrolment": upcoming.enrolment(activity, today),
            "starts_on": activity.valid_from
            if activity.valid_from and activity.valid_from > today and not has_ended
            else None,
            "is_temporarily_closed": activity.status == Activity.Status.TEMPORARILY_CLOSED,
            "phone": activity.phone or organization.phone,
            "email": activity.email or organization.email,
            "website": activity.website or organization.website,
            "last_verified": activity.last_verified or organization.last_verified,
            "report_form": report_form or ProblemReportForm(),
            "in_my_list": activity.pk in my_list.activity_ids(request.session),
            "absolute_url": absolute_url,
            "map_tile_url": settings.LINKRETE_MAP_TILE_URL,
            "map_attribution": settings.LINKRETE_MAP_ATTRIBUTION,
            "jsonld": activity_jsonld(activity, request, locations, slots),
            "meta_title": activity.title,
            "meta_description": activity.summary or Truncator(activity.description).chars(200),
            "meta_image": request.build_absolute_uri(organization.logo.url)
            if organization.logo
            else "",
        },
        status=status,
    )


@login_not_required
@cached_page("directory", open_now=True)
def activity_detail(request, slug):
    activity = _public_activity(slug, Activity.objects.public().for_detail())
    return _activity_page(request, activity)


@login_not_required
def activity_qr(request, slug):
    activity = _public_activity(slug)
    url = request.build_absolute_uri(activity.get_absolute_url())
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    response = HttpResponse(image.to_string(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@login_not_required
@same_origin_post
@require_POST
def activity_report_problem(request, slug):
    activity = _public_activity(slug, Activity.objects.public().for_detail())
    form = ProblemReportForm(request.POST)
    if not form.is_valid():
        return _activity_page(request, activity, report_form=form, status=400)
    if over_limit(request, "problem-report", REPORTS_PER_HOUR):
        messages.error(
            request,
            _("You have sent many reports in a short time: please try again in an hour."),
        )
        return redirect(activity)
    if not form.is_spam:
        ProblemReport.objects.create(
            activity=activity,
            organization=activity.organization,
            problems=form.cleaned_data["problems"],
            message=form.cleaned_data["message"].strip(),
        )
    # A robot filling the honeypot is told the same, so it learns nothing.
    messages.success(request, _("Thank you: the network coordinators will check and correct it."))
    return redirect(activity)


@login_not_required
@cached_page("directory", open_now=True)
def organization_detail(request, slug):
    published = translations.with_translation(
        Organization.objects.published(), translations.ORGANIZATION_FIELDS
    )
    organization = (
        published.prefetch_related(
            "general_interest_areas",
            Prefetch(
                "locations",
                queryset=Location.objects.select_related("municipality").order_by("name"),
            ),
            Prefetch(
                "network_memberships",
                queryset=NetworkMembership.objects.select_related("network").order_by(
                    "network__name", "role"
                ),
            ),
        )
        .filter(slug=slug)
        .first()
    )
    if organization is None:
        # The address of an organization merged into another leads to the one that stayed.
        survivor = OrganizationMerge.survivor_of(slug)
        if survivor is None:
            raise Http404
        return redirect(survivor, permanent=True)
    translations.apply(organization, translations.ORGANIZATION_FIELDS)
    paged = paginate(
        organization.activities.public().not_ended().for_list().order_by("title", "pk"),
        request.GET.get(PAGE_PARAM),
        ACTIVITIES_PER_PAGE,
    )
    activities = with_card_details(paged.page.object_list)
    locations = list(organization.locations.all())
    calls = [
        translations.apply(call, translations.CALL_CARD_FIELDS)
        for call in translations.with_translation(
            organization.volunteering_calls.public(), translations.CALL_CARD_FIELDS
        )
        .select_related("municipality")
        .order_by(F("deadline").asc(nulls_last=True), "-created_at")
    ]
    return render(
        request,
        "directory/organization_detail.html",
        {
            "organization": organization,
            "activities": activities,
            "page_obj": paged.page,
            "notices": paged.notices,
            "locations": locations,
            "calls": calls,
            "event_sessions": _upcoming_sessions(event__organization=organization),
            "areas": list(organization.general_interest_areas.all()),
            "map_points": ";".join(
                f"{loc.latitude},{loc.longitude}" for loc in locations if loc.has_coordinates
            ),
            "map_labels": "|".join(
                loc.name.replace("|", " ") for loc in locations if loc.has_coordinates
            ),
            "map_tile_url": settings.LINKRETE_MAP_TILE_URL,
            "map_attribution": settings.LINKRETE_MAP_ATTRIBUTION,
            "jsonld": organization_jsonld(organization, request, locations),
            "meta_title": organization.name,
            "meta_description": Truncator(organization.description).chars(200),
            "meta_image": request.build_absolute_uri(organization.logo.url)
            if organization.logo
            else "",
        },
    )
