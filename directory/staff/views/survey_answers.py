"""The needs survey in an organization's area: the rounds of its networks, and its answer
(a draft, then sent; changed until the round closes). Only the organization's members answer
for it: anyone else, coordinators included, gets 404 (``get_organization_for_member``), and so
does a round of a network the organization is not in, or one not open yet."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import SurveyResponse, SurveyRound
from directory.staff.access import get_organization_for_member
from directory.surveys.forms import AnswerForm, initial_of
from directory.surveys.services import survey_response_save

SEND = "invia"


def _rounds_of(organization):
    """Rounds already opened of the networks the organization is in (any role, or lead)."""
    return (
        SurveyRound.objects.filter(
            Q(network__memberships__organization=organization)
            | Q(network__lead_organization=organization),
            opens_on__lte=timezone.localdate(),
        )
        .select_related("network")
        .distinct()
    )


def survey_list(request, slug):
    organization = get_organization_for_member(request.user, slug)
    rounds = list(_rounds_of(organization).order_by("-opens_on", "title"))
    responses = {
        response.round_id: response
        for response in SurveyResponse.objects.filter(organization=organization, round__in=rounds)
    }
    return render(
        request,
        "staff/survey_list.html",
        {
            "organization": organization,
            "rows": [(survey_round, responses.get(survey_round.pk)) for survey_round in rounds],
            "today": timezone.localdate(),
        },
    )


def survey_answer(request, slug, pk):
    organization = get_organization_for_member(request.user, slug)
    survey_round = get_object_or_404(_rounds_of(organization), pk=pk)
    response = (
        SurveyResponse.objects.filter(round=survey_round, organization=organization)
        .prefetch_related("answers__question")
        .first()
    )
    questions = survey_round.questions.all()
    is_open = survey_round.is_open()
    sending = request.POST.get("azione") == SEND
    if request.method == "POST" and not is_open:
        messages.error(request, _("The round is closed: its answers can no longer be changed."))
        return redirect("staff:survey_answer", slug=organization.slug, pk=survey_round.pk)
    data = request.POST if request.method == "POST" else None
    form = AnswerForm(data, questions=questions, sending=sending, initial=initial_of(response))
    if data is not None and form.is_valid():
        response = survey_response_save(
            survey_round=survey_round,
            organization=organization,
            answers=form.answers(),
            send=sending,
        )
        if response.is_draft:
            messages.success(request, _("The draft is saved: send it before the round closes."))
        else:
            messages.success(
                request, _("Your answers are sent. You can change them until the round closes.")
            )
        return redirect("staff:survey_list", slug=organization.slug)
    if not is_open:
        for field in form.fields.values():
            field.disabled = True
    return render(
        request,
        "staff/survey_answer.html",
        {
            "organization": organization,
            "survey_round": survey_round,
            "response": response,
            "form": form,
            "is_open": is_open,
            "send": SEND,
        },
        status=400 if data is not None else 200,
    )
