"""The team's home lists from ``access.listed_cases``: the same cases as ``cases_visible_to``
(the rule every page keeps), in a form PostgreSQL reads by primary key. Both are compared for
every kind of person around a case, and the home's lists keep to them."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from famiglie.access import cases_visible_to, listed_cases
from tests.factories import CaseFactory, CaseTeamMemberFactory, ConsentFactory

pytestmark = pytest.mark.usefixtures("pinned_now")


@pytest.mark.parametrize(
    "person", ["team_lead", "case_worker", "same_team_member", "other_team_member"]
)
def test_listed_cases_are_the_visible_cases(request, person, case, team):
    user = request.getfixturevalue(person)
    CaseFactory(team=team)  # the lead's, no one else's
    CaseTeamMemberFactory(case=CaseFactory(), user=user)  # another team's, this user on it
    CaseFactory()  # nobody's here

    visible = set(cases_visible_to(user))

    assert visible and set(listed_cases(user)) == visible
    assert listed_cases(user).open().count() == cases_visible_to(user).open().count()


def test_nobody_lists_cases_signed_out(case):
    assert not listed_cases(AnonymousUser()).exists()


def test_the_home_lists_the_consents_expiring_of_the_users_open_cases(
    client, case, case_worker, team
):
    today = datetime.date(2026, 12, 2)
    soon = ConsentFactory(household=case.household, expires_on=today + datetime.timedelta(days=5))
    last_day = ConsentFactory(household=case.household, expires_on=today)
    later = ConsentFactory(household=case.household, expires_on=today + datetime.timedelta(days=31))
    expired = ConsentFactory(
        household=case.household, expires_on=today - datetime.timedelta(days=1)
    )
    not_mine = ConsentFactory(
        household=CaseFactory(team=team).household, expires_on=today + datetime.timedelta(days=3)
    )
    closed = ConsentFactory(
        household=CaseFactory(team=team, state="closed", closure_reason="Trasferiti.").household,
        expires_on=today + datetime.timedelta(days=3),
    )
    other_team = ConsentFactory(
        household=CaseFactory().household, expires_on=today + datetime.timedelta(days=3)
    )
    client.force_login(case_worker)

    response = client.get("/famiglie/")

    listed = response.context["expiring"]
    assert listed == [last_day, soon]
    assert {consent.case_code for consent in listed} == {case.code}
    assert not {later, expired, not_mine, closed, other_team} & set(listed)


def test_the_home_lists_the_users_open_cases_in_pages(client, case, case_worker, team):
    closed = CaseFactory(team=team, state="closed", closure_reason="Trasferiti.")
    CaseTeamMemberFactory(case=closed, user=case_worker)
    client.force_login(case_worker)

    cases = client.get("/famiglie/").context["cases"]

    assert list(cases) == [case] and cases.paginator.count == 1
    assert client.get("/famiglie/?pagina=2").status_code == 404
