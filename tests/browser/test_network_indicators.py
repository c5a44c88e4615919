"""A network's coordinator reads the indicators dashboard on a phone and on a desktop: the
charts and tables are there, a bad period gets its message, the page passes axe and does not
scroll sideways at 360 px."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import AccessFactory, CaseFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def figures(network, organization, desk):
    when = timezone.make_aware(datetime.datetime(2026, 3, 2, 10))
    for index in range(6):
        AccessFactory(desk=desk, occurred_at=when, channel="phone" if index % 2 else "in_person")
    CaseFactory(team=TeamFactory(organization=organization))


def test_the_coordinator_reads_the_dashboard_on_a_phone(
    page, sign_in, assert_accessible, network_coordinator, network, figures
):
    sign_in(page, network_coordinator)
    page.goto("/area-enti/reti/")
    assert_accessible(page)
    page.get_by_role("link", name=network.name).click()
    page.wait_for_url(f"**/reti/{network.slug}/indicatori/")

    assert page.locator("svg[role=img]").count() >= 3
    assert page.get_by_role("img", name="Accessi agli sportelli per canale").count() == 1
    assert page.locator("table").count() >= 3
    # No sideways scrolling of the page at 360 px (the tables scroll in their own region).
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)

    page.fill("#id_dal", "2026-12-31")
    page.fill("#id_al", "2026-01-01")
    page.get_by_role("button", name="Mostra").click()
    page.wait_for_load_state("load")
    assert page.locator("#id_al-error").count() == 1
    assert_accessible(page)


def test_the_dashboard_is_accessible_on_a_desktop(
    desktop_page, sign_in, assert_accessible, coordinator, network, figures
):
    sign_in(desktop_page, coordinator)
    desktop_page.goto(f"/area-enti/reti/{network.slug}/indicatori/?dal=2026-01-01&al=2026-12-31")

    assert desktop_page.locator("svg[role=img]").count() >= 3
    assert_accessible(desktop_page)
