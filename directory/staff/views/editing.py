"""Editing public data: every save becomes a Revision, published on approval."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from directory.models import Revision
from directory.staff import revision_kinds, services
from directory.staff.access import get_organization_for_user
from directory.staff.forms import (
    ActivityForm,
    LocationForm,
    OpeningSlotFormSet,
    OrganizationProfileForm,
    ScheduleExceptionFormSet,
    formset_rows,
    serialize,
)
from linkrete import params
from linkrete.paging import page_of


def _reopened(request, organization, kind, **target):
    """A rejected (or earlier) revision whose text the author wants back in the form."""
    pk = params.positive_int(request.GET.get("revisione"), minimum=1)
    if pk is None:
        return None
    return get_object_or_404(organization.revisions, pk=pk, kind=kind, **target)


def _submitted_message(request, revision):
    if revision.status == Revision.Status.APPROVED:
        messages.success(request, _("Saved and published."))
    else:
        messages.success(
            request,
            _("Thank you: the change is waiting for a coordinator's review before it is public."),
        )


def _submit(request, organization, kind, form, carried=None, **target):
    data = {**serialize(form, exclude=form.revision_exclude), **(carried or {})}
    image = next((form.cleaned_data.get(name) for name in form.revision_exclude), None)
    if image:
        data["image"] = services.store_revision_image(image)
    try:
        revision = services.revision_submit(
            author=request.user, organization=organization, kind=kind, data=data, **target
        )
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return None
    _submitted_message(request, revision)
    return revision


def _form_page(request, organization, form, title, **extra):
    return render(
        request,
        "staff/edit_form.html",
        {
            "organization": organization,
            "form": form,
            "title": title,
            "revisable": True,
            "map_tile_url": settings.LINKRETE_MAP_TILE_URL,
            "map_attribution": settings.LINKRETE_MAP_ATTRIBUTION,
            **extra,
        },
    )


def organization_edit(request, slug):
    organization = get_organization_for_user(request.user, slug)
    if request.method == "POST":
        form = OrganizationProfileForm(request.POST, request.FILES, instance=organization)
        if form.is_valid() and _submit(request, organization, Revision.Kind.ORGANIZATION, form):
            return redirect("staff:organization", slug=organization.slug)
    else:
        reopened = _reopened(request, organization, Revision.Kind.ORGANIZATION)
        form = OrganizationProfileForm(
            instance=organization, initial=reopened.data if reopened else None
        )
    return _form_page(request, organization, form, _("Edit the profile"), multipart=True)


def location_edit(request, slug, pk=None):
    organization = get_organization_for_user(request.user, slug)
    location = get_object_or_404(organization.locations, pk=pk) if pk else None
    if request.method == "POST":
        form = LocationForm(request.POST, instance=location, organization=organization)
        if form.is_valid() and _submit(
            request, organization, Revision.Kind.LOCATION, form, location=location
        ):
            return redirect("staff:organization", slug=organization.slug)
    else:
        reopened = _reopened(request, organization, Revision.Kind.LOCATION, location=location)
        form = LocationForm(
            instance=location,
            organization=organization,
            initial=reopened.data if reopened else None,
        )
    title = _("Edit the location") if location else _("New location")
    return _form_page(request, organization, form, title, with_map=True)


def _after_new_activity(request, organization, revision):
    """A new activity's next step is its hours, whether it is public yet or not."""
    if revision.activity_id:
        return redirect("staff:activity_hours", slug=organization.slug, pk=revision.activity_id)
    messages.info(
        request,
        _("Now give its opening hours: they are published together with the activity."),
    )
    return redirect("staff:revision_hours", slug=organization.slug, pk=revision.pk)


def activity_edit(request, slug, pk=None):
    organization = get_organization_for_user(request.user, slug)
    activity = get_object_or_404(organization.activities, pk=pk) if pk else None
    if request.method == "POST":
        form = ActivityForm(
            request.POST, request.FILES, instance=activity, organization=organization
        )
        # A rejected new activity sent again keeps the hours it had been given.
        reopened = _reopened(request, organization, Revision.Kind.ACTIVITY, activity=activity)
        carried = (
            {"hours": reopened.data["hours"]}
            if activity is None and reopened and reopened.data.get("hours")
            else None
        )
        revision = form.is_valid() and _submit(
            request, organization, Revision.Kind.ACTIVITY, form, carried, activity=activity
        )
        if revision and activity is None:
            return _after_new_activity(request, organization, revision)
        if revision:
            return redirect("staff:organization", slug=organization.slug)
    else:
        reopened = _reopened(request, organization, Revision.Kind.ACTIVITY, activity=activity)
        form = ActivityForm(
            instance=activity,
            organization=organization,
            initial=reopened.data if reopened else None,
        )
    title = _("Edit the activity") if activity else _("New activity")
    return _form_page(request, organization, form, title, multipart=True)


