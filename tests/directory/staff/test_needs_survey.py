"""The needs survey of a network's bodies (issue 14, LINK's first phase): who reaches which page,
the coordinator's round and questionnaire, the organizations' answers, the results by zone and
area, and their CSV.

Network A holds ``organization`` (``staff`` works for it) and ``desk``'s host; network B
``other_organization`` (``other_staff``). ``network_coordinator`` coordinates A only;
``coordinator`` is a super-coordinator. The clock is pinned to 2 December 2026; the factory's
rounds are open from 1 November to 31 December 2026.
"""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.models import (
    NetworkCoordinator,
    QuestionKind,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveyRound,
)
from directory.surveys.results import results
from directory.surveys.services import survey_response_save
from linkrete.accounts import roles
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
    SurveyQuestionFactory,
    SurveyRoundFactory,
    UserFactory,
    ZoneFactory,
    category,
)

pytestmark = pytest.mark.usefixtures("pinned_now")


def _log_in(client, request, visitor):
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))


@pytest.fixture
def other_network_coordinator(role_groups, other_network):
    user = UserFactory(username="coordinatore-rete-b", is_staff=True)
    user.groups.add(role_groups[roles.COORDINATOR])
    NetworkCoordinator.objects.create(network=other_network, user=user)
    return user


@pytest.fixture
def survey(network):
    survey_round = SurveyRoundFactory(network=network, title="Bisogni 2026")
    SurveyQuestionFactory(round=survey_round, position=1, required=True)
    SurveyQuestionFactory(
        round=survey_round,
        position=2,
        text="Quali servizi mancano?",
        kind=QuestionKind.MULTIPLE,
        choices="Trasporti\nDoposcuola\nSportello",
    )
    SurveyQuestionFactory(
        round=survey_round, position=3, text="Quanto vi serve?", kind=QuestionKind.SCALE, choices=""
    )
    SurveyQuestionFactory(
        round=survey_round, position=4, text="Altro?", kind=QuestionKind.TEXT, choices=""
    )
    return survey_round


def _questions(survey_round):
    return {question.position: question for question in survey_round.questions.all()}


def _answer(
    survey_round,
    organization,
    need="Volontari",
    missing=("Trasporti",),
    scale="4",
    text="",
    send=True,
):
    one, two, three, four = (_questions(survey_round)[n] for n in (1, 2, 3, 4))
    return survey_response_save(
        survey_round=survey_round,
        organization=organization,
        answers=[
            (one, [need], ""),
            (two, list(missing), ""),
            (three, [scale], ""),
            (four, [], text),
        ],
        send=send,
    )


def _coordination_pages(survey_round):
    slug, pk = survey_round.network.slug, survey_round.pk
    return [
        reverse("staff:survey_round_list", args=[slug]),
        reverse("staff:survey_round_new", args=[slug]),
        reverse("staff:survey_round_edit", args=[slug, pk]),
        reverse("staff:survey_results", args=[slug, pk]),
        reverse("staff:survey_results_export", args=[slug, pk]),
    ]


COORDINATION_VISITORS = ["network_coordinator", "coordinator", "staff", "other_staff", "anonymous"]
REACHES = {"a": {"network_coordinator", "coordinator"}, "b": {"coordinator"}}


@pytest.mark.parametrize("side", ["a", "b"])
@pytest.mark.parametrize("visitor", COORDINATION_VISITORS)
def test_only_the_networks_coordinators_reach_its_rounds(
    client, request, network, other_network, side, visitor
):
    survey_round = SurveyRoundFactory(network=network if side == "a" else other_network)
    _log_in(client, request, visitor)

    for url in _coordination_pages(survey_round):
        response = client.get(url)

        if visitor == "anonymous":
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("login"))
        elif visitor in REACHES[side]:
            assert response.status_code == 200, url
        else:
            assert response.status_code == 404, url


def test_a_round_of_another_network_is_404_under_this_networks_address(
    client, network_coordinator, network, other_network
):
    theirs = SurveyRoundFactory(network=other_network)
    client.force_login(network_coordinator)

    url = reverse("staff:survey_results", args=[network.slug, theirs.pk])

    assert client.get(url).status_code == 404


ANSWER_VISITORS = {
    "staff": 200,
    "other_staff": 404,
    "network_coordinator": 404,  # coordinates, but does not answer for a body
    "other_network_coordinator": 404,
    "coordinator": 404,
    "anonymous": 302,
}


