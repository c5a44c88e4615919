"""A family on a phone: search, filter, open an activity, keep it in "my list"."""

import pytest

from tests.directory.search_world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world():
    return build_world()


def test_search_filter_open_and_keep_an_activity(page, assert_accessible, world):
    page.goto("/")
    assert_accessible(page)

    page.locator("main form[action='/cerca/'] input[name='q']").fill("calcio")
    page.locator("main form[action='/cerca/'] button[type='submit']").first.click()
    page.wait_for_url("**/cerca/**")
    assert page.locator("[data-activity]").count() == 1
    assert_accessible(page)

    # Refine by a child's age: the football course is for 6-11, so age 8 keeps it.
    page.locator("#id_eta").fill("8")
    page.locator("form").filter(has=page.locator("#id_eta")).locator(
        "button[type='submit']"
    ).first.click()
    page.wait_for_url("**eta=8**")
    assert "eta=8" in page.url
    assert page.locator("[data-activity='calcio']").count() == 1

    page.locator("[data-activity='calcio'] a").first.click()
    page.wait_for_url("**/attivita/calcio/")
    assert page.locator("h1").inner_text() == "Corso di calcio per bambini"
    assert_accessible(page)

    with page.expect_navigation():
        page.locator("form[action='/la-mia-lista/aggiungi/'] button").click()
    page.goto("/la-mia-lista/")
    assert page.locator("[data-activity='calcio']").count() == 1
    assert_accessible(page)


def test_an_age_outside_the_range_gives_no_result_and_a_way_out(page, assert_accessible, world):
    page.goto("/cerca/?q=calcio&eta=15")
    assert page.locator("[data-total]").get_attribute("data-total") == "0"
    assert page.locator("[data-activity]").count() == 0
    assert_accessible(page)


def test_a_whole_sentence_finds_what_some_of_its_words_say(page, assert_accessible, world):
    page.goto("/")
    page.locator("main form[action='/cerca/'] input[name='q']").fill(
        "cerco calcio o teatro per mio figlio"
    )
    page.locator("main form[action='/cerca/'] button[type='submit']").first.click()
    page.wait_for_url("**/cerca/**")
    # No activity holds all the words: those holding some, and the page says so.
    assert page.locator("[data-forgiving]").count() == 1
    assert page.locator("[data-activity]").count() == 2
    assert_accessible(page)

    # A language named in the words is an active filter, removed with its name.
    page.goto("/cerca/?q=doposcuola+in+arabo")
    assert page.locator("[data-activity='doposcuola']").count() == 1
    remove = page.get_by_role("link", name="Rimuovi il filtro Arabo", exact=True)
    assert_accessible(page)
    remove.click()
    page.wait_for_url("**/cerca/?q=doposcuola")
    assert page.get_by_role("link", name="Rimuovi il filtro Arabo", exact=True).count() == 0


def test_organization_page_is_accessible(desktop_page, assert_accessible, world):
    desktop_page.goto(world.polisportiva.get_absolute_url())
    assert desktop_page.locator("[data-activity='calcio']").count() == 1
    assert_accessible(desktop_page)


def test_search_works_without_javascript(browser, live_server, world):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/cerca/?q=doposcuola")
    assert page.locator("[data-activity='doposcuola']").count() == 1
    page.locator("[data-activity='doposcuola'] h3 a").click()
    page.wait_for_url("**/attivita/doposcuola/")
    assert page.locator("h1").inner_text() == "Doposcuola"
    context.close()


def test_a_place_typed_in_the_finder_is_suggested_and_leads_to_its_results(page, world):
    page.goto("/?passo=3&fascia=6-11")
    field = page.locator("#finder-dove")
    field.press_sequentially("cors", delay=50)
    suggestion = page.locator("#finder-dove-suggestions option[value='Corsico']")
    suggestion.wait_for(state="attached")
    field.fill("Corsico")
    page.locator("form.linkrete-finder button[type='submit']").click()
    page.wait_for_url("**/cerca/?**")
    assert "comune=015093" in page.url
    assert "fascia=6-11" in page.url