def _with_extra_row(data, prefix):
    key = f"{prefix}-TOTAL_FORMS"
    count = params.positive_int(data.get(key) or "0")
    if count is None:
        # A tampered count: the formset reports its management form as broken.
        return data
    data = data.copy()
    data[key] = str(count + 1)
    return data


def _hours_formsets(request, organization, initial):
    """The weekly-hours editor: rows of slots and of dated exceptions, no JavaScript needed.

    "Add a row" is a submit button: it posts what was typed and comes back with one more
    empty row, so nothing is lost. Returns the formsets and the rows to save, if any.
    """
    kwargs = {"form_kwargs": {"organization": organization}}
    if request.method != "POST":
        slots = OpeningSlotFormSet(initial=initial["slots"], prefix="slots", **kwargs)
        exceptions = ScheduleExceptionFormSet(initial=initial["exceptions"], prefix="exceptions")
        return slots, exceptions, None
    data = request.POST
    extend = "add_slot" in data or "add_exception" in data
    if extend:
        data = _with_extra_row(data, "slots" if "add_slot" in data else "exceptions")
    slots = OpeningSlotFormSet(data, prefix="slots", **kwargs)
    exceptions = ScheduleExceptionFormSet(data, prefix="exceptions")
    if extend or not (slots.is_valid() and exceptions.is_valid()):
        return slots, exceptions, None
    return slots, exceptions, {"slots": formset_rows(slots), "exceptions": formset_rows(exceptions)}


def _hours_page(request, organization, title, slots, exceptions, waiting=False):
    return render(
        request,
        "staff/activity_hours.html",
        {
            "organization": organization,
            "activity_title": title,
            "waiting": waiting,
            "slots": slots,
            "exceptions": exceptions,
        },
    )


def activity_hours(request, slug, pk):
    organization = get_organization_for_user(request.user, slug)
    activity = get_object_or_404(organization.activities, pk=pk)
    initial = None
    if request.method != "POST":
        reopened = _reopened(request, organization, Revision.Kind.HOURS, activity=activity)
        initial = reopened.data if reopened else revision_kinds.hours_values(activity)
    slots, exceptions, payload = _hours_formsets(request, organization, initial)
    if payload is not None:
        try:
            revision = services.revision_submit(
                author=request.user,
                organization=organization,
                kind=Revision.Kind.HOURS,
                data=payload,
                activity=activity,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            _submitted_message(request, revision)
            return redirect("staff:organization", slug=organization.slug)
    return _hours_page(request, organization, activity.title, slots, exceptions)


def revision_hours(request, slug, pk):
    """Hours for a new activity waiting for review: kept in its revision, published with it."""
    organization = get_organization_for_user(request.user, slug)
    revision = get_object_or_404(
        organization.revisions.pending(), pk=pk, kind=Revision.Kind.ACTIVITY, is_new=True
    )
    empty = {"slots": [], "exceptions": []}
    slots, exceptions, payload = _hours_formsets(
        request, organization, revision.data.get("hours") or empty
    )
    if payload is not None:
        try:
            services.revision_set_hours(revision=revision, hours=payload)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Hours saved: they are published together with the activity.")
            )
            return redirect("staff:organization", slug=organization.slug)
    title = revision.target_label
    return _hours_page(request, organization, title, slots, exceptions, waiting=True)


def revision_history(request, slug):
    organization = get_organization_for_user(request.user, slug)
    revisions = page_of(request, organization.revisions.for_list().order_by("-created_at", "-pk"))
    return render(
        request,
        "staff/revision_list.html",
        {"organization": organization, "revisions": revisions, "queue": False},
    )


def reopen_url(revision):
    """The revision's edit form, filled with its text (the author corrects and sends again)."""
    url = revision_kinds.kind_of(revision).edit_url(revision)
    return f"{url}?revisione={revision.pk}" if url else None
