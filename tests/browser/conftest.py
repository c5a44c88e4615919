"""A real browser for the flows that matter: Playwright driving Debian's chromium.

`playwright install` cannot download browsers here, so the suite uses /usr/bin/chromium (the
Debian package `chromium`, which .ci/run installs). Every page a test opens is checked with
axe-core (shipped by axe-playwright-python) against WCAG 2.1 A and AA.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("LINKRETE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Only the live server is reachable; map tiles and anything else external are refused quickly.
EXTERNAL = re.compile(r"^(?!https?://(localhost|127\.0\.0\.1)[:/]).*")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# A browser test that has not finished in this many seconds is stuck (a page that never
# answers, a dialog nobody closes): it fails, and the suite goes on (pytest-timeout; the
# fixtures, the test database and the browser set up once, are not counted).
BROWSER_TEST_TIMEOUT = 180


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if item.get_closest_marker("timeout") is None:
                item.add_marker(pytest.mark.timeout(BROWSER_TEST_TIMEOUT, func_only=True))


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium to run the browser tests")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls the tests make
    # around it are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser, live_server, width):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": 800},
        locale="it-IT",
        timezone_id="Europe/Rome",
    )
    context.set_default_timeout(10_000)
    context.route(EXTERNAL, lambda route: route.abort())
    page = context.new_page()
    # Anything the Content Security Policy blocks is a page that does not work as written.
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and page.csp_violations.append(message.text[:300])
        ),
    )
    return context, page


def _close(context, page):
    violations = page.csp_violations
    context.close()
    assert not violations, f"the Content Security Policy blocked: {violations}"


@pytest.fixture
def page(browser, live_server):
    """A phone-sized page (360 px wide), as most families use."""
    context, page = _new_page(browser, live_server, 360)
    yield page
    _close(context, page)


@pytest.fixture
def desktop_page(browser, live_server):
    context, page = _new_page(browser, live_server, 1280)
    yield page
    _close(context, page)


@pytest.fixture
def sign_in(live_server):
    """Sign ``user`` in on ``page`` without the form: a session made by Django's test client."""
    from django.conf import settings

    from tests.signing_in import Client

    def sign_in(page, user):
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

    return sign_in


@pytest.fixture
def assert_accessible():
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        # After a click that submits a form, the next page may still be loading its stylesheets:
        # axe would judge colours the page never shows (seen once: the header's language button
        # in the theme's default link colour).
        page.wait_for_load_state("load")
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        assert results.violations_count == 0, (
            f"axe-core found violations on {page.url}:\n{results.generate_report()}"
        )

    return check


@pytest.fixture(autouse=True)
def _taxonomies_after_flush(seeded_taxonomies):
    """Live-server tests empty the database after each one, migration data included."""


@pytest.fixture(autouse=True)
def _browser_clock(time_machine):
    """Every browser test starts at ``PINNED_NOW`` (free slots, "open now" and the agenda depend
    on the day), and the clock ticks on from there: the live server's thread, timeouts and
    sessions see time pass as in real life."""
    from tests.clock import PINNED_NOW

    time_machine.move_to(PINNED_NOW, tick=True)
