"""The history of a needs survey's questionnaire (django-auditlog): the round and its questions
are followed, so that a network's coordinator sees on the round's page who changed what; the
organizations' answers are not (they keep no record of who typed them)."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from directory.models import SurveyAnswer, SurveyQuestion, SurveyResponse, SurveyRound
from directory.surveys.history import questionnaire_history
from directory.surveys.services import survey_response_save
from tests.factories import SurveyQuestionFactory, SurveyRoundFactory

pytestmark = pytest.mark.usefixtures("pinned_now")


def _round_data(survey_round=None, **changes):
    questions = list(survey_round.questions.all()) if survey_round else []
    data = {
        "title": "Rilevazione dei bisogni degli enti",
        "opens_on": "2026-12-01",
        "closes_on": "2027-01-31",
        "domande-TOTAL_FORMS": str(max(len(questions), 2)),
        "domande-INITIAL_FORMS": str(len(questions)),
        "domande-MIN_NUM_FORMS": "0",
        "domande-MAX_NUM_FORMS": "1000",
        "domande-0-position": "1",
        "domande-0-text": "Di che cosa avete bisogno?",
        "domande-0-kind": "multiple",
        "domande-0-choices": "Volontari\r\nSpazi",
        "domande-1-position": "2",
        "domande-1-text": "Quanto è urgente?",
        "domande-1-kind": "scale",
        "domande-1-choices": "",
    }
    for index, question in enumerate(questions):
        data[f"domande-{index}-id"] = str(question.pk)
        data[f"domande-{index}-round"] = str(survey_round.pk)
    data.update(changes)
    return data


def test_the_coordinators_changes_are_recorded_with_their_name(
    client, network_coordinator, network
):
    client.force_login(network_coordinator)
    client.post(reverse("staff:survey_round_new", args=[network.slug]), _round_data())
    survey_round = SurveyRound.objects.get()
    url = reverse("staff:survey_round_edit", args=[network.slug, survey_round.pk])

    response = client.post(
        url,
        _round_data(
            survey_round,
            title="Bisogni 2027",
            **{"domande-0-text": "Che cosa vi manca?", "domande-1-DELETE": "on"},
        ),
    )

    assert response.status_code == 302
    entries = LogEntry.objects.filter(actor=network_coordinator)
    assert {(e.content_type.model, e.action) for e in entries} == {
        ("surveyround", LogEntry.Action.CREATE),
        ("surveyround", LogEntry.Action.UPDATE),
        ("surveyquestion", LogEntry.Action.CREATE),
        ("surveyquestion", LogEntry.Action.UPDATE),
        ("surveyquestion", LogEntry.Action.DELETE),
    }
    history = questionnaire_history(survey_round)
    assert len(history) == 6  # the round and two questions made, then a change to each, a delete
    assert {change.username for change in history} == {network_coordinator.username}
    page = client.get(url).content.decode()
    assert "Modifiche al questionario" in page
    assert "domanda “Quanto è urgente?”" in page  # the deleted question's entry too
    assert "domanda “Che cosa vi manca?” (domanda)" in page
    assert "la rilevazione (titolo)" in page


def test_a_round_lists_its_own_changes_only(network):
    ours = SurveyRoundFactory(network=network)
    SurveyQuestionFactory(round=ours)
    SurveyQuestionFactory(round=SurveyRoundFactory(network=network), text="Altro?")

    history = questionnaire_history(ours)

    assert [change.record for change in reversed(history)] == [
        ours.title,
        "Di che cosa ha più bisogno il vostro ente?",
    ]
    assert all(change.username == "" for change in history)  # made by no signed-in person


def test_the_organizations_answers_write_no_history(network, organization):
    survey_round = SurveyRoundFactory(network=network)
    question = SurveyQuestionFactory(round=survey_round, kind="text", choices="")
    before = LogEntry.objects.count()

    survey_response_save(
        survey_round=survey_round,
        organization=organization,
        answers=[(question, [], "Un pulmino")],
        send=True,
    )

    assert SurveyResponse.objects.exists() and SurveyAnswer.objects.exists()
    assert LogEntry.objects.count() == before


def test_the_round_page_costs_the_same_with_a_longer_history(
    client, network_coordinator, network, django_assert_max_num_queries
):
    survey_round = SurveyRoundFactory(network=network)
    question = SurveyQuestionFactory(round=survey_round)
    client.force_login(network_coordinator)
    url = reverse("staff:survey_round_edit", args=[network.slug, survey_round.pk])
    client.get(url)
    with django_assert_max_num_queries(13) as small:
        client.get(url)
    for n in range(15):
        question.text = f"Domanda {n}"
        question.save()
        SurveyQuestionFactory(round=survey_round)

    with django_assert_max_num_queries(13) as large:
        client.get(url)

    assert len(large) == len(small)
    assert SurveyQuestion.objects.filter(round=survey_round).count() == 16
