"""An English-speaking family on a phone finds the Italian listings through the thesaurus."""

import pytest

from directory.models import Category, SearchSynonym
from directory.search.starter_synonyms import load_starter
from tests.directory.search_world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world():
    # Live-server tests empty the database after each one, the migration's starter list too.
    load_starter(SearchSynonym, Category)
    return build_world()


def test_an_english_query_finds_the_after_school_club_and_says_how(page, assert_accessible, world):
    page.set_default_timeout(10_000)
    page.goto("/en/")
    page.locator("#home-search").fill("after school")
    page.locator("form").filter(has=page.locator("#home-search")).locator(
        "button[type='submit']"
    ).first.click()
    page.wait_for_url("**/cerca/**")
    assert page.locator("[data-activity='doposcuola']").count() == 1
    assert page.locator("[data-also-for]").inner_text().startswith("Results also for: doposcuola")
    assert_accessible(page)
