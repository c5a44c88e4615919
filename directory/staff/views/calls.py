"""Volunteering calls of an organization and the applications they receive."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.models import Application, VolunteeringCall
from directory.staff import services
from directory.staff.access import (
    get_organization_for_member,
    get_organization_for_user,
    is_member,
)
from directory.staff.forms import VolunteeringCallForm
from linkrete.paging import page_of


def call_list(request, slug):
    organization = get_organization_for_user(request.user, slug)
    calls = organization.volunteering_calls.annotate(
        new_count=Count("applications", filter=Q(applications__status=Application.Status.NEW))
    )
    return render(
        request,
        "staff/call_list.html",
        {
            "organization": organization,
            "calls": calls,
            "is_member": is_member(request.user, organization),
        },
    )


def _saved_message(request, call):
    if call.review_status == VolunteeringCall.ReviewStatus.PENDING:
        messages.success(
            request,
            _("Thank you: the change is waiting for a coordinator's review before it is public."),
        )
    elif call.is_published:
        messages.success(request, _("Saved and published."))
    else:
        messages.success(request, _("Call saved."))


def call_edit(request, slug, pk=None):
    """A rejected call opens with the text the organization wrote and the reviewer's reason:
    saving it sends it for review again."""
    organization = get_organization_for_user(request.user, slug)
    call = get_object_or_404(organization.volunteering_calls, pk=pk) if pk else None
    form = VolunteeringCallForm(request.POST or None, instance=call, organization=organization)
    if request.method == "POST" and form.is_valid():
        call = form.save(commit=False)
        call.organization = organization
        try:
            services.call_submit(call=call, author=request.user, changed_fields=form.changed_data)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            _saved_message(request, call)
            return redirect("staff:call_list", slug=organization.slug)
    title = _("Edit the call") if call else _("New volunteering call")
    rejected = call is not None and call.review_status == VolunteeringCall.ReviewStatus.REJECTED
    return render(
        request,
        "staff/edit_form.html",
        {
            "organization": organization,
            "form": form,
            "title": title,
            "revisable": True,
            "rejection_reason": call.rejection_reason if rejected else "",
        },
    )


def application_list(request, slug):
    organization = get_organization_for_member(request.user, slug)
    # The newest first, a page at a time (hundreds a year for a big organization).
    applications = page_of(
        request,
        Application.objects.filter(call__organization=organization)
        .select_related("call", "volunteer")
        .order_by("-created_at", "-pk"),
    )
    return render(
        request,
        "staff/application_list.html",
        {"organization": organization, "applications": applications},
    )


@require_POST
def application_decide(request, slug, pk):
    organization = get_organization_for_member(request.user, slug)
    application = get_object_or_404(
        Application.objects.select_related("call__organization"),
        pk=pk,
        call__organization=organization,
    )
    try:
        if request.POST.get("decision") == "accept":
            volunteer = services.application_accept(
                application=application, decided_by=request.user
            )
            messages.success(
                request,
                _("Accepted: %(name)s is now in the volunteer register.")
                % {"name": volunteer.full_name},
            )
        else:
            services.application_decline(application=application, decided_by=request.user)
            messages.success(request, _("Application declined."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("staff:application_list", slug=organization.slug)
