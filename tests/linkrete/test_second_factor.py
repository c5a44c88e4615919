"""The second factor (django-otp): enrolment, verification, recovery codes, throttling and
the reset command; required for staff and coordinators, the admin included."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from linkrete.accounts.second_factor import devices
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ENROL = reverse("second_factor:enrol")
VERIFY = reverse("second_factor:verify")
CODES = reverse("second_factor:recovery_codes")


def code_of(device: TOTPDevice, *, steps_later: int = 0) -> str:
    return f"{totp(device.bin_key, t0=-30 * steps_later):06d}"


@pytest.fixture
def enrolled(coordinator):
    """The coordinator with an authenticator and recovery codes; returns (device, codes)."""
    device = devices.pending_authenticator(coordinator)
    codes = devices.confirm_authenticator(device)
    return device, codes


def unverified(client, user):
    client.force_login(user, second_factor=False)
    return client


# Required, the admin included


@pytest.mark.parametrize("path", ["/admin/", "/admin/directory/activity/", "/area-enti/"])
def test_staff_without_a_device_are_sent_to_enrolment(client, coordinator, path):
    response = unverified(client, coordinator).get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(ENROL)


@pytest.mark.parametrize("path", ["/admin/", "/admin/auditlog/logentry/", "/area-enti/revisioni/"])
def test_the_admin_refuses_an_unverified_session(client, coordinator, enrolled, path):
    response = unverified(client, coordinator).get(path)
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next={path.replace('/', '%2F')}"


def test_a_post_from_an_unverified_session_changes_nothing(client, coordinator, enrolled):
    from tests.factories import ZoneFactory

    zone = ZoneFactory(name="Ambito Nord")
    response = unverified(client, coordinator).post(
        reverse("admin:directory_zone_delete", args=[zone.pk]), {"post": "yes"}
    )
    assert response["Location"] == VERIFY
    zone.refresh_from_db()


def test_people_who_cannot_enter_the_admin_are_not_forced(client, staff, desk_operator):
    assert unverified(client, staff).get("/area-enti/").status_code == 200
    assert client.get(reverse("second_factor:overview")).status_code == 200


@pytest.mark.parametrize("path", [ENROL, VERIFY, CODES, reverse("second_factor:overview")])
def test_anonymous_visitors_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


# Enrolment


def test_enrolment_shows_a_qr_code_and_the_key_as_text(client, coordinator):
    response = unverified(client, coordinator).get(ENROL)
    page = response.content.decode()
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    assert "<svg" in page
    assert devices.key_text(device) in page
    # The same key on a reload: the person may have scanned it already.
    assert devices.key_text(device) in client.get(ENROL).content.decode()
    assert TOTPDevice.objects.filter(user=coordinator).count() == 1


def test_enrolment_with_the_right_code_turns_it_on_and_shows_the_codes_once(client, coordinator):
    unverified(client, coordinator).get(ENROL)
    device = TOTPDevice.objects.get(user=coordinator)
    response = client.post(ENROL, {"code": code_of(device), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"].startswith(CODES)
    page = client.get(response["Location"]).content.decode()
    shown = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(shown) == devices.RECOVERY_CODES
    assert set(shown) == set(StaticToken.objects.values_list("token", flat=True))
    assert not re.findall(r"<li><code>", client.get(CODES).content.decode())
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


@pytest.mark.parametrize("code", ["000000", "12345", "abcdef", "²²²²²²", "1\x0023456", "9" * 500])
def test_enrolment_with_a_wrong_code_says_so_and_stays_off(client, coordinator, code):
    unverified(client, coordinator).get(ENROL)
    response = client.post(ENROL, {"code": code})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not TOTPDevice.objects.filter(user=coordinator, confirmed=True).exists()


def test_an_unverified_session_cannot_replace_the_device(client, coordinator, enrolled):
    response = unverified(client, coordinator).get(ENROL)
    assert response["Location"].startswith(VERIFY)


# Verification at sign-in


def test_the_right_code_lets_in_and_goes_where_asked(client, coordinator, enrolled):
    device, _codes = enrolled
    unverified(client, coordinator)
    response = client.post(VERIFY, {"code": code_of(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused(client, coordinator, enrolled):
    unverified(client, coordinator)
    response = client.post(VERIFY, {"code": "000000"})
    assert response.status_code == 200
    assert "non è corretto" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_code_used_once_is_refused_the_second_time(client, coordinator, enrolled, time_machine):
    device, _codes = enrolled
    code = code_of(device)
    unverified(client, coordinator)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.logout()
    unverified(client, coordinator)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("next_url", ["https://esempio.example/", "//esempio.example/"])
def test_next_never_leaves_the_site(client, coordinator, enrolled, next_url):
    device, _codes = enrolled
    unverified(client, coordinator)
    response = client.post(VERIFY, {"code": code_of(device), "next": next_url})
    assert response["Location"] == reverse("landing")


# Recovery codes


def test_a_recovery_code_works_once(client, coordinator, enrolled):
    _device, codes = enrolled
    unverified(client, coordinator)
    response = client.post(VERIFY, {"code": codes[0].upper()})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    unverified(client, coordinator)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 200
    assert StaticToken.objects.filter(device__user=coordinator).count() == len(codes) - 1


def test_new_recovery_codes_replace_the_old_ones(client, coordinator, enrolled):
    _device, old = enrolled
    client.force_login(coordinator)  # verified
    response = client.post(CODES)
    assert response["Location"] == CODES
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", client.get(CODES).content.decode())
    assert len(new) == devices.RECOVERY_CODES and not set(new) & set(old)
    client.logout()
    unverified(client, coordinator)
    assert client.post(VERIFY, {"code": new[1]}).status_code == 302
    client.logout()
    unverified(client, coordinator)
    assert client.post(VERIFY, {"code": old[1]}).status_code == 200


def test_an_unverified_session_cannot_make_new_codes(client, coordinator, enrolled):
    _device, old = enrolled
    response = unverified(client, coordinator).post(CODES)
    assert response.status_code == 302
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(old)


# Throttling


def test_wrong_codes_make_the_next_try_wait(client, coordinator, enrolled, time_machine):
    device, _codes = enrolled
    time_machine.move_to(datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC), tick=False)
    unverified(client, coordinator)
    for _ in range(3):
        client.post(VERIFY, {"code": "000000"})
    # Even the right code waits out the delay (4 seconds after three failures).
    response = client.post(VERIFY, {"code": code_of(device)})
    assert response.status_code == 200
    assert "Troppi codici sbagliati" in response.content.decode()
    time_machine.shift(datetime.timedelta(seconds=5))
    assert client.post(VERIFY, {"code": code_of(device)}).status_code == 302


# Voluntary, for people who cannot enter the admin


def test_someone_who_turned_it_on_is_asked_at_the_next_sign_in(client, staff):
    device = devices.pending_authenticator(staff)
    devices.confirm_authenticator(device)
    response = unverified(client, staff).get("/area-enti/")
    assert response["Location"].startswith(VERIFY)


# The reset command (a lost phone)


def test_the_reset_command_removes_the_devices_and_asks_to_enrol_again(
    client, coordinator, enrolled
):
    out = io.StringIO()
    call_command("reset_second_factor", coordinator.username, stdout=out)
    assert "reset" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert not StaticDevice.objects.filter(user=coordinator).exists()
    assert unverified(client, coordinator).get("/admin/")["Location"].startswith(ENROL)


def test_the_reset_command_ends_a_verified_session_s_access(client, coordinator, enrolled):
    client.force_login(coordinator)
    device, _codes = enrolled
    from django_otp import DEVICE_ID_SESSION_KEY

    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.get("/admin/").status_code == 200
    call_command("reset_second_factor", coordinator.username, stdout=io.StringIO())
    assert client.get("/admin/").status_code == 302


def test_the_reset_command_names_an_unknown_user():
    with pytest.raises(CommandError):
        call_command("reset_second_factor", "nessuno", stdout=io.StringIO())


def test_the_reset_command_leaves_other_users_alone(coordinator, enrolled):
    other = UserFactory(username="altra", is_staff=True)
    devices.confirm_authenticator(devices.pending_authenticator(other))
    call_command("reset_second_factor", coordinator.username, stdout=io.StringIO())
    assert TOTPDevice.objects.filter(user=other).exists()


# The demo (seed_demo with DEBUG on)


def test_the_demo_key_and_codes_sign_the_demo_coordinator_in(client, coordinator, settings):
    from linkrete.accounts.second_factor.demo import DEMO_RECOVERY_CODES, give_demo_second_factor

    settings.DEBUG = True
    give_demo_second_factor(coordinator)
    give_demo_second_factor(coordinator)  # idempotent: one device of each kind
    assert TOTPDevice.objects.filter(user=coordinator).count() == 1
    unverified(client, coordinator)
    assert client.post(VERIFY, {"code": DEMO_RECOVERY_CODES[0]}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_demo_second_factor_refuses_a_real_site(coordinator, settings):
    from linkrete.accounts.second_factor.demo import give_demo_second_factor

    settings.DEBUG = False
    with pytest.raises(RuntimeError):
        give_demo_second_factor(coordinator)
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
