"""The job pathway of a case (incrocio domanda/offerta): a member's skills and availability,
and the current job offers of the network that match them. The case team and its lead only;
every read of a member's skills leaves an audit row, as any case record's. A placement is
recorded as an intervention linked to the offer (``views/interventions.py``)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import JobOffer
from famiglie import access, services
from famiglie.audit import record_read
from famiglie.forms import JobProfileForm
from famiglie.models import MIN_WORKING_AGE, JobProfile, Member
from famiglie.views import case_worker_view

# The offers a match list shows, the most skills in common first: a person is proposed a few
# at a time, not browsed through the network's whole catalogue.
MATCHES_SHOWN = 20


def _member_of_case(case, pk) -> Member:
    member = get_object_or_404(Member.objects.filter(household=case.household_id), pk=pk)
    if member.age() < MIN_WORKING_AGE:
        raise Http404
    return member


@case_worker_view
def job_matches(request, code, pk):
    case = access.get_case_for_user(request.user, code)
    member = _member_of_case(case, pk)
    profile = JobProfile.objects.filter(member=member).first()
    offers = []
    if profile is not None:
        record_read(request, profile)
        if profile.is_available:
            offers = list(
                JobOffer.objects.matching(
                    profile.skills, case.household.municipality_id, timezone.localdate()
                )[:MATCHES_SHOWN]
            )
    return render(
        request,
        "famiglie/job_matches.html",
        {"case": case, "member": member, "profile": profile, "offers": offers},
    )


@case_worker_view
def job_profile_edit(request, code, pk):
    case = access.get_case_for_user(request.user, code)
    member = _member_of_case(case, pk)
    profile = JobProfile.objects.filter(member=member).first() or JobProfile(member=member)
    if request.method == "POST":
        form = JobProfileForm(request.POST, instance=profile)
        if form.is_valid():
            services.job_profile_save(profile=form.instance, by=request.user)
            messages.success(request, _("The skills and availability are saved."))
            return redirect("famiglie:job_matches", code=case.code, pk=member.pk)
    else:
        if profile.pk:
            record_read(request, profile)
        form = JobProfileForm(instance=profile)
    return render(
        request,
        "famiglie/case_form.html",
        {
            "case": case,
            "form": form,
            "heading": _("Skills and availability for work"),
            "intro": _(
                "Read by the case team only. The network's job offers are matched by the skills "
                "ticked here and by the household's municipality."
            ),
        },
        status=400 if form.is_bound else 200,
    )
