"""A visitor without JavaScript on pages served from the page cache: the token-less forms
(keep in my list, change language, report a mistake) work in a real browser, which sends its
own Origin and Sec-Fetch-Site headers, with Django's CSRF middleware on."""

import pytest

from directory.models import ProblemReport
from tests.directory.search_world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def test_forms_of_a_cached_page_work_without_javascript(browser, live_server, assert_accessible):
    build_world()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/attivita/doposcuola/")
    # The browser revalidates (Cache-Control: no-cache) and gets a 304 from the page cache.
    again = page.goto("/attivita/doposcuola/")
    assert again.headers["x-page-cache"] == "hit"
    assert_accessible(page)

    with page.expect_navigation():
        page.locator("form[action='/la-mia-lista/aggiungi/'] button").click()
    # Now with a session: served by the view, showing this visitor's list.
    assert page.locator("form[action='/la-mia-lista/rimuovi/']").count() == 1
    page.goto("/la-mia-lista/")
    assert page.locator("[data-activity='doposcuola']").count() == 1

    page.goto("/attivita/doposcuola/")
    page.locator(".linkrete-report-form input[value='hours']").check()
    with page.expect_navigation():
        page.locator(".linkrete-report-form button[type='submit']").click()
    assert ProblemReport.objects.filter(activity__slug="doposcuola").count() == 1

    with page.expect_navigation():
        page.locator(".linkrete-language-form button[name='language']").click()
    assert page.url.endswith("/en/attivita/doposcuola/")
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()
