import datetime
import re

import pytest
from django.urls import reverse

from directory.models import Weekday
from directory.search import rebuild_search_index
from tests.directory.search_world import build_world, slugs, total
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    OpeningSlotFactory,
    OrganizationFactory,
    ScheduleExceptionFactory,
)

URL = reverse("directory:search")


def many(count):
    organization = OrganizationFactory(name="Oratorio San Luigi", slug="oratorio")
    location = LocationFactory(organization=organization)
    for n in range(count):
        activity = ActivityFactory(
            organization=organization,
            title=f"Laboratorio per bambini {n:02d}",
            summary="Giochi, merenda e compiti insieme.",
        )
        activity.locations.set([location])
        OpeningSlotFactory(activity=activity, weekday=Weekday.SATURDAY)
        OpeningSlotFactory(
            activity=activity,
            weekday=Weekday.MONDAY,
            opens_at=datetime.time(15),
            closes_at=datetime.time(18),
        )
        ScheduleExceptionFactory(activity=activity, date=datetime.date.today())
    rebuild_search_index()


FULL_QUERY = {
    "q": "laboratorio bambini",
    "eta": "8",
    "categoria": "socialita",
    "comune": "015036",
    "giorno": "sab",
    "gratis": "1",
    "vicino": "45.4180,9.1100",
    "raggio": "20",
}


@pytest.mark.parametrize("count", [5, 40])
def test_query_count_does_not_grow_with_the_results(
    client, db, count, django_assert_max_num_queries
):
    many(count)
    # With words, one more: the coming events they name (directory/event_search.py).
    with django_assert_max_num_queries(13):
        response = client.get(URL, FULL_QUERY)
    assert total(response) == count
    with django_assert_max_num_queries(13):
        response = client.get(URL, {"q": "bambini", "zona": "nessuna", "pagina": "2"})
    assert len(slugs(response)) == min(count, 20)
    with django_assert_max_num_queries(10):
        client.get(URL)


def test_a_results_page_stays_under_60_kb(client, db):
    many(40)
    build_world()
    response = client.get(URL, {"q": "bambini"})
    assert len(slugs(response)) == 20
    assert len(response.content) < 60_000


def test_pagination_keeps_the_other_parameters(client, db):
    many(45)
    first = client.get(URL, {"q": "laboratorio", "giorno": "sab"})
    assert total(first) == 45
    assert len(slugs(first)) == 20
    html = first.content.decode()
    links = set(re.findall(r'class="page-link" href="([^"]+)"', html))
    assert "?q=laboratorio&amp;giorno=sab&amp;pagina=2" in links
    second = client.get(URL, {"q": "laboratorio", "giorno": "sab", "pagina": 3})
    assert len(slugs(second)) == 5
    seen = slugs(first) + slugs(client.get(URL, {"q": "laboratorio", "giorno": "sab", "pagina": 2}))
    assert not set(seen) & set(slugs(second))


def test_a_page_beyond_the_last_shows_the_first_ranked_and_by_name(client, db):
    # On PostgreSQL the page asked for is ranked with the counts; one beyond the last is
    # answered with the first page all the same.
    many(45)
    for params in ({"q": "laboratorio"}, {"giorno": "sab", "ordine": "nome"}):
        first = slugs(client.get(URL, params))
        response = client.get(URL, {**params, "pagina": 9})
        assert "La pagina 9 non esiste" in response.content.decode()
        assert slugs(response) == first
        assert len(first) == 20


def test_sort_by_name(client, db):
    build_world()
    # "Corso di calcio…" comes before "Laboratorio teatrale…".
    assert slugs(client.get(URL, {"q": "corsi", "ordine": "nome"})) == ["calcio", "teatro"]
    assert slugs(client.get(URL, {"ordine": "nome"}))[0] == "calcio"


def test_result_card_shows_what_families_need(client, db):
    world = build_world()
    html = client.get(URL, {"q": "pacchi"}).content.decode()
    card = html[html.index('data-activity="pacchi"') :]
    assert world.pacchi.get_absolute_url() in card
    assert "Polisportiva Buccinasco" in card
    assert "Buccinasco" in card
    assert "Chiuso per lavori" in card  # the temporarily-closed alert
    html = client.get(URL, {"q": "calcio"}).content.decode()
    card = html[html.index('data-activity="calcio"') :]
    assert "6–11" in card
    assert "alle 09:00" in card or "at 09:00" in card  # the next opening, on Saturday


