"""A coordinator's first sign-in: password, enrolment of the authenticator (key typed, as
someone who cannot scan would), the recovery codes; then a sign-in with a recovery code. Each
page at 360 px with axe."""

import base64
import re

import pytest
from django_otp.oath import totp

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in_with_password(page, user, next_path):
    page.goto(next_path)
    page.fill("#id_username", user.username)
    page.fill("#id_password", "linkrete-test-password")
    page.click("main form button[type=submit]")


def test_a_coordinator_enrols_then_signs_in_with_a_recovery_code(
    page, assert_accessible, coordinator
):
    sign_in_with_password(page, coordinator, "/area-enti/revisioni/")
    page.wait_for_url("**/accesso/secondo-fattore/attiva/**")
    assert page.locator(".second-factor-qr svg").count() == 1
    assert_accessible(page)

    key = page.locator("#second-factor-key").inner_text().replace(" ", "")
    page.fill("#id_code", "000000")
    page.click("main form button[type=submit]")
    page.wait_for_selector("#id_code.is-invalid")  # the answer's page, not the one being left
    assert page.locator("#id_code.is-invalid").count() == 1
    assert_accessible(page)

    page.wait_for_timeout(1100)  # a wrong code makes the next one wait a second
    page.fill("#id_code", f"{totp(base64.b32decode(key)):06d}")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/accesso/secondo-fattore/codici/**")
    codes = page.locator("#recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{8}", c) for c in codes)
    assert_accessible(page)
    page.get_by_role("link", name="Li ho salvati, continua").click()
    page.wait_for_url("**/area-enti/revisioni/")

    page.context.clear_cookies()
    sign_in_with_password(page, coordinator, "/area-enti/revisioni/")
    page.wait_for_url("**/accesso/secondo-fattore/verifica/**")
    assert_accessible(page)
    page.fill("#id_code", codes[0])
    page.click("main form button[type=submit]")
    page.wait_for_url("**/area-enti/revisioni/")
    assert_accessible(page)
