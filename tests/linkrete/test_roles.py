"""The coordinator check every app's access rules ask (linkrete.accounts.roles)."""

import pytest
from django.contrib.auth.models import AnonymousUser

import directory.staff.access
import sportelli.access
from linkrete.accounts.roles import is_coordinator
from tests.factories import UserFactory


def test_a_coordinator_is_one(coordinator):
    assert is_coordinator(coordinator)


@pytest.mark.django_db
def test_a_superuser_is_one_without_the_group():
    assert is_coordinator(UserFactory(is_superuser=True))


def test_staff_and_operators_are_not(staff, desk_operator):
    assert not is_coordinator(staff)
    assert not is_coordinator(desk_operator)


def test_an_anonymous_visitor_is_not():
    assert not is_coordinator(AnonymousUser())


def test_the_answer_is_asked_once_per_user_object(coordinator, staff, django_assert_num_queries):
    for user in (coordinator, staff):
        with django_assert_num_queries(1):
            is_coordinator(user)
        with django_assert_num_queries(0):
            is_coordinator(user)


def test_every_apps_access_rules_ask_the_same_check():
    """One definition: an access module that grew its own copy again fails here."""
    assert directory.staff.access.is_coordinator is is_coordinator
    assert sportelli.access.is_coordinator is is_coordinator


def test_a_network_coordinator_is_one_but_not_a_super_coordinator(network_coordinator):
    from linkrete.accounts.roles import is_super_coordinator

    assert is_coordinator(network_coordinator)
    assert not is_super_coordinator(network_coordinator)


@pytest.mark.django_db
def test_super_coordinators_are_the_group_and_the_superusers(coordinator):
    from linkrete.accounts.roles import is_super_coordinator

    assert is_super_coordinator(coordinator)
    assert is_super_coordinator(UserFactory(is_superuser=True))