@pytest.mark.parametrize(("visitor", "status"), ANSWER_VISITORS.items())
def test_only_the_organizations_members_reach_its_answer(
    client, request, organization, survey, visitor, status
):
    _log_in(client, request, visitor)

    for url in (
        reverse("staff:survey_list", args=[organization.slug]),
        reverse("staff:survey_answer", args=[organization.slug, survey.pk]),
    ):
        assert client.get(url).status_code == status, url
        if visitor != "staff":
            posted = client.post(url, {"azione": "invia"})
            assert posted.status_code == status, url
    assert not SurveyResponse.objects.exists()


def test_a_round_of_a_network_the_organization_is_not_in_is_404(
    client, staff, organization, other_network
):
    theirs = SurveyRoundFactory(network=other_network)
    client.force_login(staff)

    page = client.get(reverse("staff:survey_list", args=[organization.slug])).content.decode()

    assert theirs.title not in page
    url = reverse("staff:survey_answer", args=[organization.slug, theirs.pk])
    assert client.get(url).status_code == 404


def test_a_round_not_open_yet_is_not_shown(client, staff, organization, network):
    later = SurveyRoundFactory(
        network=network, opens_on=datetime.date(2027, 1, 10), closes_on=datetime.date(2027, 2, 10)
    )
    client.force_login(staff)

    assert (
        client.get(reverse("staff:survey_answer", args=[organization.slug, later.pk])).status_code
        == 404
    )


def _round_data(**changes):
    data = {
        "title": "Rilevazione dei bisogni degli enti",
        "opens_on": "2026-12-01",
        "closes_on": "2027-01-31",
        "domande-TOTAL_FORMS": "2",
        "domande-INITIAL_FORMS": "0",
        "domande-MIN_NUM_FORMS": "0",
        "domande-MAX_NUM_FORMS": "1000",
        "domande-0-position": "1",
        "domande-0-text": "Di che cosa avete bisogno?",
        "domande-0-kind": "multiple",
        "domande-0-choices": "Volontari\r\nSpazi",
        "domande-0-required": "on",
        "domande-1-position": "2",
        "domande-1-text": "Quanto è urgente?",
        "domande-1-kind": "scale",
        "domande-1-choices": "",
    }
    data.update(changes)
    return data


