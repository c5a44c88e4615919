"""Coordinators' review of volunteering calls: a queue, the call as it would be published,
approve or reject with a reason."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.models import VolunteeringCall
from directory.staff import services
from directory.staff.access import require_coordinator
from directory.staff.forms import RejectForm
from linkrete.accounts.scope import scope_of
from linkrete.paging import page_of


def _calls_to_review(user):
    """The calls of the organizations ``user`` coordinates: others' are a 404."""
    require_coordinator(user)
    return scope_of(user).filter(VolunteeringCall.objects.all(), organizations="organization")


def call_review_queue(request):
    calls = page_of(
        request,
        _calls_to_review(request.user)
        .pending_review()
        .for_review()
        .order_by(F("submitted_at").asc(nulls_first=True), "pk"),
    )
    return render(request, "staff/call_review_list.html", {"calls": calls})


def _call_page(request, call, reject_form=None):
    return render(
        request,
        "staff/call_review_detail.html",
        {
            "call": call,
            "can_review": call.review_status == VolunteeringCall.ReviewStatus.PENDING,
            "review_token": services.review_token(call),
            "reject_form": reject_form or RejectForm(),
        },
    )


def call_review_detail(request, pk):
    return _call_page(
        request, get_object_or_404(_calls_to_review(request.user).for_review(), pk=pk)
    )


@require_POST
def call_review_approve(request, pk):
    call = get_object_or_404(_calls_to_review(request.user), pk=pk)
    try:
        services.call_approve(
            call=call, reviewer=request.user, seen_submitted_at=request.POST.get("submitted", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("staff:call_review_detail", pk=call.pk)
    messages.success(request, _("Call approved: it is public while its organization keeps it on."))
    return redirect("staff:call_review_queue")


@require_POST
def call_review_reject(request, pk):
    call = get_object_or_404(_calls_to_review(request.user).for_review(), pk=pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _call_page(request, call, reject_form=form)
    try:
        services.call_reject(
            call=call,
            reviewer=request.user,
            reason=form.cleaned_data["reason"],
            seen_submitted_at=request.POST.get("submitted", ""),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("staff:call_review_detail", pk=call.pk)
    messages.success(
        request, _("Call rejected: the organization reads the reason and can correct it.")
    )
    return redirect("staff:call_review_queue")
