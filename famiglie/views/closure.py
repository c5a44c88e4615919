"""Closing a case: the reason, an outcome for each objective of the plan, the final needs
assessment (``services.case_close``). A member's closure waits for the team lead's approval
on the case page, as the other moves that need it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from famiglie import access, services
from famiglie.forms import CaseCloseForm
from famiglie.models import Assessment, CaseState, ObjectiveStatus
from famiglie.views import case_worker_view, posted_form_errors


@case_worker_view
def case_close(request, code):
    case = access.get_case_for_user(request.user, code)
    objectives = list(case.objectives.exclude(status=ObjectiveStatus.DROPPED).order_by("pk"))
    assessments = Assessment.objects.filter(case=case).order_by("-date", "-pk")
    latest = assessments.first()
    form = CaseCloseForm(
        request.POST if request.method == "POST" else None,
        case=case,
        objectives=objectives,
        assessments=assessments,
        initial={"final_assessment": latest},
    )
    if request.method == "POST" and form.is_valid():
        try:
            closure = services.case_close(
                case=case,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
                final_assessment=form.cleaned_data["final_assessment"],
                outcomes=form.outcomes(),
                by=request.user,
            )
        except ValidationError as error:
            posted_form_errors(form, error)
        else:
            if closure.approved_at:
                messages.success(request, _("The case is closed."))
            else:
                messages.success(request, _("The team lead has been asked to approve the closure."))
            return redirect(case)
    can_close = CaseState.CLOSED in case.allowed_transitions() and not case.requested_state
    return render(
        request,
        "famiglie/case_close.html",
        {"case": case, "form": form, "can_close": can_close, "has_assessment": latest is not None},
        status=400 if form.is_bound else 200,
    )
