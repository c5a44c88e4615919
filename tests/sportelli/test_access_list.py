"""The console's accesses a page at a time, newest first, the filters kept in the pager's
links, days read in Rome's time, and a query count that does not grow with the log (the busy
desk of bench/ has 6,700 accesses, the network 512,000)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import AccessFactory, category

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

ROME = ZoneInfo("Europe/Rome")
SIZE = 3
URL = "/sportelli/console/accessi/"


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr("linkrete.paging.PAGE_SIZE", SIZE)


def at(day, hour=10, minute=0):
    return datetime.datetime(2026, 11, day, hour, minute, tzinfo=ROME)


def _minutes(response):
    return [item.minutes for item in response.context["page"]]


def test_the_list_is_paged_newest_first(client, desk, desk_operator):
    for day in (3, 9, 1, 20):
        AccessFactory(desk=desk, occurred_at=at(day), minutes=day)
    client.force_login(desk_operator)

    first, second = client.get(URL), client.get(URL, {"pagina": 2})

    assert _minutes(first) == [20, 9, 3] and _minutes(second) == [1]
    assert client.get(URL, {"pagina": 3}).status_code == 404
    assert client.get(URL, {"pagina": "x"}).status_code == 404


def test_the_filters_stay_in_the_pagers_links(client, desk, desk_operator):
    for day in range(1, 6):
        AccessFactory(desk=desk, occurred_at=at(day), outcome="case", minutes=day)
    AccessFactory(desk=desk, occurred_at=at(6), outcome="information", minutes=99)
    client.force_login(desk_operator)

    page = client.get(URL, {"esito": "case"}).content.decode()

    assert "esito=case&amp;pagina=2" in page or "pagina=2&amp;esito=case" in page
    assert _minutes(client.get(URL, {"esito": "case", "pagina": 2})) == [2, 1]


def test_days_are_rome_days_and_the_last_day_is_included(client, desk, desk_operator):
    AccessFactory(desk=desk, occurred_at=at(10, 0, 30), minutes=1)  # 23:30 UTC on the 9th
    AccessFactory(desk=desk, occurred_at=at(11, 23, 50), minutes=2)
    AccessFactory(desk=desk, occurred_at=at(12, 0, 10), minutes=3)
    client.force_login(desk_operator)

    response = client.get(URL, {"dal": "2026-11-10", "al": "2026-11-11"})

    assert _minutes(response) == [2, 1]


def test_a_topic_keeps_each_access_once(client, desk, desk_operator):
    both = [category("digital-divide"), category("accesso-servizi")]
    AccessFactory(desk=desk, topics=both, minutes=7)
    AccessFactory(desk=desk, topics=[both[1]], minutes=8)
    client.force_login(desk_operator)

    response = client.get(URL, {"tema": "digital-divide"})

    assert _minutes(response) == [7]


def test_a_coordinator_sees_every_desks_accesses(client, desk, other_desk, coordinator):
    AccessFactory(desk=desk, occurred_at=at(1), minutes=1)
    AccessFactory(desk=other_desk, occurred_at=at(2), minutes=2)
    client.force_login(coordinator)

    assert _minutes(client.get(URL)) == [2, 1]


def _count(client, **params):
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL, params).status_code == 200
    return len(context.captured_queries)


# Session, user, roles, the operator's desks, the filter's desks and topics, the count, the
# page, its topics.
def test_the_query_count_does_not_grow_with_the_log(client, desk, desk_operator):
    client.force_login(desk_operator)
    AccessFactory(desk=desk, occurred_at=at(1), municipality=desk.municipality)
    small = _count(client, esito="information")
    for day in range(2, 20):
        AccessFactory(desk=desk, occurred_at=at(day), municipality=desk.municipality)
    assert _count(client, esito="information", pagina=3) == small == 9


def test_another_desks_operator_sees_none_of_them(client, desk, other_desk_operator):
    AccessFactory(desk=desk, minutes=42)
    client.force_login(other_desk_operator)

    assert _minutes(client.get(URL)) == []


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302 and reverse("login") in response["Location"]
