"""A family on a phone whose search finds nothing: the way out (related needs, the desk of the
place with its phone and booking page, the helplines) and the finder narrowed by age."""

import pytest

from tests.directory.search_world import buccinasco_desk, build_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world():
    world = build_world()
    buccinasco_desk(world)
    return world


def test_nothing_found_leads_to_a_desk_and_its_booking(page, assert_accessible, world):
    page.goto("/cerca/?q=equitazione&comune=015036")
    assert page.locator("[data-total]").get_attribute("data-total") == "0"
    ways_out = page.locator("[data-ways-out]")
    assert ways_out.locator("[data-desk='sportello-buccinasco']").count() == 1
    assert ways_out.locator("a[href='tel:1522']").count() == 1
    assert_accessible(page)

    ways_out.locator("a[href='/sportelli/sportello-buccinasco/prenota/']").click()
    page.wait_for_url("**/sportelli/sportello-buccinasco/prenota/")


def test_the_finder_offers_the_needs_of_the_age_chosen(page, assert_accessible, world):
    page.goto("/?passo=1#trova")
    page.locator("label[for='finder-fascia-0-3']").click()
    page.locator("form.linkrete-finder button[type='submit']").click()
    page.wait_for_url("**passo=2**")
    assert page.locator("#finder-cat-educazione-0-3").count() == 1
    assert page.locator("#finder-cat-socialita-anziani").count() == 0
    assert page.get_by_text("Nido e prima infanzia").count() >= 1
    assert_accessible(page)
