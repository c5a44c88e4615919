"""Where cases come from: a desk access with outcome "case to open" (the desk's operator opens
the intake in one step) and a referral addressed to a team (its lead accepts it into a case)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from famiglie import access, services
from famiglie.forms import IntakeFromAccessForm
from famiglie.views import case_worker_view, posted_form_errors
from sportelli.models import Access, Outcome, Referral


def intake_from_access(request, pk):
    """For the operators of the access's desk only; the case it opens is the team's, not theirs:
    afterwards they see that an intake was opened, and its reference, nothing more."""
    accessed = get_object_or_404(
        Access.objects.select_related("desk", "municipality").filter(
            desk__operators=request.user, outcome=Outcome.CASE
        ),
        pk=pk,
    )
    if hasattr(accessed, "case"):
        messages.info(request, _("A case was already opened from this access."))
        return redirect("sportelli:access_list")
    form = IntakeFromAccessForm(request.POST if request.method == "POST" else None, access=accessed)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.case_open_from_access(
                access=accessed,
                team=form.cleaned_data["team"],
                by=request.user,
                municipality=form.cleaned_data["municipality"],
            )
        except ValidationError as error:
            posted_form_errors(form, error)
        else:
            messages.success(
                request,
                _("Intake opened with %(team)s: household reference %(reference)s.")
                % {"team": case.team.name, "reference": case.household.reference},
            )
            return redirect("sportelli:access_list")
    return render(
        request,
        "famiglie/intake_form.html",
        {"access": accessed, "topics": list(accessed.topics.all()), "form": form},
        status=400 if form.is_bound else 200,
    )


@case_worker_view
@require_POST
def referral_accept(request, uuid):
    referral = get_object_or_404(
        Referral.objects.filter(to_team__in=access.teams_led_by(request.user)), uuid=uuid
    )
    try:
        case = services.case_accept_referral(referral=referral, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("famiglie:home")
    messages.success(request, _("Referral accepted: the intake is open."))
    return redirect(case)
