"""Names typed by staff reach Leaflet tooltips as text, never as HTML."""

import pytest

from tests.factories import ActivityFactory, LocationFactory, OrganizationFactory

pytestmark = pytest.mark.django_db(transaction=True)

PAYLOAD = '<img src="x" onerror="window.__xss = 1">'


def test_a_location_name_with_markup_is_shown_as_text(desktop_page):
    organization = OrganizationFactory(slug="ente-prova")
    location = LocationFactory(organization=organization, name=PAYLOAD)
    ActivityFactory(organization=organization).locations.add(location)

    desktop_page.goto(organization.get_absolute_url())
    desktop_page.locator(".leaflet-marker-icon").first.hover()
    tooltip = desktop_page.locator(".leaflet-tooltip")
    tooltip.wait_for()
    assert tooltip.inner_text() == PAYLOAD
    assert desktop_page.evaluate("window.__xss") is None
