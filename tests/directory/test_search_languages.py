"""A query in the page's language finds the listings through their translations into it, each
language's text stemmed with its own configuration where PostgreSQL has one, whole words
(unaccented) where it has none, Chinese by pairs of characters (``directory.search.languages``);
the Italian pages search the Italian documents only, as before."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from directory.models import Activity, ActivityTranslation
from directory.search import refresh_search_document
from directory.search.languages import CONFIGS, indexed_text, query_text
from tests.directory.search_world import build_world, slugs
from tests.factories import ActivityTranslationFactory

# A translation of the after-school club ("doposcuola") in each language, and a query a
# family writes in it, with different inflections or accents than the text where the language
# has a stemmer.
TRANSLATIONS = {
    "en": ("After-school homework club", "Children do their homework with educators.", "homeworks"),
    "es": (
        "Apoyo escolar por la tarde",
        "Los niños hacen los deberes con educadores.",
        "niño deber",
    ),
    "fr": ("Aide aux devoirs après l'école", "Les enfants font leurs devoirs.", "devoir enfant"),
    "ro": (
        "Ajutor la teme după școală",
        "Copiii își fac temele cu educatori.",
        "copii teme scoala",
    ),
    "ar": ("نادي ما بعد المدرسة", "يقوم الأطفال بواجباتهم المدرسية مع المربين.", "أطفال المدرسة"),
    "uk": ("Група продовженого дня", "Діти виконують домашні завдання з вихователями.", "завдання"),
    "sq": (
        "Ndihmë me detyrat e shtëpisë",
        "Fëmijët bëjnë detyrat me edukatorë.",
        "femijet detyrat",
    ),
    "zh-hans": ("课后作业辅导班", "小学生在老师的帮助下完成家庭作业。", "作业辅导"),
}


@pytest.fixture
def world(db):
    world = build_world()
    for language, (title, summary, _query) in TRANSLATIONS.items():
        ActivityTranslationFactory(
            activity=world.doposcuola, language=language, title=title, summary=summary
        )
    refresh_search_document(world.doposcuola)
    return world


def search(client, language, query):
    prefix = "" if language == "it" else f"/{language}"
    response = client.get(f"{prefix}/cerca/", {"q": query})
    assert response.status_code == 200
    return slugs(response)


@pytest.mark.parametrize("language", list(TRANSLATIONS))
def test_a_query_in_the_pages_language_finds_the_translated_activity(client, world, language):
    assert search(client, language, TRANSLATIONS[language][2]) == ["doposcuola"]


@pytest.mark.parametrize("language", list(TRANSLATIONS))
def test_words_the_translation_does_not_hold_find_nothing_through_it(client, world, language):
    assert "doposcuola" not in search(client, language, "qwertyuiop zzzz")


def test_a_translation_is_searched_only_on_the_pages_of_its_language(client, world):
    # The English words find nothing on the Spanish or Italian pages: the translations into
    # English are searched on English pages only, and the Italian document holds no translation.
    assert search(client, "es", "club") == []
    assert search(client, "it", "club") == []
    assert search(client, "en", "club") == ["doposcuola"]
    assert search(client, "fr", "作业辅导") == []


def test_the_italian_search_is_unchanged_by_the_translations(client, world):
    assert search(client, "it", "doposcuola") == ["doposcuola"]
    assert "homework" not in world.doposcuola.search_text
    # The Italian words still find the listing on the other languages' pages.
    assert search(client, "uk", "doposcuola") == ["doposcuola"]


def test_the_italian_and_the_translated_words_are_ranked_together(client, world):
    # "calcio" (Italian, another activity) or the Arabic title: both found, in one list.
    assert set(search(client, "en", "homework")) == {"doposcuola"}
    assert search(client, "en", "calcio") == ["calcio"]


def test_each_language_has_the_configuration_both_servers_ship(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        available = {row[0] for row in cursor.fetchall()}
    assert set(CONFIGS.values()) <= available


def test_the_vectors_are_stemmed_in_each_language(db, world):
    vectors = dict(ActivityTranslation.objects.values_list("language", "search_vector"))
    assert "'homework':" in vectors["en"]  # "homework" and "homeworks" alike
    assert "'devoir':" in vectors["fr"]  # "devoirs", stemmed
    assert "'ecol':" in vectors["fr"]  # "école", unaccented then stemmed
    assert "'завдання':" in vectors["uk"]  # no Ukrainian stemmer: the word whole
    assert "'作业':" in vectors["zh-hans"]  # a pair of characters


def test_chinese_is_indexed_as_characters_and_pairs():
    assert indexed_text("zh-hans", "课后作业 abc") == "课 后 作 业 课后 后作 作业 abc"
    assert query_text("zh-hans", "作业辅导") == "作业 业辅 辅导"
    assert query_text("zh-hans", "书") == "书"
    assert indexed_text("en", "after school") == "after school"


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("uk", "домашнє завдань"),
        ("uk", "вихователі"),
        ("sq", "femije detyra"),
        ("sq", "edukator"),
    ],
)
def test_without_a_stemmer_a_word_finds_its_inflections_by_their_beginning(
    client, world, language, query
):
    # "вихователі" finds "вихователями", "edukator" "edukatorë": all but the last letter.
    assert search(client, language, query) == ["doposcuola"]


def test_a_short_word_without_a_stemmer_is_matched_whole(client, world):
    assert search(client, "uk", "дн") == []  # not a beginning of "дня"


def test_a_chinese_word_inside_a_sentence_is_found(db, world):
    held = ActivityTranslation.objects.filter(
        search_vector=SearchQuery(query_text("zh-hans", "家庭作业"), config="simple")
    )
    assert list(held.values_list("language", flat=True)) == ["zh-hans"]


def test_a_refresh_without_translations_writes_no_translation_vectors(
    db, world, django_assert_max_num_queries
):
    # The calcio activity has no translation: its refresh costs what it did.
    with django_assert_max_num_queries(8) as queries:
        refresh_search_document(world.calcio)
    assert not any("directory_activitytranslation t SET" in q["sql"] for q in queries)


@pytest.mark.parametrize("count", [5, 40])
def test_the_search_page_in_another_language_costs_the_italian_pages_queries(
    client, db, count, django_assert_max_num_queries
):
    from directory.search import rebuild_search_index
    from tests.directory.test_search_pages import many

    many(count)
    for activity in Activity.objects.all():
        ActivityTranslationFactory(activity=activity, language="uk", title="Майстерня для дітей")
    rebuild_search_index()
    # The same as the Italian page with words (test_search_pages.py): the translations are
    # looked up inside the search's own statements.
    with django_assert_max_num_queries(13):
        response = client.get("/uk/cerca/", {"q": "майстерні", "pagina": "2"})
    assert len(slugs(response)) == min(count, 20)
    with django_assert_max_num_queries(13):
        response = client.get("/zh-hans/cerca/", {"q": "laboratorio bambini"})
    assert len(slugs(response)) == min(count, 20)


def test_the_translations_are_looked_up_beside_the_full_text_index(client, world):
    # ``id = ANY(ARRAY(…))``, not ``id IN (…)``: beside the Italian words' full-text lookup
    # PostgreSQL can join both index scans only so; with ``IN`` it read every activity (one to
    # two seconds a search at national scale, bench/search_bench.py --only languages). And the
    # organizations by name or by translation, each set looked up on its own (a UNION).
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert search(client, "fr", "devoir enfant") == ["doposcuola"]
    counting = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("WITH s0")]
    assert counting and all('"id" = ANY(ARRAY(SELECT' in sql for sql in counting)
    translation = "directory_organizationtranslation"
    organizations = [q["sql"] for q in queries.captured_queries if translation in q["sql"]]
    assert organizations and all(" UNION " in sql for sql in organizations)
