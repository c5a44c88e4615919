"""The accompaniment plan of a case: its objectives (set, updated) and its periodic reviews
(scheduled, held). For the case team and the team lead, as every page of a case."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from famiglie import access, services
from famiglie.audit import record_read
from famiglie.forms import ObjectiveForm, ReviewHoldForm, ReviewScheduleForm
from famiglie.models import Objective, Review
from famiglie.views import case_worker_view, posted_form_errors


def _objective_page(request, case, objective):
    if request.method == "POST":
        form = ObjectiveForm(request.POST, instance=objective)
        if form.is_valid():
            try:
                services.objective_save(case=case, objective=form.instance, by=request.user)
            except ValidationError as error:
                posted_form_errors(form, error)
            else:
                messages.success(request, _("The objective is saved."))
                return redirect(case)
    else:
        form = ObjectiveForm(instance=objective)
    if objective.pk:
        record_read(request, case, objective)
    heading = _("Update the objective") if objective.pk else _("Set an objective")
    return render(
        request,
        "famiglie/case_form.html",
        {"case": case, "form": form, "heading": heading},
        status=400 if form.is_bound else 200,
    )


@case_worker_view
def objective_create(request, code):
    case = access.get_case_for_user(request.user, code)
    return _objective_page(request, case, Objective(case=case))


@case_worker_view
def objective_edit(request, code, pk):
    case = access.get_case_for_user(request.user, code)
    return _objective_page(request, case, get_object_or_404(Objective, case=case, pk=pk))


@case_worker_view
def review_create(request, code):
    case = access.get_case_for_user(request.user, code)
    form = ReviewScheduleForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.review_schedule(case=case, due_on=form.cleaned_data["due_on"], by=request.user)
        except ValidationError as error:
            posted_form_errors(form, error)
        else:
            messages.success(request, _("The review is scheduled."))
            return redirect(case)
    return render(
        request,
        "famiglie/case_form.html",
        {"case": case, "form": form, "heading": _("Schedule a review")},
        status=400 if form.is_bound else 200,
    )


@case_worker_view
def review_hold(request, code, pk):
    case = access.get_case_for_user(request.user, code)
    review = get_object_or_404(Review.objects.pending(), case=case, pk=pk)
    if request.method == "POST":
        form = ReviewHoldForm(request.POST)
        if form.is_valid():
            try:
                services.review_hold(case=case, review=review, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                posted_form_errors(form, error)
            else:
                messages.success(request, _("The review is recorded."))
                return redirect(case)
    else:
        form = ReviewHoldForm(initial={"held_on": timezone.localdate()})
    record_read(request, case, review)
    intro = _("The review due on %(day)s.") % {"day": date_format(review.due_on)}
    return render(
        request,
        "famiglie/case_form.html",
        {"case": case, "form": form, "heading": _("Record the review"), "intro": intro},
        status=400 if form.is_bound else 200,
    )
