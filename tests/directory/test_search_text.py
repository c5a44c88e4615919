import pytest
from django.urls import reverse

from directory.search import normalize, refresh_search_document
from tests.directory.search_world import build_world, slugs, total

URL = reverse("directory:search")


@pytest.fixture
def world(db):
    return build_world()


def search(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def test_normalize_strips_accents_case_and_punctuation():
    assert normalize("Attività  dell'Oratorio, PERCHÉ") == "attivita dell oratorio perche"


def test_search_page_lists_public_current_activities_only(client, world):
    response = search(client)
    assert set(slugs(response)) == {"calcio", "doposcuola", "lavoro", "teatro", "pacchi"}
    assert total(response) == 5


def test_search_ignores_case(client, world):
    assert slugs(search(client, q="CALCIO")) == ["calcio"]


def test_search_ignores_accents(client, world):
    assert slugs(search(client, q="attivita")) == ["doposcuola"]
    assert slugs(search(client, q="difficoltà")) == ["pacchi"]


def test_search_finds_plural_and_singular(client, world):
    # "corsi" finds "Corso di calcio", and "corso" finds "Corsi di teatro".
    assert set(slugs(search(client, q="corsi"))) == {"calcio", "teatro"}
    assert set(slugs(search(client, q="corso"))) == {"calcio", "teatro"}


def test_search_words_spread_over_organization_category_and_municipality(client, world):
    # "arcobaleno" is the organization, "corsico" the municipality.
    assert slugs(search(client, q="arcobaleno corsico")) == ["doposcuola"]
    # "sport" is only the category of the football course.
    assert slugs(search(client, q="sport")) == ["calcio"]
    # "empoli" finds the theatre by its municipality.
    assert slugs(search(client, q="Empoli")) == ["teatro"]


def test_search_needs_every_word_when_some_activity_holds_them_all(client, world):
    # "bambini" is in several documents, "calcio" in one: only the one holding both.
    assert slugs(search(client, q="calcio bambini")) == ["calcio"]
    # None holds both: the forgiving search (test_search_forgiving.py) shows each.
    assert set(slugs(search(client, q="calcio teatro"))) == {"calcio", "teatro"}


def test_search_hides_drafts_and_ended_activities(client, world):
    assert slugs(search(client, q="calcio")) == ["calcio"]


def test_search_offers_matching_organizations(client, world):
    html = search(client, q="polisportiva").content.decode()
    assert 'data-organization="polisportiva"' in html


def test_refreshed_document_follows_a_new_title(client, world):
    world.teatro.title = "Laboratorio di giocoleria"
    world.teatro.save()
    refresh_search_document(world.teatro)
    assert slugs(search(client, q="giocoleria")) == ["teatro"]


def test_search_forgives_small_typos(client, world):
    assert slugs(search(client, q="calco")) == ["calcio"]
    assert slugs(search(client, q="doposcula")) == ["doposcuola"]


def test_search_ranks_title_matches_first(client, world):
    # "lavoro" is in the title of the desk and only in the description of nothing else;
    # "teatro" is in the title of the lab and in the organization of the same lab.
    results = slugs(search(client, q="bambini"))
    assert results[0] == "calcio"


def test_typo_tolerant_organization_block(client, world):
    html = search(client, q="polisportva").content.decode()
    assert 'data-organization="polisportiva"' in html


def test_common_words_are_matched_on_the_rows_read_with_the_same_results(client, world):
    from django.db import connection

    from directory.search.text import forget_word_shares, look_up, parse
    from directory.search.thresholds import COMMON_WORDS_SHARE

    def on_rows(text):
        return parse(text).condition.parts[0].on_rows

    indexed = {text: slugs(search(client, q=text)) for text in ("bambini", "bambini calcio")}
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE directory_activity")  # the statistics the shares come from
    forget_word_shares()
    shares = look_up(["bambini", "di"]).shares
    assert shares["bambini"] >= COMMON_WORDS_SHARE
    assert shares["di"] is None  # a stop word has no lexeme: it does not count
    assert on_rows("bambini") and on_rows("di bambini")
    for text, found in indexed.items():
        assert slugs(search(client, q=text)) == found


def test_the_words_statistics_are_read_with_a_search_once_every_few_minutes(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from directory.search.text import LEXEME_SHARES, forget_word_shares, look_up
    from directory.search.thresholds import COMMON_WORDS_SHARE, SHARES_SECONDS

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE directory_activity")
    forget_word_shares()

    def looked_up():
        with CaptureQueriesContext(connection) as queries:
            shares = look_up(["bambini"]).shares
        assert len(queries) == 1  # the statistics, when read, come with the words
        assert shares["bambini"] >= COMMON_WORDS_SHARE
        return "pg_stats" in queries[0]["sql"]

    assert looked_up()
    assert not looked_up()  # kept by the process
    LEXEME_SHARES.read_at -= SHARES_SECONDS + 1
    assert looked_up()


def test_rows_or_index_weighs_the_share_found_against_the_index_entries_walked():
    from directory.search.text import on_rows
    from directory.search.thresholds import COMMON_WORDS_SHARE

    # One word: its share is both; the rows from COMMON_WORDS_SHARE on.
    assert on_rows(COMMON_WORDS_SHARE, COMMON_WORDS_SHARE)
    assert not on_rows(0.04, 0.04)
    # Rare together (two words of 5 %: 0.25 %), the index skips through the commoner's list.
    assert not on_rows(0.0025, 0.05)
    # A word the thesaurus widens, or some of the words only: 1 % found, but the entries of
    # half the directory walked.
    assert on_rows(0.011, 0.5)


def test_words_beside_a_rare_tag_are_looked_up_unless_very_common(world):
    from django.db import connection

    from directory.models import Activity
    from directory.search import tags as search_tags
    from directory.search.conditions import tagged
    from directory.search.plan import combine
    from directory.search.text import forget_word_shares, parse
    from directory.search.thresholds import COMMON_WORDS_SHARE_BESIDE_TAGS

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE directory_activity")
    forget_word_shares()
    rare_tag = search_tags.MUNICIPALITY + 1
    search_tags.known_shares({rare_tag: 0.01})

    def sql(text):
        conditions = {"q": parse(text).condition, "comune": tagged(rare_tag)}
        statement, params = Activity.objects.filter(combine(conditions)).query.sql_with_params()
        return statement

    assert parse("lavoro").condition.parts[0].share < COMMON_WORDS_SHARE_BESIDE_TAGS
    assert "IS TRUE" not in sql("lavoro")  # both indexes
    assert parse("bambini").condition.parts[0].share >= COMMON_WORDS_SHARE_BESIDE_TAGS
    assert "IS TRUE" in sql("bambini")  # the tag's index, the words on its rows
