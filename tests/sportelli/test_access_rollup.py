"""The desk accesses' monthly rollup (``AccessMonth``, ``AccessTopicMonth``; issue 14's scale):
built whole by the nightly command, kept exact as accesses are saved, edited, deleted or their
topics changed, read by the dashboard's figures, scoped by network, and holding no person."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from directory.indicators import desk_figures
from directory.indicators.period import Period
from famiglie.rollups import refresh_intervention_months
from linkrete.accounts.scope import scope_of_network
from sportelli.models import Access, AccessMonth, AccessTopicMonth, Dimension
from sportelli.rollups import counted_rows, refresh_access_months
from tests.factories import (
    AccessFactory,
    CaseFactory,
    InterventionFactory,
    TeamFactory,
    category,
)
from tests.sportelli.rollup_rows import as_tuples, at, table

pytestmark = pytest.mark.django_db

YEAR = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
MARCH = datetime.date(2026, 3, 1)


def rollup():
    return as_tuples(AccessMonth.objects.all(), AccessTopicMonth.objects.all(), "month")


def rebuilt():
    """What the nightly rebuild would write now, without writing it."""
    return as_tuples(*counted_rows(Access.objects.all()), "month")


def test_the_nightly_command_builds_every_month_by_each_dimension(desk):
    services, digital = category("accesso-servizi"), category("digital-divide")
    AccessFactory(desk=desk, occurred_at=at(3, 2), channel="phone", age_band="18-29")
    AccessFactory(desk=desk, occurred_at=at(3, 20), topics=[services, digital], outcome="referral")
    AccessFactory(desk=desk, occurred_at=at(11, 5))
    AccessMonth.objects.all().delete()
    AccessTopicMonth.objects.all().delete()

    call_command("refresh_indicator_rollups", stdout=None)

    march = {
        (row.dimension, row.value): row.accesses
        for row in AccessMonth.objects.filter(desk=desk, month=MARCH)
    }
    assert march == {
        ("channel", "in_person"): 1,
        ("channel", "phone"): 1,
        ("age_band", "18-29"): 1,
        ("age_band", "30-44"): 1,
        ("outcome", "information"): 1,
        ("outcome", "referral"): 1,
        # "accesso-servizi" is family support, "digital-divide" social infrastructure.
        ("area", "family_support"): 2,
        ("area", "social_infrastructure"): 1,
    }
    assert dict(
        AccessTopicMonth.objects.filter(desk=desk, month=MARCH).values_list("topic", "accesses")
    ) == {services.pk: 2, digital.pk: 1}
    assert set(AccessMonth.objects.values_list("month", flat=True)) == {
        MARCH,
        datetime.date(2026, 11, 1),
    }


def test_a_second_run_writes_the_same_rows(desk):
    AccessFactory(desk=desk, occurred_at=at(3, 2))
    refresh_access_months()
    first = rollup()
    refresh_access_months()
    assert rollup() == first


def test_an_access_of_midnight_counts_in_its_local_month(desk):
    """31 March 23:30 in Rome is 21:30 UTC: March, not April; 1 April 00:30 is April."""
    AccessFactory(desk=desk, occurred_at=at(3, 31, 23).replace(minute=30))
    AccessFactory(desk=desk, occurred_at=at(4, 1, 0).replace(minute=30))
    refresh_access_months()
    assert sorted(
        AccessMonth.objects.filter(dimension=Dimension.CHANNEL).values_list("month", flat=True)
    ) == [MARCH, datetime.date(2026, 4, 1)]


def test_a_new_access_is_counted_when_saved_after_the_nightly_run(network, desk):
    AccessFactory(desk=desk, occurred_at=at(3, 2))
    refresh_access_months()
    scope = scope_of_network(network)
    assert table(desk_figures.accesses_by_channel(scope, YEAR)) == {"in presenza": (1,)}

    AccessFactory(desk=desk, occurred_at=at(3, 9), channel="phone")

    assert table(desk_figures.accesses_by_channel(scope, YEAR)) == {
        "in presenza": (1,),
        "per telefono": (1,),
    }
    assert rollup() == rebuilt()


def test_edits_deletions_and_topic_changes_keep_the_rollup_exact(desk, other_desk):
    moved = AccessFactory(desk=desk, occurred_at=at(3, 2))
    kept = AccessFactory(desk=desk, occurred_at=at(3, 3))
    AccessFactory(desk=other_desk, occurred_at=at(5, 3))
    assert rollup() == rebuilt()

    moved.desk, moved.occurred_at, moved.outcome = other_desk, at(6, 1), "case"
    moved.save()
    assert rollup() == rebuilt()
    assert not AccessMonth.objects.filter(desk=desk, month=MARCH, value="case").exists()

    kept.topics.add(category("digital-divide"))
    assert rollup() == rebuilt()
    kept.topics.remove(category("accesso-servizi"))
    assert rollup() == rebuilt()
    kept.topics.clear()
    assert rollup() == rebuilt()
    category("orientamento-lavoro").desk_accesses.add(kept)  # from the topic's side
    assert rollup() == rebuilt()

    kept.delete()
    assert rollup() == rebuilt()
    assert not AccessMonth.objects.filter(desk=desk).exists()


def test_bulk_loaded_accesses_wait_for_the_nightly_run(network, desk):
    """Rows written without the models (bulk loads, SQL) bypass the recount: the nightly
    rebuild counts them."""
    Access.objects.bulk_create(
        [Access(desk=desk, occurred_at=at(3, 2), channel="phone", outcome="information", minutes=5)]
    )
    scope = scope_of_network(network)
    assert table(desk_figures.accesses_by_channel(scope, YEAR)) == {}

    refresh_access_months()

    assert table(desk_figures.accesses_by_channel(scope, YEAR)) == {"per telefono": (1,)}


def test_a_period_within_months_counts_its_partial_months_live(network, desk):
    """From 15 March to 10 June: April and May from the rollup, 15–31 March and 1–10 June
    from the accesses; the days outside are not counted."""
    for day in (at(3, 14), at(3, 15), at(4, 30), at(5, 2), at(6, 10, 23), at(6, 11)):
        AccessFactory(desk=desk, occurred_at=day)
    scope = scope_of_network(network)
    period = Period(datetime.date(2026, 3, 15), datetime.date(2026, 6, 10))

    assert table(desk_figures.accesses_by_month(scope, period)) == {
        "Marzo 2026": (1,),
        "Aprile 2026": (1,),
        "Maggio 2026": (1,),
        "Giugno 2026": (1,),
    }
    assert table(desk_figures.accesses_by_desk(scope, period)) == {"Sportello Pagnana": (4,)}
    assert table(desk_figures.accesses_by_topic(scope, period)) == {"Accesso ai servizi": (4,)}


def test_the_rollup_counts_a_networks_desks_only(network, other_network, desk, other_desk):
    AccessFactory(desk=desk, occurred_at=at(3, 2))
    for _index in range(3):
        AccessFactory(desk=other_desk, occurred_at=at(3, 2), channel="phone")
    refresh_access_months()

    assert table(desk_figures.accesses_by_desk(scope_of_network(network), YEAR)) == {
        "Sportello Pagnana": (1,)
    }
    assert table(desk_figures.accesses_by_desk(scope_of_network(other_network), YEAR)) == {
        "Sportello Il Bastione": (3,)
    }


def test_the_rollup_holds_no_person():
    """Counts by desk, month and anonymous categories: no gender, citizenship, town of
    residence, minutes, who logged it, nor any link to an access."""
    for model in (AccessMonth, AccessTopicMonth):
        fields = {field.name for field in model._meta.get_fields()}
        assert not fields & {"gender", "citizenship", "municipality", "logged_by", "access"}
    assert set(Dimension.values) == {"channel", "age_band", "outcome", "area"}


def test_the_dashboard_says_how_fresh_its_figures_are(
    client, network_coordinator, network, organization, pinned_now
):
    client.force_login(network_coordinator)
    url = reverse("staff:network_indicators", args=[network.slug])

    page = client.get(url).content.decode()

    assert "Dati aggiornati al 2 dicembre 2026 alle 10:00." in page
    assert "vengono da un conteggio notturno, non ancora fatto" in page

    team = TeamFactory(organization=organization)
    InterventionFactory(case=CaseFactory(team=team), date=datetime.date(2026, 11, 3))
    refresh_intervention_months()

    page = client.get(url).content.decode()

    assert "come al conteggio notturno del 02/12/2026 10:00" in page
