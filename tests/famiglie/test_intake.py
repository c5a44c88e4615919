import pytest
from django.urls import reverse
from django.utils.translation import gettext

from famiglie.models import Case, CaseEvent
from sportelli.models import ReferralStatus
from tests.factories import AccessFactory, ReferralFactory, TeamFactory, category


@pytest.fixture
def case_access(desk):
    return AccessFactory(
        desk=desk,
        outcome="case",
        topics=[category("accesso-servizi"), category("supporto-psicologico")],
    )


def test_an_access_becomes_an_intake_in_one_step(client, desk_operator, case_access, team):
    client.force_login(desk_operator)
    response = client.get(reverse("sportelli:access_list"))
    assert (
        reverse("famiglie:intake_from_access", args=[case_access.pk]) in response.content.decode()
    )
    response = client.post(
        reverse("famiglie:intake_from_access", args=[case_access.pk]), {"team": team.pk}
    )
    assert response.status_code == 302
    case = Case.objects.get(source_access=case_access)
    assert case.team == team and case.state == "intake"
    assert set(case.topics.all()) == set(case_access.topics.all())
    assert case.household.municipality_id == case_access.municipality_id
    assert CaseEvent.objects.filter(case=case, kind="opened", by=desk_operator).exists()
    # Once only; and the operator does not see the case.
    client.post(reverse("famiglie:intake_from_access", args=[case_access.pk]), {"team": team.pk})
    assert Case.objects.filter(source_access=case_access).count() == 1
    assert client.get(case.get_absolute_url()).status_code == 404
    response = client.get(reverse("sportelli:access_list"))
    assert gettext("intake opened") in response.content.decode()


def test_an_access_with_another_outcome_opens_nothing(client, desk_operator, desk, team):
    accessed = AccessFactory(desk=desk, outcome="information")
    client.force_login(desk_operator)
    response = client.post(
        reverse("famiglie:intake_from_access", args=[accessed.pk]), {"team": team.pk}
    )
    assert response.status_code == 404
    assert not Case.objects.exists()


def test_a_missing_team_keeps_the_form(client, desk_operator, case_access):
    client.force_login(desk_operator)
    response = client.post(reverse("famiglie:intake_from_access", args=[case_access.pk]), {})
    assert response.status_code == 400
    assert not Case.objects.exists()


def test_a_referral_to_a_team_is_accepted_into_a_case(client, team, team_lead, desk):
    referral = ReferralFactory(
        from_desk=desk,
        to_organization=None,
        to_team=team,
        receiving_organization=team.organization,
    )
    client.force_login(team_lead)
    response = client.get(reverse("famiglie:home"))
    assert reverse("famiglie:referral_accept", args=[referral.uuid]) in response.content.decode()
    response = client.post(reverse("famiglie:referral_accept", args=[referral.uuid]))
    case = Case.objects.get(source_referral=referral)
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    response = client.post(reverse("famiglie:referral_accept", args=[referral.uuid]))
    assert Case.objects.filter(source_referral=referral).count() == 1


def test_only_the_lead_of_the_addressed_team_accepts(client, team, desk, case_worker):
    other = TeamFactory()
    referral = ReferralFactory(
        from_desk=desk,
        to_organization=None,
        to_team=other,
        receiving_organization=other.organization,
    )
    client.force_login(team.lead)
    assert client.post(reverse("famiglie:referral_accept", args=[referral.uuid])).status_code == 404
    client.force_login(case_worker)
    assert client.post(reverse("famiglie:referral_accept", args=[referral.uuid])).status_code == 404
    assert not Case.objects.filter(source_referral=referral).exists()
