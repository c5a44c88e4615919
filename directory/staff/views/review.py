"""Coordinators' review queue: a field-by-field diff, approve or reject with a reason."""

import mimetypes
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from directory.models import Revision, VolunteeringCall, Weekday
from directory.staff import services
from directory.staff.access import coordinates, get_organization_for_user, require_coordinator
from directory.staff.forms import RejectForm
from directory.staff.revision_kinds import kind_of
from directory.staff.views.editing import reopen_url
from linkrete.accounts.scope import scope_of
from linkrete.paging import page_of


def _display(field, value):
    if value in (None, "", []):
        return "—"
    if isinstance(field, forms.ModelMultipleChoiceField):
        return ", ".join(str(obj) for obj in field.queryset.filter(pk__in=value))
    if isinstance(field, forms.ModelChoiceField):
        return str(field.queryset.filter(pk=value).first() or value)
    if isinstance(field, forms.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(field, forms.ChoiceField):
        # Stored values are JSON (True), choices are the form's strings ("True").
        labels = {str(key): label for key, label in field.choices}
        return str(labels.get(str(value), value))
    return str(value)


NUMBER_FIELDS = (forms.DecimalField, forms.FloatField, forms.IntegerField)


def _comparable(field, value):
    """The value as the review compares it: an empty field is empty however it is stored
    (None, "", [] or, for a box not ticked on a new record, False), lists in any order,
    numbers by value (45.42 and "45.420000")."""
    if value in (None, "", []) or (isinstance(field, forms.BooleanField) and value is False):
        return None
    if isinstance(value, list | tuple):
        return sorted(str(item) for item in value)
    if isinstance(field, NUMBER_FIELDS):
        try:
            return Decimal(str(value)).normalize()
        except InvalidOperation:
            return value
    if isinstance(field, forms.ChoiceField):
        return str(value)
    return value


def _hours_lines(values):
    lines = []
    for row in values.get("slots", []):
        day = Weekday(int(row["weekday"])).label
        lines.append(f"{day} {row['opens_at'][:5]}–{row['closes_at'][:5]}")
    for row in values.get("exceptions", []):
        if row.get("is_closed"):
            lines.append(_("%(date)s: closed") % {"date": row["date"]})
        else:
            lines.append(f"{row['date']}: {row['opens_at'][:5]}–{row['closes_at'][:5]}")
    return lines


def revision_diff(revision: Revision) -> list[dict]:
    entry = kind_of(revision)
    if entry.form_class is None:
        # Opening hours: rows of slots and exceptions, compared as one list of lines.
        before, after = _hours_lines(revision.previous), _hours_lines(revision.data)
        return [
            {
                "label": _("opening hours"),
                "before": "\n".join(before) or "—",
                "after": "\n".join(after) or "—",
                "changed": before != after,
            }
        ]
    form = entry.form(revision.organization)
    rows = []
    for name, field in form.fields.items():
        if name not in revision.data:
            continue
        before, after = revision.previous.get(name), revision.data.get(name)
        rows.append(
            {
                "label": field.label,
                "before": _display(field, before),
                "after": _display(field, after),
                "changed": _comparable(field, before) != _comparable(field, after),
            }
        )
    rows += entry.extra_diff_rows(revision)
    if entry.takes_pending_hours(revision):
        hours = _hours_lines(revision.data.get("hours") or {})
        rows.append(
            {
                "label": _("opening hours"),
                "before": "—",
                "after": "\n".join(hours) or "—",
                "changed": bool(hours),
            }
        )
    return rows


def lacks_hours(revision: Revision) -> bool:
    """A new activity about to be published with no weekly hours: the reviewer is told."""
    return kind_of(revision).takes_pending_hours(revision) and not (
        (revision.data.get("hours") or {}).get("slots")
    )


def _pending_image(revision: Revision) -> str | None:
    """The path of the image uploaded with the revision while it waits in the private folder."""
    path = revision.data.get("image")
    if isinstance(path, str) and path.startswith(f"{services.REVISION_IMAGE_DIR}/"):
        return path
    return None


def revision_image_row(revision: Revision, image_url: str) -> dict | None:
    if not _pending_image(revision):
        return None
    entry = kind_of(revision)
    current = entry.current_image(revision)
    label = entry.image_label
    return {
        "label": label,
        "before_url": current.url if current else None,
        "after_url": image_url,
        "alt": _("Proposed %(image)s for %(target)s")
        % {"image": label, "target": revision.target_label},
        "before_alt": _("Current %(image)s of %(target)s")
        % {"image": label, "target": revision.target_label},
    }


def review_queue(request):
    require_coordinator(request.user)
    # Those waiting longest first, a page at a time (5,000 pending at national scale).
    scope = scope_of(request.user)
    revisions = page_of(
        request,
        scope.filter(Revision.objects.pending(), organizations="organization")
        .for_list()
        .order_by("created_at", "pk"),
    )
    return render(
        request,
        "staff/revision_list.html",
        {
            "revisions": revisions,
            "queue": True,
            "call_count": scope.filter(
                VolunteeringCall.objects.pending_review(), organizations="organization"
            ).count(),
        },
    )


def _revisions_to_review(user):
    """The revisions of the organizations ``user`` coordinates: others' are a 404."""
    require_coordinator(user)
    return scope_of(user).filter(Revision.objects.all(), organizations="organization")


def _revision_page(request, revision, image_url, reject_form=None):
    return render(
        request,
        "staff/revision_detail.html",
        {
            "revision": revision,
            "organization": revision.organization,
            "diff": revision_diff(revision),
            "image": revision_image_row(revision, image_url),
            "lacks_hours": lacks_hours(revision),
            "hours_url": (
                reverse("staff:revision_hours", args=[revision.organization.slug, revision.pk])
                if kind_of(revision).takes_pending_hours(revision)
                and revision.status == Revision.Status.PENDING
                else None
            ),
            "can_review": coordinates(request.user, revision.organization_id)
            and revision.status == Revision.Status.PENDING,
            "reject_form": reject_form or RejectForm(),
            "reopen_url": reopen_url(revision),
        },
    )


def revision_detail(request, slug, pk):
    organization = get_organization_for_user(request.user, slug)
    revision = get_object_or_404(organization.revisions.for_list(), pk=pk)
    image_url = reverse("staff:revision_image", args=[organization.slug, revision.pk])
    return _revision_page(request, revision, image_url)


def review_detail(request, pk):
    revision = get_object_or_404(_revisions_to_review(request.user).for_list(), pk=pk)
    return _revision_page(request, revision, reverse("staff:review_image", args=[revision.pk]))


IMAGE_TYPES = {"image/jpeg", "image/png", "image/webp"}


def _image_response(revision: Revision) -> FileResponse:
    """The uploaded file, not public until approved (it may show minors): streamed to whoever
    may see the revision, and kept by no cache on the way."""
    path = _pending_image(revision)
    content_type = mimetypes.guess_type(path)[0] if path else None
    if content_type not in IMAGE_TYPES or not default_storage.exists(path):
        raise Http404
    response = FileResponse(default_storage.open(path), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def review_image(request, pk):
    return _image_response(get_object_or_404(_revisions_to_review(request.user), pk=pk))


@require_safe
def revision_image(request, slug, pk):
    """The author's organization sees what it sent, on its own history page."""
    organization = get_organization_for_user(request.user, slug)
    return _image_response(get_object_or_404(organization.revisions, pk=pk))


@require_POST
def review_approve(request, pk):
    revision = get_object_or_404(_revisions_to_review(request.user), pk=pk)
    try:
        services.revision_approve(revision=revision, reviewer=request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The change cannot be published: %(errors)s") % {"errors": " ".join(error.messages)},
        )
        return redirect("staff:review_detail", pk=revision.pk)
    messages.success(request, _("Change approved and published."))
    return redirect("staff:review_queue")


@require_POST
def review_reject(request, pk):
    revision = get_object_or_404(_revisions_to_review(request.user).for_list(), pk=pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        image_url = reverse("staff:review_image", args=[revision.pk])
        return _revision_page(request, revision, image_url, reject_form=form)
    try:
        services.revision_reject(
            revision=revision, reviewer=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("staff:review_detail", pk=revision.pk)
    messages.success(request, _("Change rejected; the author can reopen and correct it."))
    return redirect("staff:review_queue")
