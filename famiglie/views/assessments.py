"""Needs assessments on a case: recording one (the case team and the team lead). The case page
shows the latest and how each area changed (``views/cases.py``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from famiglie import access, services
from famiglie.audit import record_read
from famiglie.forms import AssessmentForm
from famiglie.models import Assessment
from famiglie.views import case_worker_view, posted_form_errors


@case_worker_view
def assessment_create(request, code):
    case = access.get_case_for_user(request.user, code)
    latest = Assessment.objects.latest_for(case, 1).first()
    if request.method == "POST":
        form = AssessmentForm(request.POST, latest=latest)
        if form.is_valid():
            try:
                services.assessment_record(
                    case=case,
                    date=form.cleaned_data["date"],
                    scores=form.scores(),
                    by=request.user,
                )
            except ValidationError as error:
                posted_form_errors(form, error)
            else:
                messages.success(request, _("Needs assessment recorded."))
                return redirect(case)
    else:
        form = AssessmentForm(latest=latest, initial={"date": timezone.localdate()})
    # The form starts from the last assessment's levels and notes: a read of the file.
    record_read(request, case, *([latest] if latest else []))
    return render(
        request,
        "famiglie/assessment_form.html",
        {"case": case, "form": form, "latest": latest},
        status=400 if form.is_bound else 200,
    )
