"""Search tags: what they hold, that the facets counted from them are the counts
of the link tables, and that the writes which change them refresh them."""

import datetime
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from directory.models import Activity, Category, Language, Weekday
from directory.search import counting, facets
from directory.search import tags as search_tags
from directory.search.documents import refresh_search_document
from directory.search.filters import FACET_GROUPS, ActivityFilter
from directory.search.geo import Point, box_around
from directory.search.plan import combine
from directory.staff import services
from tests.directory import link_table_counts
from tests.directory.search_world import BUCCINASCO, build_world, language, slot, slugs
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    OpeningSlotFactory,
    ScheduleExceptionFactory,
    ZoneFactory,
    category,
)

URL = reverse("directory:search")


@pytest.fixture
def world(db):
    return build_world()


def tags_of(activity):
    return set(Activity.objects.values_list("search_tags", flat=True).get(pk=activity.pk))


def test_tags_hold_categories_with_parents_languages_places_and_hours(world):
    tags = tags_of(world.calcio)  # sport, Italian, at Buccinasco (accessible), Saturday 9–12
    sport = category("sport")
    assert {search_tags.CATEGORY + sport.pk, search_tags.CATEGORY + sport.parent_id} <= tags
    assert search_tags.LANGUAGE + language("it").pk in tags
    assert search_tags.MUNICIPALITY + world.buccinasco.pk in tags
    assert search_tags.ZONE + world.zone.pk in tags
    assert {search_tags.PHYSICAL, search_tags.WHEELCHAIR} <= tags
    assert search_tags.VIRTUAL not in tags
    assert search_tags.weekday_open_ended(Weekday.SATURDAY) in tags
    hours = {search_tags.hour(Weekday.SATURDAY, h) for h in (9, 10, 11)}
    assert {t for t in tags if search_tags.HOUR <= t < search_tags.CELL} == hours
    for level in range(len(search_tags.GRID_LEVELS)):
        assert search_tags.cell(level, *BUCCINASCO) in tags
    assert search_tags.VIRTUAL in tags_of(world.lavoro)  # also online


def test_a_slot_with_an_end_date_and_an_exception_have_their_own_tags(world):
    OpeningSlotFactory(
        activity=world.teatro, weekday=Weekday.SUNDAY, valid_to=datetime.date(2030, 1, 1)
    )
    ScheduleExceptionFactory(activity=world.teatro, date=datetime.date(2030, 1, 1))
    refresh_search_document(world.teatro)
    tags = tags_of(world.teatro)
    assert search_tags.weekday_ending(Weekday.SUNDAY) in tags
    assert search_tags.weekday_open_ended(Weekday.SUNDAY) not in tags
    assert search_tags.HAS_EXCEPTIONS in tags


def test_cells_around_a_circle_hold_the_places_in_it():
    centre = Point(*BUCCINASCO)
    for radius in (1, 10, 50, 300):
        cells = search_tags.cells_around(*box_around(centre, radius))
        assert len(cells) <= search_tags.MAX_CELLS or radius == 300
        assert any(search_tags.cell(level, *BUCCINASCO) in cells for level in range(3))


# The facets counted from the tags are those counted on the link tables -------------------------


def richer_world():
    world = build_world()
    today = timezone.localdate()
    # A slot that ended, one that still runs, special hours today, closed today.
    slot(world.teatro, Weekday.SUNDAY, (9, 0), (10, 0), valid_to=today - datetime.timedelta(1))
    slot(world.lavoro, Weekday.SUNDAY, (0, 0), (23, 59), valid_to=today + datetime.timedelta(30))
    for weekday in range(1, 8):
        slot(world.doposcuola, weekday, (0, 0), (23, 59, 59))
    ScheduleExceptionFactory(activity=world.doposcuola, date=today, is_closed=True)
    ScheduleExceptionFactory(
        activity=world.calcio,
        date=today,
        is_closed=False,
        opens_at=datetime.time(0, 0),
        closes_at=datetime.time(23, 59, 59),
    )
    world.lavoro.languages.add(language("uk"))
    # An activity that starts next month: found, open at every hour it will have, yet not
    # "open now" nor "running now".
    upcoming = ActivityFactory(
        organization=world.calcio.organization,
        title="Centro estivo",
        slug="centro-estivo",
        categories=[category("centri-estivi")],
        valid_from=today + datetime.timedelta(30),
    )
    upcoming.locations.set(world.calcio.locations.all())
    upcoming.languages.add(language("ar"))
    for weekday in range(1, 8):
        slot(upcoming, weekday, (0, 0), (23, 59, 59))
    other = MunicipalityFactory(istat_code="015999", name="Altrove")
    ZoneFactory(name="Zona due", slug="zona-due").municipalities.set([other, world.milano])
    world.lavoro.locations.add(
        LocationFactory(organization=world.lavoro.organization, municipality=other)
    )
    for activity in Activity.objects.all():
        refresh_search_document(activity)
    return world


