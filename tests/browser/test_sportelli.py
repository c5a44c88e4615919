"""End to end in a real browser: booking an appointment, and an operator logging an access."""

import pytest

from sportelli.models import Access, Booking

# An earlier transactional test may have flushed the taxonomies the migrations seeded.
pytestmark = pytest.mark.usefixtures("seeded_taxonomies")


def tick(page, control):
    """Tick a radio or checkbox as a person does: Bootstrap Italia draws it on its label. Once
    the page has loaded: a stylesheet arriving after the click moved the label under it (a
    failure seen once in CI, with the radio left unticked)."""
    page.wait_for_load_state("load")
    page.locator(f"label[for='{control.get_attribute('id')}']").click()
    assert control.is_checked()


def submit(page):
    """The main form's submit button (the texts are translated, the markup is not)."""
    page.locator("main form[method=post] button[type=submit]").first.click()


def test_booking_an_appointment_on_a_phone_without_javascript_tricks(page, assert_accessible, desk):
    page.goto("/sportelli/")
    assert_accessible(page)
    page.get_by_role("link", name=desk.name).click()
    assert_accessible(page)
    page.locator(f"a[href='/sportelli/{desk.slug}/prenota/']").click()

    tick(page, page.locator("input[name=channel][value=in_person]"))
    assert_accessible(page)
    submit(page)

    assert_accessible(page)
    tick(page, page.locator("input[name=slot]").first)
    submit(page)

    page.locator("input[name=name]").fill("Giulia Verdi")
    page.locator("input[name=email]").fill("giulia@example.org")
    page.locator("textarea[name=note]").fill("x" * 501)
    submit(page)
    assert page.locator("#form-errors").is_visible()
    assert_accessible(page)
    page.locator("textarea[name=note]").fill("Aiuto con lo SPID")
    submit(page)

    assert_accessible(page)
    tick(page, page.get_by_role("checkbox"))
    submit(page)

    assert_accessible(page)
    assert "Giulia Verdi" in page.content()
    submit(page)

    assert_accessible(page)
    booking = Booking.objects.get()
    assert page.locator(".booking-code").inner_text() == booking.code
    assert "Giulia" not in page.url

    page.locator("a[href$='/annulla/']").click()
    assert_accessible(page)
    page.locator("main form button.btn-danger").click()
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert_accessible(page)


def test_an_operator_logs_an_access_from_the_agenda(
    desktop_page, assert_accessible, desk, desk_operator, sign_in
):
    page = desktop_page
    sign_in(page, desk_operator)
    page.goto("/sportelli/console/")
    assert_accessible(page)
    page.locator(f"a[href='/sportelli/console/{desk.slug}/accessi/nuovo/']").click()

    assert_accessible(page)
    tick(page, page.locator("input[name=channel][value=in_person]"))
    tick(page, page.get_by_label("Digital divide"))
    page.locator("select[name=age_band]").select_option("30-44")
    page.locator("select[name=citizenship]").select_option("non_eu")
    tick(page, page.locator("input[name=outcome][value=information]"))
    page.locator("input[name=minutes]").fill("15")
    submit(page)

    assert_accessible(page)
    access = Access.objects.get()
    assert (access.desk, access.minutes, access.citizenship) == (desk, 15, "non_eu")

    page.goto("/sportelli/console/accessi/")
    assert_accessible(page)
    assert page.get_by_role("cell", name="15", exact=True).count() == 1


def test_an_operator_closes_the_desk_for_a_day_on_a_phone(
    page, assert_accessible, desk, desk_operator, sign_in
):
    from sportelli.models import DeskException
    from sportelli.slots import bookable_window, desk_slots

    day = desk_slots(desk, *bookable_window(desk))[-1].local_start.date()
    sign_in(page, desk_operator)
    page.goto("/sportelli/console/")
    page.locator(f"a[href='/sportelli/console/{desk.slug}/chiusure/']").click()

    assert_accessible(page)
    page.locator("input[name=date]").fill(day.isoformat())
    page.locator("input[name=reason]").fill("Assemblea dei soci")
    submit(page)

    assert_accessible(page)
    assert page.get_by_text("Assemblea dei soci").count() == 1
    assert DeskException.objects.get().date == day