def test_map_data_lists_the_places_of_the_page(client, db):
    build_world()
    html = client.get(URL, {"q": "calcio"}).content.decode()
    assert 'id="search-map-data"' in html
    assert "45.4177" in html
    assert 'data-tile-url="https://tile.openstreetmap.org/' in html


def test_ranking_of_a_very_common_word_is_bounded(client, db, settings):
    settings.LINKRETE_SEARCH_RANK_CANDIDATES = 25
    many(30)
    response = client.get(URL, {"q": "bambini"})
    assert total(response) == 30  # the count stays exact
    assert len(slugs(response)) == 20
    assert len(slugs(client.get(URL, {"q": "bambini", "pagina": 2}))) == 5  # ranked: 25
    assert "There is no page" not in client.get(URL, {"q": "bambini", "pagina": 2}).content.decode()


def test_counting_of_a_very_common_word_is_bounded(client, db, settings):
    settings.LINKRETE_SEARCH_COUNT_LIMIT = 25
    many(30)
    html = client.get(URL, {"q": "bambini"}).content.decode()
    assert 'data-total="25" data-total-more' in html
    assert "More than 25 results" in html or "Più di 25 risultati" in html
    # Above the limit the facets list the values seen, without numbers…
    saturday = re.search(r'<a href="\?q=bambini&amp;giorno=sab">[^<]*</a>( <span)?', html)
    assert saturday and not saturday.group(1)
    # …and the results can be paged through up to the limit.
    assert len(slugs(client.get(URL, {"q": "bambini", "pagina": 2}))) == 5
    # Below it every number is exact again.
    html = client.get(URL, {"q": "bambini 07"}).content.decode()
    assert 'data-total="1" role' in html
    assert '<a href="?q=bambini+07&amp;giorno=sab">' in html
    assert "(1)" in html


def test_no_results_relaxations_are_bounded_too(client, db, settings):
    settings.LINKRETE_SEARCH_COUNT_LIMIT = 25
    many(30)
    html = client.get(URL, {"q": "bambini", "giorno": "dom"}).content.decode()
    assert "data-no-results" in html
    relaxations = dict(re.findall(r'<a href="([^"]*)" data-relax>([^<]*)</a>', html))
    assert "25" in relaxations["?q=bambini"]  # dropping the day: more than 25


def test_rebuild_search_index_command(db):
    import io

    from django.core.management import call_command

    from directory.models import Activity, SearchTerm

    many(3)
    Activity.objects.update(search_text="")
    out = io.StringIO()
    call_command("rebuild_search_index", "--vocabulary", stdout=out)
    assert "3 activities" in out.getvalue()
    assert all("bambini" in a.search_text for a in Activity.objects.all())
    assert SearchTerm.objects.filter(word="laboratorio").exists()


def test_an_active_single_value_filter_counts_the_matches_of_all_filters(client, db, settings):
    # 30 matches without "free", 10 with: the count beside the active "free" option is known
    # exactly, whatever the limit says about the 30.
    settings.LINKRETE_SEARCH_COUNT_LIMIT = 25
    many(30)
    from directory.models import Activity

    paying = Activity.objects.order_by("pk")[10:]
    Activity.objects.filter(pk__in=[a.pk for a in paying]).update(
        is_free=False, fee_description="5 euro"
    )
    html = client.get(URL, {"q": "bambini", "gratis": "1"}).content.decode()
    assert 'data-total="10" role' in html
    assert '<span class="badge bg-primary">10</span>' in html


def test_cards_link_to_the_activity_pages(client, db):
    many(3)
    from directory.models import Activity

    html = client.get(URL, {"q": "laboratorio"}).content.decode()
    for activity in Activity.objects.all():
        assert f'<a href="{activity.get_absolute_url()}">' in html
    from django.utils import translation

    html = client.get("/en" + URL, {"q": "laboratorio"}).content.decode()
    activity = Activity.objects.first()
    with translation.override("en"):
        # The title is Italian on the English page, and marked so.
        assert f'<a href="{activity.get_absolute_url()}" lang="it">' in html
        assert activity.get_absolute_url().startswith("/en/")
