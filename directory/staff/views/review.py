"""Coordinators' review queue: a field-by-field diff, approve or reject with a reason."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.models import Revision, VolunteeringCall, Weekday
from directory.staff import services
from directory.staff.access import get_organization_for_user, is_coordinator, require_coordinator
from directory.staff.forms import REVISION_FORMS, RejectForm
from directory.staff.views.editing import reopen_url


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
    if revision.kind == Revision.Kind.HOURS:
        before, after = _hours_lines(revision.previous), _hours_lines(revision.data)
        return [
            {
                "label": _("opening hours"),
                "before": "\n".join(before) or "—",
                "after": "\n".join(after) or "—",
                "changed": before != after,
            }
        ]
    form_class = REVISION_FORMS[revision.kind]
    kwargs = (
        {}
        if revision.kind == Revision.Kind.ORGANIZATION
        else {"organization": revision.organization}
    )
    form = form_class(**kwargs)
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
                "changed": before != after,
            }
        )
    if revision.data.get("image"):
        rows.append({"label": _("image"), "before": "", "after": _("new image"), "changed": True})
    return rows


def review_queue(request):
    require_coordinator(request.user)
    revisions = Revision.objects.pending().for_list().order_by("created_at", "pk")
    return render(
        request,
        "staff/revision_list.html",
        {
            "revisions": revisions,
            "queue": True,
            "call_count": VolunteeringCall.objects.pending_review().count(),
        },
    )


def _revision_page(request, revision, reject_form=None):
    return render(
        request,
        "staff/revision_detail.html",
        {
            "revision": revision,
            "organization": revision.organization,
            "diff": revision_diff(revision),
            "can_review": is_coordinator(request.user)
            and revision.status == Revision.Status.PENDING,
            "reject_form": reject_form or RejectForm(),
            "reopen_url": reopen_url(revision),
        },
    )


def revision_detail(request, slug, pk):
    organization = get_organization_for_user(request.user, slug)
    revision = get_object_or_404(organization.revisions.for_list(), pk=pk)
    return _revision_page(request, revision)


def review_detail(request, pk):
    require_coordinator(request.user)
    revision = get_object_or_404(Revision.objects.for_list(), pk=pk)
    return _revision_page(request, revision)


@require_POST
def review_approve(request, pk):
    require_coordinator(request.user)
    revision = get_object_or_404(Revision, pk=pk)
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
    require_coordinator(request.user)
    revision = get_object_or_404(Revision.objects.for_list(), pk=pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _revision_page(request, revision, reject_form=form)
    try:
        services.revision_reject(
            revision=revision, reviewer=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("staff:review_detail", pk=revision.pk)
    messages.success(request, _("Change rejected; the author can reopen and correct it."))
    return redirect("staff:review_queue")
