"""A family's whole search on a phone (360 × 740), by keyboard: the home page, a sentence typed
as families type it, the results asking where they live and then putting the nearby ones first
(identical titles grouped), an activity's page and back, and a search that finds nothing with its
ways out (the desk of the remembered municipality with its phone, the helplines). axe-core checks
every page opened."""

import pytest

from directory.models import Category, SearchSynonym
from directory.search import rebuild_search_index
from directory.search import starter_synonyms as starter
from tests.directory.search_world import buccinasco_desk, build_world
from tests.factories import ActivityFactory, LocationFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def world():
    world = build_world()
    # The thesaurus every network starts with, whatever an earlier test flushed: "figlio" asks
    # for the words of children, which the three clubs all use.
    starter.load_starter(SearchSynonym, Category)
    world.doposcuola.description = "Aiuto nei compiti per bambini e ragazzi, dopo la scuola."
    world.doposcuola.save()
    # The same after-school club title in Buccinasco and in Empoli, beside Corsico's.
    for organization, municipality, slug in [
        (world.polisportiva, world.buccinasco, "doposcuola-buccinasco"),
        (world.teatro.organization, world.empoli, "doposcuola-empoli"),
    ]:
        place = LocationFactory(organization=organization, municipality=municipality)
        activity = ActivityFactory(
            organization=organization,
            title="Doposcuola",
            slug=slug,
            description="Aiuto nei compiti per bambini e ragazzi.",
        )
        activity.locations.set([place])
    rebuild_search_index()
    buccinasco_desk(world)
    return world


def test_a_family_searches_on_a_phone(page, assert_accessible, world):
    page.set_viewport_size(PHONE)
    page.goto("/")
    assert_accessible(page)

    # A sentence, typed as a family types it, sent with Enter.
    page.locator("#home-search").focus()
    page.keyboard.type("cerco doposcuola per mio figlio")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cerca/?**")
    assert int(page.locator("[data-total]").get_attribute("data-total")) >= 3
    # Nothing known about the place yet: the page asks, with a plain form.
    assert page.get_by_label("Dove abiti?").count() == 1
    assert page.locator("[data-nearby-first]").count() == 0
    assert_accessible(page)

    page.get_by_label("Dove abiti?").focus()
    page.keyboard.type("buccinasco")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-nearby-first]")
    assert "cerco doposcuola per mio figlio" in page.locator("#id_q").input_value()
    assert (
        page.locator("[data-nearby-first]").inner_text() == "Prima i risultati vicino a Buccinasco"
    )
    # The three clubs called "Doposcuola" are one entry, Buccinasco's first.
    group = page.locator("[data-activity-group]")
    assert group.count() == 1
    links = group.locator("[data-activity]")
    assert [links.nth(i).get_attribute("data-activity") for i in range(links.count())] == [
        "doposcuola-buccinasco",
        "doposcuola",
        "doposcuola-empoli",
    ]
    assert page.locator(".results > article").first.get_attribute("data-activity-group") == ""
    assert_accessible(page)

    # To the activity, by keyboard, and back.
    links.first.locator("a").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/attivita/doposcuola-buccinasco/")
    assert_accessible(page)
    page.go_back()
    page.wait_for_url("**/cerca/?**")
    assert page.locator("[data-nearby-first]").count() == 1

    # A search that finds nothing: the desk of the remembered municipality and the helplines.
    page.locator("#id_q").fill("")
    page.locator("#id_q").focus()
    page.keyboard.type("equitazione")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=equitazione**")
    assert page.locator("[data-total]").get_attribute("data-total") == "0"
    ways_out = page.locator("[data-ways-out]")
    assert ways_out.locator("[data-desk='sportello-buccinasco']").count() == 1
    assert ways_out.get_by_text("02 4579 7200").count() >= 1
    assert ways_out.locator("a[href='tel:1522']").count() == 1
    assert_accessible(page)

    # Forgetting the municipality brings the question back.
    page.locator("[data-forget-place]").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-home-place-form]")
    assert page.get_by_label("Dove abiti?").count() == 1
    assert_accessible(page)
