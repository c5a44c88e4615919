"""People who work on cases give the second factor and are signed out after 30 idle minutes."""

import datetime

import pytest
from django.urls import reverse

from linkrete.accounts.second_factor import must_use_second_factor
from tests.factories import UserFactory


def test_working_on_cases_makes_the_second_factor_compulsory(case_worker, team_lead, db):
    assert must_use_second_factor(case_worker)
    assert must_use_second_factor(team_lead)
    assert not must_use_second_factor(UserFactory(username="nessuno"))


def test_without_the_second_factor_a_case_worker_reaches_no_case(client, case, case_worker):
    client.force_login(case_worker, second_factor=False)
    response = client.get(case.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("second_factor:enrol"))


def test_a_case_worker_is_signed_out_after_30_idle_minutes(client, case, case_worker, time_machine):
    start = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC)
    time_machine.move_to(start, tick=False)
    client.force_login(case_worker)
    assert client.get(case.get_absolute_url()).status_code == 200
    time_machine.move_to(start + datetime.timedelta(minutes=29), tick=False)
    assert client.get(case.get_absolute_url()).status_code == 200
    time_machine.move_to(start + datetime.timedelta(minutes=58), tick=False)
    assert client.get(case.get_absolute_url()).status_code == 200  # 29 minutes since the last
    time_machine.move_to(start + datetime.timedelta(minutes=89), tick=False)
    response = client.get(case.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("pinned_now")
def test_other_sessions_are_not_cut_after_30_minutes(client, staff, time_machine):
    client.force_login(staff)
    time_machine.move_to(datetime.datetime(2026, 12, 2, 10, 30, tzinfo=datetime.UTC), tick=False)
    assert client.get(reverse("staff:home")).status_code == 200


def test_a_case_worker_lands_on_the_cases(client, case_worker):
    client.force_login(case_worker)
    assert client.get(reverse("landing"))["Location"] == reverse("famiglie:home")


def test_someone_put_on_a_case_after_signing_in_gets_the_idle_timeout(
    client, case, team, time_machine
):
    from famiglie.models import CaseTeamMember

    start = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC)
    time_machine.move_to(start, tick=False)
    user = UserFactory(username="arrivata-dopo")
    client.force_login(user)
    CaseTeamMember.objects.create(case=case, user=user, role="tutor")
    response = client.get(case.get_absolute_url())
    assert response.status_code == 302  # the second factor first
    assert client.session.get("idle_timeout") is True
    time_machine.move_to(start + datetime.timedelta(minutes=31), tick=False)
    response = client.get(case.get_absolute_url())
    assert response["Location"].startswith(reverse("login"))