def test_the_coordinator_opens_a_round_with_its_questionnaire(client, network_coordinator, network):
    client.force_login(network_coordinator)

    response = client.post(reverse("staff:survey_round_new", args=[network.slug]), _round_data())

    survey_round = SurveyRound.objects.get()
    assert response.status_code == 302
    assert survey_round.network == network
    assert [(q.position, q.kind, q.options) for q in survey_round.questions.all()] == [
        (1, "multiple", ["Volontari", "Spazi"]),
        (2, "scale", ["1", "2", "3", "4", "5"]),
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"closes_on": "2026-11-01"}, "La rilevazione non può chiudersi prima di aprirsi."),
        ({"opens_on": "ieri"}, "Inserisci una data valida."),
        ({"domande-0-choices": "Volontari"}, "Indica almeno due scelte, una per riga."),
        ({"domande-1-choices": "Sì\nNo"}, "Solo le domande a scelta hanno delle scelte."),
        ({"domande-0-kind": "essay"}, "opzione valida"),
        ({"domande-0-position": "99999999999"}, "999"),
        ({"domande-TOTAL_FORMS": "x"}, "Alcuni campi vanno corretti"),
    ],
)
def test_a_bad_round_is_refused_with_a_message_and_keeps_what_was_typed(
    client, network_coordinator, network, changes, message
):
    client.force_login(network_coordinator)

    response = client.post(
        reverse("staff:survey_round_new", args=[network.slug]), _round_data(**changes)
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Rilevazione dei bisogni degli enti" in page
    assert not SurveyRound.objects.exists()


def test_the_questionnaire_is_locked_once_an_organization_answers(
    client, network_coordinator, network, survey, organization
):
    _answer(survey, organization, send=False)  # a draft is an answer
    client.force_login(network_coordinator)
    url = reverse("staff:survey_round_edit", args=[network.slug, survey.pk])

    page = client.get(url).content.decode()
    response = client.post(url, _round_data(title="Bisogni 2026, nuovo titolo"))

    assert "non si può più cambiare" in page
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.title == "Bisogni 2026, nuovo titolo"
    assert survey.questions.count() == 4
    assert not SurveyQuestion.objects.filter(text="Quanto è urgente?").exists()


def _answer_data(survey_round, action, changes=None):
    questions = _questions(survey_round)
    data = {
        f"q{questions[1].pk}": "Spazi",
        f"q{questions[2].pk}": ["Trasporti", "Sportello"],
        f"q{questions[3].pk}": "5",
        f"q{questions[4].pk}": "Un pulmino",
        "azione": action,
    }
    data.update({f"q{questions[n].pk}": value for n, value in (changes or {}).items()})
    return data


def test_staff_save_a_draft_then_send_then_change_their_answers(
    client, staff, organization, survey
):
    client.force_login(staff)
    url = reverse("staff:survey_answer", args=[organization.slug, survey.pk])

    draft = client.post(url, {"azione": "bozza", f"q{_questions(survey)[3].pk}": "2"})
    assert draft.status_code == 302
    saved = SurveyResponse.objects.get()
    assert saved.is_draft
    assert "2" in client.get(url).content.decode()

    refused = client.post(url, {"azione": "invia", f"q{_questions(survey)[3].pk}": "2"})
    assert refused.status_code == 400
    assert "Questo campo è obbligatorio." in refused.content.decode()
    assert SurveyResponse.objects.get().is_draft

    assert client.post(url, _answer_data(survey, "invia")).status_code == 302
    sent = SurveyResponse.objects.get()
    assert sent.submitted_at == timezone.now()
    assert client.post(url, _answer_data(survey, "invia", {1: "Formazione"})).status_code == 302

    assert SurveyResponse.objects.count() == 1
    answers = {a.question.position: (a.chosen, a.text) for a in SurveyAnswer.objects.all()}
    assert answers == {
        1: (["Formazione"], ""),
        2: (["Trasporti", "Sportello"], ""),
        3: (["5"], ""),
        4: ([], "Un pulmino"),
    }


@pytest.mark.parametrize(
    "changes",
    [{1: "Nessuna di queste"}, {2: ["Trasporti", "<script>"]}, {3: "6"}, {4: "x" * 501}],
)
def test_a_bad_answer_gets_a_message_and_keeps_the_rest(
    client, staff, organization, survey, changes
):
    client.force_login(staff)
    url = reverse("staff:survey_answer", args=[organization.slug, survey.pk])

    response = client.post(url, _answer_data(survey, "invia", changes))

    assert response.status_code == 400
    page = response.content.decode()
    assert "Alcune risposte vanno corrette" in page
    assert not SurveyResponse.objects.exists()


def test_a_closed_round_shows_the_answers_and_refuses_changes(
    client, staff, organization, survey, time_machine
):
    _answer(survey, organization)
    time_machine.move_to(datetime.datetime(2027, 1, 5, 10, tzinfo=datetime.UTC), tick=False)
    client.force_login(staff)
    url = reverse("staff:survey_answer", args=[organization.slug, survey.pk])

    page = client.get(url).content.decode()
    response = client.post(url, _answer_data(survey, "invia", {1: "Spazi"}), follow=True)

    assert "La rilevazione è chiusa" in page
    assert "Invia" not in page.split("<form")[-1]
    assert "La rilevazione è chiusa" in response.content.decode()
    assert SurveyAnswer.objects.get(question__position=1).chosen == ["Volontari"]


@pytest.fixture
def zones(network):
    """Two zones of network A: Rho (Rhodense) and Legnano (Legnanese)."""
    found = {}
    for name, town, code in (("Rhodense", "Rho", "015182"), ("Legnanese", "Legnano", "015118")):
        zone = ZoneFactory(name=name)
        municipality = MunicipalityFactory(name=town, istat_code=code)
        zone.municipalities.add(municipality)
        network.zones.add(zone)
        found[name] = municipality
    return found


def _member(network, name, town=None, area=None):
    body = OrganizationFactory(name=name)
    NetworkMembershipFactory(network=network, organization=body)
    if town:
        LocationFactory(organization=body, municipality=town)
    if area:
        ActivityFactory(organization=body, categories=[category(area)])
    return body


def test_the_results_count_sent_answers_by_zone_and_area(network, survey, zones, organization):
    rho = _member(network, "Uno", zones["Rhodense"], "sport")
    legnano = _member(network, "Due", zones["Legnanese"], "occupabilita")
    both = _member(network, "Tre", zones["Rhodense"], "laboratori")
    LocationFactory(organization=both, municipality=zones["Legnanese"])
    _answer(survey, rho, need="Volontari", missing=("Trasporti", "Doposcuola"), scale="5")
    _answer(survey, legnano, need="Spazi", missing=("Trasporti",), scale="5")
    _answer(survey, both, need="Volontari", missing=(), scale="2")
    _answer(survey, organization, need="Formazione", send=False)  # a draft: not counted

    by_zone = results(survey, "zona")
    by_area = results(survey, "area")

    assert (by_zone.sent, by_zone.drafts) == (3, 1)
    need, missing, scale = by_zone.indicators
    assert need.header == ["risposta", "tutti gli enti", "Legnanese", "Rhodense"]
    assert {row.label: row.values for row in need.rows} == {
        "Volontari": (2, 1, 2),
        "Spazi": (1, 1, 0),
        "Formazione": (0, 0, 0),
    }
    assert {row.label: row.values for row in missing.rows}["Trasporti"] == (2, 1, 1)
    assert [row.values[0] for row in scale.rows] == [0, 1, 0, 0, 2]
    need_by_area = {row.label: row.values for row in by_area.indicators[0].rows}
    assert by_area.indicators[0].header == [
        "risposta",
        "tutti gli enti",
        "Inclusione lavorativa",
        "Tempo libero e socialità",
    ]
    assert need_by_area["Volontari"] == (2, 0, 2)


def test_free_text_is_listed_without_names_only_from_five_answers(network, survey):
    bodies = [_member(network, f"Ente {n}") for n in range(5)]
    for n, body in enumerate(bodies[:4]):
        _answer(survey, body, text=f"Testo {n}")

    assert results(survey).texts[0].texts == []
    assert not results(survey).texts_shown

    _answer(survey, bodies[4], text="Abbiamo bisogno di un furgone")
    found = results(survey)

    assert found.texts_shown
    assert found.texts[0].texts == [
        "Abbiamo bisogno di un furgone",
        "Testo 0",
        "Testo 1",
        "Testo 2",
        "Testo 3",
    ]


def test_the_results_page_shows_no_organization(client, network_coordinator, network, survey):
    for n in range(5):
        _answer(survey, _member(network, f"Ente Riservato {n}"), text="Un furgone")
    client.force_login(network_coordinator)

    page = client.get(
        reverse("staff:survey_results", args=[network.slug, survey.pk])
    ).content.decode()

    assert "Un furgone" in page
    assert "Ente Riservato" not in page


def test_the_csv_suppresses_small_counts_and_escapes_formulas(
    client, network_coordinator, network, survey
):
    question = _questions(survey)[1]
    question.choices = "=SOMMA(A1)\nSpazi\nFormazione"
    question.save()
    for n in range(6):
        _answer(
            survey,
            _member(network, f"Ente {n}"),
            need="=SOMMA(A1)" if n else "Spazi",
            text="Testo libero riservato",
        )
    client.force_login(network_coordinator)

    response = client.get(reverse("staff:survey_results_export", args=[network.slug, survey.pk]))

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert ["'=SOMMA(A1)", "5"] in rows
    assert ["Spazi", "<5"] in rows
    assert ["Formazione", "0"] in rows
    assert "Testo libero riservato" not in content
    assert "Ente 1" not in content


def _count(client, django_assert_max_num_queries, url, pinned):
    client.get(url)
    with django_assert_max_num_queries(pinned) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("page", "pinned"),
    [
        ("staff:survey_results", 14),
        ("staff:survey_round_list", 10),
        ("staff:survey_round_edit", 13),
    ],
)
def test_the_coordination_pages_cost_the_same_at_two_sizes(
    client, network_coordinator, network, survey, zones, django_assert_max_num_queries, page, pinned
):
    client.force_login(network_coordinator)
    url = reverse(
        page, args=[network.slug] + ([survey.pk] if page != "staff:survey_round_list" else [])
    )
    _answer(survey, _member(network, "Primo", zones["Rhodense"], "sport"))
    small = _count(client, django_assert_max_num_queries, url, pinned)
    for n in range(12):
        _answer(survey, _member(network, f"Ente {n}", zones["Legnanese"], "laboratori"), text="t")
        SurveyRoundFactory(network=network)

    assert _count(client, django_assert_max_num_queries, url, pinned) == small


def test_the_answer_page_costs_the_same_with_more_questions(
    client, staff, organization, survey, django_assert_max_num_queries
):
    client.force_login(staff)
    _answer(survey, organization)
    url = reverse("staff:survey_answer", args=[organization.slug, survey.pk])
    small = _count(client, django_assert_max_num_queries, url, 12)
    for n in range(8):
        SurveyQuestionFactory(round=survey, position=10 + n)

    assert _count(client, django_assert_max_num_queries, url, 12) == small
