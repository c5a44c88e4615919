"""The desk accesses' daily rollup (``AccessDay``, ``AccessTopicDay``; issue 14's scale): the
partial months of a period (a period from the 15th) are summed from it instead of counting
their accesses. Built whole by the nightly command, kept exact with the monthly rows as
accesses are saved, edited, deleted or their topics changed, scoped by network, no person."""

import datetime

import pytest
from django.core.management import call_command

from directory.indicators import desk_figures
from directory.indicators.period import Period
from linkrete.accounts.scope import scope_of_network
from sportelli.models import Access, AccessDay, AccessTopicDay
from sportelli.rollups import counted_days, refresh_access_months
from tests.factories import AccessFactory, category
from tests.sportelli.rollup_rows import as_tuples, at, table

pytestmark = pytest.mark.django_db

# 15 March – 10 June: April and May whole, the rest from the days.
WITHIN_MONTHS = Period(datetime.date(2026, 3, 15), datetime.date(2026, 6, 10))


def days():
    return as_tuples(AccessDay.objects.all(), AccessTopicDay.objects.all(), "day")


def rebuilt_days():
    return as_tuples(*counted_days(Access.objects.all()), "day")


def test_the_nightly_command_builds_every_day_by_each_dimension(desk):
    services, digital = category("accesso-servizi"), category("digital-divide")
    AccessFactory(desk=desk, occurred_at=at(3, 2), channel="phone")
    AccessFactory(desk=desk, occurred_at=at(3, 2, 16), topics=[services, digital])
    # 31 March 23:30 in Rome is 21:30 UTC: the 31st, not 1 April.
    AccessFactory(desk=desk, occurred_at=at(3, 31, 23).replace(minute=30))
    AccessDay.objects.all().delete()
    AccessTopicDay.objects.all().delete()

    call_command("refresh_indicator_rollups", stdout=None)

    second = {
        (row.dimension, row.value): row.accesses
        for row in AccessDay.objects.filter(desk=desk, day=datetime.date(2026, 3, 2))
    }
    assert second["channel", "phone"] == 1
    assert second["channel", "in_person"] == 1
    assert second["area", "family_support"] == 2
    assert second["area", "social_infrastructure"] == 1
    assert dict(
        AccessTopicDay.objects.filter(desk=desk, day=datetime.date(2026, 3, 2)).values_list(
            "topic", "accesses"
        )
    ) == {services.pk: 2, digital.pk: 1}
    assert set(AccessDay.objects.values_list("day", flat=True)) == {
        datetime.date(2026, 3, 2),
        datetime.date(2026, 3, 31),
    }
    assert days() == rebuilt_days()


def test_edits_deletions_and_topic_changes_keep_the_days_exact(desk, other_desk):
    moved = AccessFactory(desk=desk, occurred_at=at(3, 2))
    kept = AccessFactory(desk=desk, occurred_at=at(3, 3))
    assert days() == rebuilt_days()

    moved.desk, moved.occurred_at = other_desk, at(3, 20)
    moved.save()
    assert days() == rebuilt_days()
    kept.topics.add(category("digital-divide"))
    assert days() == rebuilt_days()
    kept.topics.clear()
    assert days() == rebuilt_days()
    kept.delete()
    assert days() == rebuilt_days()
    assert not AccessDay.objects.filter(desk=desk).exists()


def test_the_partial_months_are_read_from_the_days(network, desk):
    """Accesses bulk-loaded (no recount) are counted in the partial months once the nightly
    rebuild has written their days, not before: the page sums the rollup."""
    Access.objects.bulk_create(
        [
            Access(desk=desk, occurred_at=when, channel="phone", outcome="information", minutes=5)
            for when in (at(3, 14), at(3, 15), at(6, 10, 23), at(6, 11))
        ]
    )
    scope = scope_of_network(network)
    assert table(desk_figures.accesses_by_channel(scope, WITHIN_MONTHS)) == {}

    refresh_access_months()

    assert table(desk_figures.accesses_by_channel(scope, WITHIN_MONTHS)) == {"per telefono": (2,)}
    assert table(desk_figures.accesses_by_month(scope, WITHIN_MONTHS)) == {
        "Marzo 2026": (1,),
        "Giugno 2026": (1,),
    }


def test_the_days_count_a_networks_desks_only(network, other_network, desk, other_desk):
    AccessFactory(desk=desk, occurred_at=at(3, 20))
    for _index in range(3):
        AccessFactory(desk=other_desk, occurred_at=at(6, 2), channel="phone")

    assert table(desk_figures.accesses_by_desk(scope_of_network(network), WITHIN_MONTHS)) == {
        "Sportello Pagnana": (1,)
    }
    assert table(desk_figures.accesses_by_desk(scope_of_network(other_network), WITHIN_MONTHS)) == {
        "Sportello Il Bastione": (3,)
    }


def test_the_days_hold_no_person():
    for model in (AccessDay, AccessTopicDay):
        fields = {field.name for field in model._meta.get_fields()}
        assert not fields & {"gender", "citizenship", "municipality", "logged_by", "access"}