PARAMS = [
    {},
    {"eta": "8"},
    {"fascia": "0-3"},
    {"categoria": "socialita", "gratis": "1"},
    {"giorno": "dom"},
    {"giorno": "sab", "ora": "10:00"},
    {"aperto_ora": "1", "lingua": "ar"},
    {"comune": "015036", "accessibile": "1"},
    {"zona": "ambito-visconteo", "modalita": "presenza"},
    {"vicino": "45.4180,9.1100", "raggio": "12", "fascia": "adulti"},
    {"q": "lavoro", "modalita": "remoto"},
    {"attive_ora": "1", "categoria": "socialita"},
    {"attive_ora": "1", "aperto_ora": "1"},
]


@pytest.mark.parametrize("params", PARAMS)
def test_facets_from_tags_equal_those_from_the_link_tables(db, params):
    world = richer_world()
    categories = list(Category.objects.select_related("parent"))
    languages = list(Language.objects.all())
    filterset = ActivityFilter(
        QueryDict(urlencode(params)), categories=categories, languages=languages
    )
    for name, model in (("comune", world.buccinasco), ("zona", world.zone)):
        if name in params:
            filterset.place_ids[name] = model.pk
    conditions = filterset.conditions()
    base = Activity.objects.public().not_ended()
    definitions = {None: combine(conditions)}
    definitions.update({g: combine(conditions, without=g) for g in conditions if g in FACET_GROUPS})
    limit = 1000
    sets = link_table_counts.LinkTableSets(base, definitions, limit)
    expected = link_table_counts.facet_counts(sets, conditions, filterset, categories)
    counts, _page_ids = counting.facet_counts(
        base, definitions, facets._set_key, conditions, filterset, limit
    )
    counts["comune"].sort(key=lambda place: place.code)
    counts["zona"].sort(key=lambda place: place.code)
    assert counts == expected


# Writes that change the tags refresh them -------------------------------------------------------


def test_approved_hours_are_searchable_at_once(client, staff, coordinator, organization):
    activity = build_world().calcio
    activity.organization = organization
    activity.save()
    client.force_login(staff)
    client.post(
        reverse("staff:activity_hours", args=[organization.slug, activity.pk]),
        {
            "slots-TOTAL_FORMS": "1",
            "slots-INITIAL_FORMS": "0",
            "slots-0-weekday": "7",
            "slots-0-opens_at": "09:00",
            "slots-0-closes_at": "12:00",
            "exceptions-TOTAL_FORMS": "0",
            "exceptions-INITIAL_FORMS": "0",
        },
    )
    assert "calcio" not in slugs(client.get(URL, {"giorno": "dom"}))
    services.revision_approve(revision=activity.revisions.get(), reviewer=coordinator)
    assert "calcio" in slugs(client.get(URL, {"giorno": "dom"}))


def test_a_municipality_joining_a_zone_brings_its_activities(client, admin_client, world):
    assert "lavoro" not in slugs(client.get(URL, {"zona": "ambito-visconteo"}))
    response = admin_client.post(
        reverse("admin:directory_zone_change", args=[world.zone.pk]),
        {
            "name": world.zone.name,
            "slug": world.zone.slug,
            "kind": world.zone.kind,
            "description": "",
            "municipalities": [world.buccinasco.pk, world.corsico.pk, world.milano.pk],
        },
    )
    assert response.status_code == 302
    assert "lavoro" in slugs(client.get(URL, {"zona": "ambito-visconteo"}))


