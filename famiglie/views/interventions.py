"""Interventions on a case: recording one (the case team and the team lead). The case page
lists the latest (``views/cases.py``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from famiglie import access, services
from famiglie.forms import InterventionForm
from famiglie.models import Intervention, InterventionKind
from famiglie.views import case_worker_view, posted_form_errors


@case_worker_view
def intervention_create(request, code):
    case = access.get_case_for_user(request.user, code)
    if request.method == "POST":
        form = InterventionForm(request.POST, instance=Intervention(case=case), case=case)
        if form.is_valid():
            try:
                services.intervention_record(case=case, intervention=form.instance, by=request.user)
            except ValidationError as error:
                posted_form_errors(form, error)
            else:
                messages.success(request, _("The intervention is recorded."))
                return redirect(case)
    else:
        initial = {"date": timezone.localdate()}
        # From the job pathway's match list: a placement filling that offer.
        offer = request.GET.get("offerta", "")
        if offer.isdigit() and len(offer) < 10:
            initial.update(kind=InterventionKind.PLACEMENT, job_offer=int(offer))
        form = InterventionForm(instance=Intervention(case=case), case=case, initial=initial)
    return render(
        request,
        "famiglie/case_form.html",
        {"case": case, "form": form, "heading": _("Record an intervention")},
        status=400 if form.is_bound else 200,
    )
