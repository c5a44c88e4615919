"""The people around one case: its team lead, a member of its case team, a member of the same
équipe not on the case, a member of another équipe, and the case itself."""

import pytest

from linkrete.accounts import roles
from tests.factories import (
    CaseFactory,
    CaseTeamMemberFactory,
    MemberFactory,
    TeamFactory,
    TeamMemberFactory,
    UserFactory,
)


@pytest.fixture
def team_lead(role_groups):
    user = UserFactory(username="responsabile")
    user.groups.add(role_groups[roles.CASE_TEAM])
    return user


@pytest.fixture
def team(team_lead, organization):
    return TeamFactory(name="Équipe Cuore Visconteo", organization=organization, lead=team_lead)


@pytest.fixture
def case(team):
    case = CaseFactory(team=team)
    MemberFactory(household=case.household, first_name="Amina", last_name="Haddad")
    return case


@pytest.fixture
def case_worker(role_groups, team, case):
    """An educator of the team, on the case's team."""
    user = UserFactory(username="educatrice")
    user.groups.add(role_groups[roles.CASE_TEAM])
    TeamMemberFactory(team=team, user=user)
    CaseTeamMemberFactory(case=case, user=user)
    return user


@pytest.fixture
def same_team_member(role_groups, team):
    """A member of the same équipe, not on this case's team."""
    user = UserFactory(username="tutor-altro-caso")
    user.groups.add(role_groups[roles.CASE_TEAM])
    TeamMemberFactory(team=team, user=user)
    return user


@pytest.fixture
def other_team_member(role_groups, other_organization):
    """The lead and a member of another équipe, with a case of their own."""
    lead = UserFactory(username="responsabile-altra")
    other = TeamFactory(name="Équipe Rhodense", organization=other_organization, lead=lead)
    user = UserFactory(username="assistente-altra")
    user.groups.add(role_groups[roles.CASE_TEAM])
    TeamMemberFactory(team=other, user=user)
    CaseTeamMemberFactory(case=CaseFactory(team=other), user=user)
    return user