def test_common_tags_join_the_index_scan_of_a_rarer_tag(client, world):
    from directory.search.conditions import tagged
    from directory.search.filters.day import day_condition
    from directory.search.filters.wheelchair import wheelchair_condition

    def sql(conditions, without=None):
        queryset = Activity.objects.filter(combine(conditions, without=without))
        statement, params = queryset.query.sql_with_params()
        return statement % tuple(repr(p) for p in params)

    common = {
        "accessibile": wheelchair_condition(),
        "giorno": day_condition(Weekday.FRIDAY, None, datetime.date(2026, 11, 26)),
    }
    alone = sql(common)
    assert f"{search_tags.WHEELCHAIR} = ANY(" in alone  # checked on the rows read
    assert "@>" not in alone and "IS TRUE" in alone
    with_rarer = {**common, "categoria": tagged(search_tags.CATEGORY + 1)}
    joined = sql(with_rarer)
    assert f"@> [{search_tags.WHEELCHAIR}]" in joined  # in the index scan
    day_tags = [search_tags.weekday_open_ended(5), search_tags.weekday_ending(5)]
    assert f"&& {day_tags}" in joined
    # Inside the day's OR the exact test stays on the rows, and a set without the rarer
    # condition (its facet) keeps reading rows.
    assert f"{search_tags.weekday_open_ended(5)} = ANY(" in joined
    assert "@>" not in sql(with_rarer, without="categoria")
    # The same activities either way: a combination finds what each filter alone finds.
    combination = {"accessibile": "1", "giorno": "sab", "categoria": "sport"}
    found = slugs(client.get(URL, combination))
    alone = [set(slugs(client.get(URL, {k: v}))) for k, v in combination.items()]
    assert set(found) == set.intersection(*alone) == {"calcio"}


def test_common_tags_are_checked_on_the_rows_read(client, world):
    from django.db import connection

    from directory.search.conditions import HoldsTag, tagged

    sport = Category.objects.get(slug="sport")
    conditions = {"categoria": tagged(search_tags.CATEGORY + sport.pk)}
    rows_before = slugs(client.get(URL, {"categoria": "sport"}))

    def on_rows():
        children = combine(conditions).children
        return any(isinstance(child, HoldsTag) for child in children)

    assert not on_rows()  # no statistics yet: every tag counts as rare
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE directory_activity")
    search_tags.forget_shares()
    assert search_tags.share(search_tags.CATEGORY + sport.pk) >= 0.1
    assert on_rows()
    assert slugs(client.get(URL, {"categoria": "sport"})) == rows_before


def test_the_covering_index_holds_what_the_counted_sets_read(db):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'activity_search_row_idx'"
        )
        (definition,) = cursor.fetchone()
    included = definition.split("INCLUDE (")[1].rstrip(")").split(", ")
    # The columns of each counted set and the title the page is ranked on by name; the
    # conditions' columns of a search without text.
    needed = {*counting.SET_COLUMNS, "title", "organization_id", "publication_status"}
    assert needed - {"id"} <= set(included)


def test_the_tags_joining_an_index_scan_count_in_choosing_it(db):
    from directory.search.conditions import HoldsTag, tagged
    from directory.search.filters.wheelchair import wheelchair_condition

    sport = search_tags.CATEGORY + 1
    search_tags.known_shares({sport: 0.07, search_tags.WHEELCHAIR: 0.43})
    alone = combine({"categoria": tagged(sport)})
    assert [type(child) for child in alone.children] == [HoldsTag]  # 7 %: on the rows
    both = combine({"categoria": tagged(sport), "accessibile": wheelchair_condition()})
    statement, params = Activity.objects.filter(both).query.sql_with_params()
    assert statement.count("@>") == 2  # 3 % together: both in the index scan
    assert sport in params and [search_tags.WHEELCHAIR] in params
