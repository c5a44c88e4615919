"""Guessing passwords behind the proxy: the pair lock keys on the real client, and the limits
per address and per user name never let a stranger lock a coordinator out."""

import pytest
from django.urls import reverse

from linkrete.accounts.sign_in_limits import (
    DEVICE_COOKIE,
    FAILURES_PER_ADDRESS,
    FAILURES_PER_USERNAME,
)
from tests.factories import UserFactory

PASSWORD = "linkrete-test-password"
PROXY = "127.0.0.1"


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def sign_in(client, username, password, address, forged=None):
    chain = f"{forged}, {address}" if forged else address
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=chain,
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.wsgi_request.session


def test_forged_failures_do_not_lock_the_coordinator_out_from_another_address(
    client, coordinator, behind_one_proxy
):
    for _ in range(5):
        sign_in(client, coordinator.username, "sbagliata", "203.0.113.66", forged="198.51.100.7")
    # The attacker's own address is locked out (axes keyed on what the proxy saw)…
    locked = sign_in(client, coordinator.username, PASSWORD, "203.0.113.66")
    assert locked.status_code == 429
    # …and neither the forged address nor the proxy's is: the coordinator signs in.
    assert signed_in(sign_in(client, coordinator.username, PASSWORD, "198.51.100.7"))
    client.logout()
    assert signed_in(sign_in(client, coordinator.username, PASSWORD, "192.0.2.10"))


def test_many_user_names_from_one_address_are_stopped(client, staff, behind_one_proxy):
    for number in range(FAILURES_PER_ADDRESS):
        sign_in(client, f"utente-{number}", "sbagliata", "203.0.113.66")
    refused = sign_in(client, staff.username, PASSWORD, "203.0.113.66")
    assert refused.status_code == 200
    assert "Troppi accessi non riusciti" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    assert signed_in(sign_in(client, staff.username, PASSWORD, "203.0.113.67"))


def test_one_user_name_from_many_addresses_is_stopped(client, staff, behind_one_proxy):
    for number in range(FAILURES_PER_USERNAME):
        sign_in(client, staff.username, "sbagliata", f"203.0.113.{number + 1}")
    refused = sign_in(client, staff.username, PASSWORD, "192.0.2.10")
    assert refused.status_code == 200
    assert refused.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session


def test_a_user_name_that_does_not_exist_is_refused_the_same_way(client, db, behind_one_proxy):
    for number in range(FAILURES_PER_USERNAME):
        sign_in(client, "nessuno", "sbagliata", f"203.0.113.{number + 1}")
    refused = sign_in(client, "nessuno", PASSWORD, "192.0.2.10")
    assert refused.context["form"].non_field_errors()


def test_a_browser_that_signed_the_user_in_before_passes_the_limits(
    client, coordinator, behind_one_proxy
):
    assert signed_in(sign_in(client, coordinator.username, PASSWORD, "192.0.2.10"))
    assert DEVICE_COOKIE in client.cookies
    device = client.cookies[DEVICE_COOKIE].value
    assert coordinator.username not in device
    client.logout()  # which forgets every cookie: the browser keeps the device's
    client.cookies[DEVICE_COOKIE] = device
    for number in range(FAILURES_PER_USERNAME + FAILURES_PER_ADDRESS):
        sign_in(client, coordinator.username, "sbagliata", f"203.0.113.{number + 1}")
    # A stranger's browser is refused; the coordinator's own is not.
    stranger = client.__class__()
    refused = sign_in(stranger, coordinator.username, PASSWORD, "192.0.2.10")
    assert refused.context["form"].non_field_errors()
    assert signed_in(sign_in(client, coordinator.username, PASSWORD, "192.0.2.10"))


def test_a_forged_device_cookie_counts_for_nothing(client, staff, behind_one_proxy):
    for number in range(FAILURES_PER_USERNAME):
        sign_in(client, staff.username, "sbagliata", f"203.0.113.{number + 1}")
    client.cookies[DEVICE_COOKIE] = "forged"
    refused = sign_in(client, staff.username, PASSWORD, "192.0.2.10")
    assert refused.context["form"].non_field_errors()


def test_the_admin_sign_in_keeps_the_same_limits(client, coordinator, behind_one_proxy):
    for number in range(FAILURES_PER_USERNAME):
        sign_in(client, coordinator.username, "sbagliata", f"203.0.113.{number + 1}")
    refused = client.post(
        reverse("admin:login"),
        {"username": coordinator.username, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="192.0.2.10",
    )
    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_limits_count_per_hour(client, staff, behind_one_proxy, time_machine, pinned_now):
    import datetime

    for number in range(FAILURES_PER_USERNAME):
        sign_in(client, staff.username, "sbagliata", f"203.0.113.{number + 1}")
    time_machine.move_to(pinned_now + datetime.timedelta(minutes=61), tick=False)
    assert signed_in(sign_in(client, staff.username, PASSWORD, "192.0.2.10"))


def test_the_refusal_is_in_english_on_english_pages(client, db, behind_one_proxy):
    UserFactory(username="qualcuno")
    for number in range(FAILURES_PER_USERNAME):
        sign_in(client, "qualcuno", "sbagliata", f"203.0.113.{number + 1}")
    response = client.post(
        "/en" + reverse("login"),
        {"username": "qualcuno", "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="192.0.2.10",
    )
    assert "Too many failed sign-ins" in response.content.decode()
