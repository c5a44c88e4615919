"""End to end in a real browser: booking an appointment, and an operator logging an access."""

import re

import pytest
from django.conf import settings
from django.test import Client

from sportelli.models import Access, Booking

# An earlier transactional test may have flushed the taxonomies the migrations seeded.
pytestmark = pytest.mark.usefixtures("seeded_taxonomies")


def tick(page, control):
    """Tick a radio or checkbox as a person does: Bootstrap Italia draws it on its label."""
    page.locator(f"label[for='{control.get_attribute('id')}']").click()
    assert control.is_checked()


def test_booking_an_appointment_on_a_phone_without_javascript_tricks(page, assert_accessible, desk):
    page.goto("/sportelli/")
    assert_accessible(page)
    page.get_by_role("link", name=desk.name).click()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Book an appointment|Prenota")).click()

    tick(page, page.get_by_label(re.compile("in person|di persona")))
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("Continue|Continua")).click()

    assert_accessible(page)
    tick(page, page.locator("input[name=slot]").first)
    page.get_by_role("button", name=re.compile("Continue|Continua")).click()

    page.get_by_label(re.compile("Name and surname|Nome e cognome")).fill("Giulia Verdi")
    page.get_by_label(re.compile("E-mail")).fill("giulia@example.org")
    page.get_by_label(re.compile("note|nota", re.I)).fill("x" * 501)
    page.get_by_role("button", name=re.compile("Continue|Continua")).click()
    assert page.locator("#form-errors").is_visible()
    assert_accessible(page)
    page.get_by_label(re.compile("note|nota", re.I)).fill("Aiuto con lo SPID")
    page.get_by_role("button", name=re.compile("Continue|Continua")).click()

    assert_accessible(page)
    tick(page, page.get_by_role("checkbox"))
    page.get_by_role("button", name=re.compile("Continue|Continua")).click()

    assert_accessible(page)
    assert "Giulia Verdi" in page.content()
    page.get_by_role("button", name=re.compile("Confirm|Conferma")).click()

    assert_accessible(page)
    booking = Booking.objects.get()
    assert page.locator(".booking-code").inner_text() == booking.code
    assert "Giulia" not in page.url

    page.get_by_role("link", name=re.compile("Cancel the appointment|Annulla")).click()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("Yes, cancel|Sì, annulla")).click()
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert_accessible(page)


def _sign_in(page, user, live_server):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_an_operator_logs_an_access_from_the_agenda(
    desktop_page, assert_accessible, desk, desk_operator, live_server
):
    page = desktop_page
    _sign_in(page, desk_operator, live_server)
    page.goto("/sportelli/console/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(f"{desk.name}")).first.click()

    assert_accessible(page)
    tick(page, page.get_by_label(re.compile("in person|di persona")))
    tick(page, page.get_by_label("Digital divide"))
    page.get_by_label(re.compile("Age band|Fascia")).select_option("30-44")
    page.get_by_label(re.compile("Citizenship|Cittadinanza")).select_option("non_eu")
    tick(page, page.get_by_label(re.compile("information given|informazioni")))
    page.get_by_label(re.compile("Minutes|Minuti")).fill("15")
    page.get_by_role("button", name=re.compile("Save the access|Salva")).click()

    assert_accessible(page)
    access = Access.objects.get()
    assert (access.desk, access.minutes, access.citizenship) == (desk, 15, "non_eu")

    page.goto("/sportelli/console/accessi/")
    assert_accessible(page)
    assert page.get_by_role("cell", name="15", exact=True).count() == 1
