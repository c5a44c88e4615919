"""The needs survey for a network's coordinators: the rounds, a round's questionnaire (changed
until the first answer), its results by zone or area and their CSV. Someone who does not
coordinate the network: 404 (``get_network_for_coordinator``)."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from directory.indicators.charts import bar_chart
from directory.indicators.exports import suppressed_rows, suppression_note
from directory.staff.access import get_network_for_coordinator
from directory.surveys.forms import QuestionFormSet, SurveyRoundForm
from directory.surveys.history import questionnaire_history
from directory.surveys.results import BREAKDOWNS, BY_ZONE, results
from directory.surveys.services import survey_round_save
from linkrete.csv_export import csv_response


def survey_round_list(request, slug):
    network = get_network_for_coordinator(request.user, slug)
    rounds = network.survey_rounds.annotate(
        sent=Count("responses", filter=Q(responses__submitted_at__isnull=False)),
        drafts=Count("responses", filter=Q(responses__submitted_at__isnull=True)),
    )
    return render(request, "staff/survey_round_list.html", {"network": network, "rounds": rounds})


def survey_round_edit(request, slug, pk=None):
    network = get_network_for_coordinator(request.user, slug)
    survey_round = get_object_or_404(network.survey_rounds, pk=pk) if pk else None
    editable = survey_round is None or survey_round.is_editable()
    data = request.POST if request.method == "POST" else None
    form = SurveyRoundForm(data, instance=survey_round)
    form.instance.network = network
    questions = QuestionFormSet(data, instance=survey_round, prefix="domande") if editable else None
    if data is not None and form.is_valid() and (questions is None or questions.is_valid()):
        survey_round = survey_round_save(form=form, questions=questions)
        messages.success(request, _("The survey round is saved."))
        return redirect("staff:survey_round_edit", slug=network.slug, pk=survey_round.pk)
    return render(
        request,
        "staff/survey_round_form.html",
        {
            "network": network,
            "survey_round": survey_round,
            "form": form,
            "questions": questions,
            "saved_questions": survey_round.questions.all() if survey_round else [],
            "history": questionnaire_history(survey_round) if survey_round else [],
        },
        status=400 if data is not None else 200,
    )


def _breakdown(request) -> str:
    wanted = request.GET.get("per", BY_ZONE)
    return wanted if wanted in BREAKDOWNS else BY_ZONE


def survey_results(request, slug, pk):
    network = get_network_for_coordinator(request.user, slug)
    survey_round = get_object_or_404(network.survey_rounds, pk=pk)
    breakdown = _breakdown(request)
    found = results(survey_round, breakdown)
    return render(
        request,
        "staff/survey_results.html",
        {
            "network": network,
            "survey_round": survey_round,
            "results": found,
            "items": [(indicator, bar_chart(indicator)) for indicator in found.indicators],
            "breakdown": breakdown,
            "breakdowns": BREAKDOWNS,
        },
    )


def survey_results_export(request, slug, pk):
    network = get_network_for_coordinator(request.user, slug)
    survey_round = get_object_or_404(network.survey_rounds, pk=pk)
    found = results(survey_round, _breakdown(request))
    lines = [
        [survey_round.title],
        [_("Network: %(name)s") % {"name": network.name}],
        [
            _("Open from %(start)s to %(end)s")
            % {
                "start": survey_round.opens_on.isoformat(),
                "end": survey_round.closes_on.isoformat(),
            }
        ],
        [_("Organizations that sent their answers: %(count)s") % {"count": found.sent}],
        [suppression_note()],
        [_("Free-text answers are not exported.")],
        [],
    ]
    for indicator in found.indicators:
        lines += [[indicator.title], indicator.header, *suppressed_rows(indicator), []]
    return csv_response(f"{network.slug}-indagine-{survey_round.pk}.csv", lines[0], lines[1:])
