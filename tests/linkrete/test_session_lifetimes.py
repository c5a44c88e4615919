"""Sessions end after a while idle and some hours after the sign-in: sooner for coordinators
and case teams than for association staff."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from linkrete.accounts import roles

START = datetime.datetime(2026, 12, 2, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def at(time_machine):
    def move(**delta):
        time_machine.move_to(START + datetime.timedelta(**delta), tick=False)

    move()
    return move


def signed_out(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_association_staff_stay_two_idle_hours(client, staff, at):
    client.force_login(staff)
    at(hours=1, minutes=59)
    assert client.get(reverse("staff:home")).status_code == 200
    at(hours=3, minutes=58)  # 1 h 59 since the last page
    assert client.get(reverse("staff:home")).status_code == 200
    at(hours=6)
    response = client.get(reverse("staff:home"))
    assert signed_out(response)
    assert "_auth_user_id" not in client.session
    assert "next=" in response["Location"]


def test_association_staff_sign_in_again_after_twelve_hours_even_if_busy(client, staff, at):
    client.force_login(staff)
    for hour in range(1, 12):
        at(hours=hour)
        assert client.get(reverse("staff:home")).status_code == 200
    at(hours=12, minutes=1)
    response = client.get(reverse("staff:home"), follow=True)
    assert "_auth_user_id" not in client.session
    assert "12" in response.content.decode()  # the message says why


def test_a_coordinator_is_signed_out_after_30_idle_minutes(client, coordinator, at):
    client.force_login(coordinator)
    at(minutes=29)
    assert client.get(reverse("staff:home")).status_code == 200
    at(minutes=60)
    assert signed_out(client.get(reverse("staff:home")))


def test_a_network_coordinator_too(client, db, at):
    from tests.factories import UserFactory

    user = UserFactory(username="coordina-rete")
    user.groups.add(Group.objects.get_or_create(name=roles.COORDINATOR)[0])
    client.force_login(user)
    assert client.session["idle_timeout"] is True


def test_a_coordinator_signs_in_again_after_eight_hours_even_if_busy(client, coordinator, at):
    client.force_login(coordinator)
    for half_hours in range(1, 17):
        at(minutes=25 * half_hours)
        assert client.get(reverse("staff:home")).status_code == 200
    at(hours=8, minutes=1)
    assert signed_out(client.get(reverse("staff:home")))


def test_the_cookie_ends_with_the_idle_timeout(client, staff, coordinator, at):
    client.force_login(staff)
    assert client.session.get_expiry_age() == 2 * 3600
    client.logout()
    client.force_login(coordinator)
    assert client.session.get_expiry_age() == 30 * 60


def test_a_post_after_the_timeout_is_not_run(client, staff, at):
    client.force_login(staff)
    session = client.session
    session.set_expiry(None)  # the cookie and the stored session outlive the timeout
    session.save()
    at(hours=3)
    response = client.post(reverse("staff:home"))
    assert signed_out(response)
    assert "next=" not in response["Location"]


def test_the_limits_follow_the_settings(client, staff, at, settings):
    settings.LINKRETE_STAFF_IDLE_SESSION_MINUTES = 10
    client.force_login(staff)
    at(minutes=11)
    assert signed_out(client.get(reverse("staff:home")))


def test_anonymous_visitors_are_left_alone(client, db, at):
    at(days=3)
    assert client.get(reverse("login")).status_code == 200
