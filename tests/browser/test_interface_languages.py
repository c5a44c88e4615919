"""Every public page in every interface language, at phone width: axe-core clean, ``<html lang
dir>`` right, and in Arabic (right to left) nothing wider than the 360 px screen. One browser
context per language, its pages opened one after the other."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.browser.conftest import _close, _new_page
from tests.browser.test_pages_accessibility import SITE_PAGES

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = 360


@pytest.fixture
def public_pages(organization, desk):
    """The site's own pages (test_pages_accessibility.py) and one page of each public kind:
    home, search, activity, organization, events, desks, a desk and its booking's first step,
    and the printable sheets of an activity, a desk and the family's list."""
    from tests.factories import ActivityFactory, LocationFactory

    activity = ActivityFactory(organization=organization, slug="doposcuola", title="Doposcuola")
    activity.locations.add(LocationFactory(organization=organization))
    return [
        "/",
        "/cerca/?q=doposcuola",
        activity.get_absolute_url(),
        organization.get_absolute_url(),
        "/eventi/",
        "/sportelli/",
        desk.get_absolute_url(),
        f"/sportelli/{desk.slug}/prenota/",
        f"{activity.get_absolute_url()}scheda/",
        f"{desk.get_absolute_url()}scheda/",
        "/la-mia-lista/scheda/",
        *SITE_PAGES,
    ]


def in_language(path, code):
    """The Italian ``path`` in language ``code`` (Italian has no prefix)."""
    return path if code == settings.LANGUAGE_CODE else f"/{code}{path}"


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_every_public_page_in_every_language(
    browser, live_server, assert_accessible, public_pages, code
):
    context, page = _new_page(browser, live_server, PHONE)
    direction = "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    try:
        for path in public_pages:
            url = in_language(path, code)
            response = page.goto(url)
            assert response.status == 200, (url, response.status)
            html = page.locator("html")
            assert (html.get_attribute("lang"), html.get_attribute("dir")) == (code, direction)
            assert_accessible(page)
            if direction == "rtl":
                # Measured once the fonts are in: laid out in a fallback font while one loads,
                # a page was 8 px wider for a moment on a loaded machine.
                width = page.evaluate(
                    "document.fonts.ready.then(() => document.documentElement.scrollWidth)"
                )
                assert width <= PHONE, f"{url} is {width} px wide"
        # The switch opens without JavaScript's help and stays on the screen.
        page.goto(in_language("/", code))
        page.locator(".linkrete-language-summary").click()
        links = page.locator(".linkrete-language-list a")
        assert links.count() == len(settings.LANGUAGES)
        for link in links.all():
            box = link.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE, link.inner_text()
        assert_accessible(page)
        with translation.override("fr"):
            french = reverse("directory:home")
        page.locator(".linkrete-language-list a[hreflang='fr']").click()
        page.wait_for_url(f"**{french}")
        assert page.locator("html").get_attribute("lang") == "fr"
    finally:
        _close(context, page)
