"""Signing in, editing an activity's hours and logging volunteer hours, in a real browser."""

import pytest

from directory.models import Category, Revision, Taxonomy, VolunteerHours
from tests.factories import ActivityFactory, VolunteerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, assert_accessible, user):
    page.goto("/area-enti/")
    assert "/accesso/" in page.url
    assert_accessible(page)
    page.fill("#id_username", user.username)
    page.fill("#id_password", "linkrete-test-password")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/area-enti/")


def test_staff_signs_in_and_sees_their_organization(page, assert_accessible, staff, organization):
    sign_in(page, assert_accessible, staff)
    assert page.get_by_role("heading", name=organization.name).count() == 1
    assert_accessible(page)


def test_staff_edits_an_activitys_hours(desktop_page, assert_accessible, staff, organization):
    page = desktop_page
    # A transactional test starts from an empty database: the seeded taxonomies are gone.
    taxonomy, _ = Taxonomy.objects.get_or_create(slug="aree-intervento", defaults={"name": "Aree"})
    laboratori, _ = Category.objects.get_or_create(
        slug="laboratori", defaults={"taxonomy": taxonomy, "name": "Laboratori"}
    )
    activity = ActivityFactory(
        organization=organization, title="Doposcuola", categories=[laboratori]
    )
    sign_in(page, assert_accessible, staff)
    page.goto(f"/area-enti/enti/{organization.slug}/attivita/{activity.pk}/orari/")
    assert_accessible(page)
    page.select_option("#id_slots-0-weekday", "2")
    page.fill("#id_slots-0-opens_at", "16:30")
    page.fill("#id_slots-0-closes_at", "18:30")
    page.click("button[name=add_slot]")
    # The page comes back from the server with one row more: wait for it, not only for its start.
    page.wait_for_selector("#id_slots-1-weekday")
    assert page.locator("#id_slots-1-weekday").count() == 1
    assert page.input_value("#id_slots-0-opens_at") == "16:30"
    assert_accessible(page)
    page.select_option("#id_slots-1-weekday", "4")
    page.fill("#id_slots-1-opens_at", "16:30")
    page.fill("#id_slots-1-closes_at", "18:30")
    page.click("button[name=save]")
    page.wait_for_url(f"**/area-enti/enti/{organization.slug}/")
    assert_accessible(page)
    revision = Revision.objects.get()
    assert [row["weekday"] for row in revision.data["slots"]] == [2, 4]


def test_staff_logs_volunteer_hours(page, assert_accessible, staff, organization):
    volunteer = VolunteerFactory(organization=organization, first_name="Rosa", last_name="Galli")
    sign_in(page, assert_accessible, staff)
    page.goto(f"/area-enti/enti/{organization.slug}/ore/")
    assert_accessible(page)
    page.select_option("#id_volunteer", str(volunteer.pk))
    page.fill("#id_date", "2026-03-02")
    page.fill("#id_hours", "2.5")
    page.click("main form button.btn-primary")
    page.wait_for_url(f"**/area-enti/enti/{organization.slug}/ore/")
    assert page.locator(".alert-success").count() == 1
    assert_accessible(page)
    assert VolunteerHours.objects.get().volunteer == volunteer
    page.goto(f"/area-enti/enti/{organization.slug}/volontari/")
    assert_accessible(page)
