"""The search's "open now" (``open_now_condition``: the hour's tags, then each candidate's own
slots and exceptions) finds exactly what ``open_at_condition`` (the activity page's rule)
finds, in every case of the rule."""

import datetime
import zoneinfo

import pytest
from django.db.models import Case, Q

from directory.models import Activity, Weekday
from directory.search import rebuild_search_index
from directory.search.conditions import CompiledOnce
from directory.search.filters.open_now import open_at_condition, open_now_condition
from tests.directory.search_world import build_world, slot
from tests.factories import ScheduleExceptionFactory

ROME = zoneinfo.ZoneInfo("Europe/Rome")
SATURDAY_10 = datetime.datetime(2026, 11, 28, 10, 0, tzinfo=ROME)
SATURDAY_16 = datetime.datetime(2026, 11, 28, 16, 0, tzinfo=ROME)
TUESDAY_11 = datetime.datetime(2026, 11, 24, 11, 0, tzinfo=ROME)
WEDNESDAY_10 = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=ROME)

pytestmark = pytest.mark.usefixtures("pinned_now")


@pytest.fixture
def world(db):
    return build_world()


def both(moment):
    """(the page's rule, the search's condition) at ``moment``, as sets of slugs."""
    public = Activity.objects.public().current(moment.date())
    rule = public.filter(open_at_condition(moment))
    search = public.filter(open_now_condition(moment).to_q())
    return (
        set(rule.values_list("slug", flat=True)),
        set(search.values_list("slug", flat=True)),
    )


@pytest.mark.parametrize(
    "moment, expected",
    [
        (SATURDAY_10, {"calcio"}),
        (SATURDAY_16, {"teatro"}),
        (TUESDAY_11, {"lavoro"}),
        # pacchi has a Wednesday slot but is temporarily closed.
        (WEDNESDAY_10, set()),
    ],
)
def test_weekly_slots(world, moment, expected):
    assert both(moment) == (expected, expected)


def test_a_closed_day(world):
    ScheduleExceptionFactory(activity=world.calcio, date=SATURDAY_10.date(), is_closed=True)
    rebuild_search_index()
    assert both(SATURDAY_10) == (set(), set())


def test_special_hours_replace_the_weekly_slots(world):
    # teatro opens at 15 on Saturdays; that Saturday it opens in the morning instead.
    ScheduleExceptionFactory(
        activity=world.teatro,
        date=SATURDAY_10.date(),
        is_closed=False,
        opens_at=datetime.time(9, 30),
        closes_at=datetime.time(11, 0),
    )
    rebuild_search_index()
    assert both(SATURDAY_10) == ({"calcio", "teatro"}, {"calcio", "teatro"})
    assert both(SATURDAY_16) == (set(), set())


def test_slot_validity_and_activities_not_started(world):
    world.calcio.opening_slots.update(valid_from=datetime.date(2026, 12, 1))
    slot(world.teatro, Weekday.SATURDAY, (9, 0), (11, 0))
    Activity.objects.filter(pk=world.teatro.pk).update(valid_from=datetime.date(2026, 12, 5))
    rebuild_search_index()
    assert both(SATURDAY_10) == (set(), set())


def _compiled_once(q):
    """The ``CompiledOnce`` conditions inside a ``Q``, wherever they are nested."""
    found = []
    for child in q.children:
        if isinstance(child, Q):
            found += _compiled_once(child)
        elif isinstance(child, CompiledOnce):
            found.append(child)
    return found


def test_each_slot_test_is_resolved_and_compiled_once_for_the_sets_of_a_page(world, monkeypatch):
    """The sets a results page counts hold the same "open now" and differ by another filter:
    its three subqueries (weekly slots, dated exceptions, special hours) are resolved and
    compiled for the first set only, and the second reads the same."""
    condition = open_now_condition(SATURDAY_10).to_q()
    assert len(_compiled_once(condition)) == 3
    public = Activity.objects.public()
    first_sql, first_params = public.filter(condition).query.sql_with_params()
    resolved = []
    resolve = Case.resolve_expression

    def counted(self, *args, **kwargs):
        resolved.append(self)
        return resolve(self, *args, **kwargs)

    monkeypatch.setattr(Case, "resolve_expression", counted)
    second = public.filter(condition, is_free=True)
    second_sql, second_params = second.query.sql_with_params()
    assert resolved == []
    assert second_sql.startswith(first_sql[: first_sql.rindex(")")])
    assert list(second_params[: len(first_params)]) == list(first_params)
    assert set(public.filter(condition).values_list("slug", flat=True)) == {"calcio"}


def test_a_slot_test_compiled_once_reads_right_as_a_subquery_of_another_statement(world):
    """Made a subquery of another statement after a first compilation, the condition's aliases
    are those of its new place (``CompiledOnce.relabeled_clone``)."""
    condition = open_now_condition(SATURDAY_10).to_q()
    public = Activity.objects.public()
    assert set(public.filter(condition).values_list("slug", flat=True)) == {"calcio"}
    inner = public.filter(condition).values("pk")
    outer = Activity.objects.filter(pk__in=inner)
    assert set(outer.values_list("slug", flat=True)) == {"calcio"}
    assert set(public.exclude(pk__in=inner).values_list("slug", flat=True)) == (
        set(public.values_list("slug", flat=True)) - {"calcio"}
    )
