"""The needs survey in the admin: rounds with their questions inline and responses with their
answers shown read-only; every page opens, searches and filters; the lists cost the same at two
sizes. Scope (a network's coordinator finds their rows only): tests/linkrete/test_admin_scope.py.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import QuestionKind, SurveyResponse, SurveyRound
from directory.surveys.services import survey_response_save
from tests.factories import (
    NetworkMembershipFactory,
    OrganizationFactory,
    SurveyQuestionFactory,
    SurveyRoundFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def answered(network):
    survey_round = SurveyRoundFactory(network=network, title="Bisogni degli enti 2026")
    question = SurveyQuestionFactory(round=survey_round)
    SurveyQuestionFactory(round=survey_round, kind=QuestionKind.TEXT, choices="")
    body = OrganizationFactory(name="Ente Rispondente")
    NetworkMembershipFactory(network=network, organization=body)
    survey_response_save(
        survey_round=survey_round,
        organization=body,
        answers=[(question, ["Spazi"], "")],
        send=True,
    )
    return survey_round


def _url(model, view, *args):
    return reverse(f"admin:directory_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize(
    ("model", "term"), [(SurveyRound, "Bisogni"), (SurveyResponse, "Rispondente")]
)
def test_every_page_opens_searches_and_filters(signed_in, answered, model, term):
    response = signed_in.get(_url(model, "changelist"))
    assert response.status_code == 200
    changelist = response.context["cl"]
    assert changelist.result_count == 1
    assert signed_in.get(_url(model, "changelist"), {"q": term}).context["cl"].result_count == 1
    for spec in changelist.filter_specs:
        for choice in spec.choices(changelist):
            filtered = signed_in.get(_url(model, "changelist") + choice["query_string"])
            assert filtered.status_code == 200
    obj = model.objects.get()
    page = signed_in.get(_url(model, "change", obj.pk))
    assert page.status_code == 200
    if model is SurveyResponse:
        assert "Spazi" in page.content.decode()
        assert signed_in.get(_url(model, "add")).status_code == 403
    else:
        assert signed_in.get(_url(model, "add")).status_code == 200


def test_a_round_is_added_with_its_questions(signed_in, network):
    data = {
        "network": network.pk,
        "title": "Rilevazione di prova",
        "opens_on": "2026-12-01",
        "closes_on": "2026-12-31",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
        "questions-0-position": "1",
        "questions-0-text": "Quanto vi serve?",
        "questions-0-kind": "scale",
        "questions-0-choices": "",
    }

    response = signed_in.post(_url(SurveyRound, "add"), data)

    assert response.status_code == 302
    assert SurveyRound.objects.get().questions.get().kind == "scale"


def _count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("model", [SurveyRound, SurveyResponse])
def test_the_lists_cost_the_same_at_two_sizes(signed_in, answered, network, model):
    small = _count(signed_in, _url(model, "changelist"))
    for n in range(10):
        body = OrganizationFactory(name=f"Ente {n}")
        SurveyResponse.objects.create(round=SurveyRoundFactory(network=network), organization=body)

    assert _count(signed_in, _url(model, "changelist")) == small
