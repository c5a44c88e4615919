"""The network's lists (needs and offers, courses open to the network, applications,
referrals) a page at a time: the newest first, filters kept in the pager's links, a strict
page number, and a query count that does not grow with the rows."""

import pytest
from django.urls import reverse

from directory.models import VolunteeringCall
from tests.factories import (
    ActivityFactory,
    ApplicationFactory,
    BoardPostFactory,
    CourseFactory,
    OrganizationFactory,
    ReferralFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

SIZE = 5  # rows per page in these tests


@pytest.fixture(autouse=True)
def small_pages(monkeypatch):
    monkeypatch.setattr("linkrete.paging.PAGE_SIZE", SIZE)


def _posts(organization, staff, count):
    for _ in range(count):
        BoardPostFactory(organization=organization, author=staff)


def _courses(organization, count):
    for _ in range(count):
        CourseFactory(plan__organization=organization, is_open_to_network=True)


def _applications(organization, count):
    call = VolunteeringCall.objects.filter(organization=organization).first()
    for _ in range(count):
        if call:
            ApplicationFactory(call=call)
        else:
            call = ApplicationFactory(call__organization=organization).call


def _referrals_received(organization, desk, count):
    for _ in range(count):
        ReferralFactory(from_desk=desk, to_organization=organization)


PAGES = {
    "needs and offers": (lambda o: reverse("staff:board"), _posts),
    "courses": (lambda o: reverse("staff:network_courses"), _courses),
    "applications": (lambda o: reverse("staff:application_list", args=[o.slug]), _applications),
    "referrals received": (
        lambda o: reverse("sportelli:referral_list") + "?casella=ricevute",
        _referrals_received,
    ),
}


def _make(name, organization, staff, desk, count):
    make = PAGES[name][1]
    if make is _posts:
        make(organization, staff, count)
    elif make is _referrals_received:
        make(organization, desk, count)
    else:
        make(organization, count)


def _get(client, url, page=None, **kwargs):
    joiner = "&" if "?" in url else "?"
    return client.get(url + (f"{joiner}pagina={page}" if page else ""), **kwargs)


@pytest.mark.parametrize("name", PAGES)
def test_a_list_shows_one_page_then_the_next(client, staff, organization, desk, name):
    _make(name, organization, staff, desk, SIZE + 2)
    client.force_login(staff)
    url = PAGES[name][0](organization)

    first, second = _get(client, url), _get(client, url, 2)

    rows = {
        "needs and offers": "posts",
        "courses": "courses",
        "applications": "applications",
        "referrals received": "referrals",
    }[name]
    assert len(first.context[rows]) == SIZE and len(second.context[rows]) == 2
    assert "pagina=2" in first.content.decode()
    assert _get(client, url, 3).status_code == 404
    assert _get(client, url, "x").status_code == 404


# Session, user, roles, then the page's own: its count and rows (and the filters' choices of
# the board; for the referrals the user's desks and organizations, the page's keys, its rows).
@pytest.mark.parametrize(
    ("name", "queries"),
    [("needs and offers", 7), ("courses", 6), ("applications", 5), ("referrals received", 12)],
)
def test_the_query_count_does_not_grow_with_the_rows(
    client, staff, organization, desk, name, queries, django_assert_num_queries
):
    url = PAGES[name][0](organization)
    client.force_login(staff)
    _make(name, organization, staff, desk, 2)
    with django_assert_num_queries(queries):
        assert _get(client, url).status_code == 200
    _make(name, organization, staff, desk, SIZE * 3)
    with django_assert_num_queries(queries):
        assert _get(client, url, 2).status_code == 200


def test_the_newest_post_comes_first_and_the_filters_stay_in_the_links(client, staff, organization):
    _posts(organization, staff, SIZE + 1)
    newest = BoardPostFactory(organization=organization, author=staff, title="La più recente")
    client.force_login(staff)

    page = client.get(reverse("staff:board"), {"kind": newest.kind})

    assert page.context["posts"][0] == newest
    assert f"kind={newest.kind}&amp;pagina=2" in page.content.decode()


def test_other_staff_get_404_for_the_applications(client, other_staff, organization):
    client.force_login(other_staff)
    url = reverse("staff:application_list", args=[organization.slug])

    assert client.get(url, {"pagina": 1}).status_code == 404


def test_the_coordinator_pages_through_all_referrals(client, coordinator, desk):
    for _ in range(SIZE + 1):
        ReferralFactory(from_desk=desk, to_organization=OrganizationFactory())
    client.force_login(coordinator)
    url = reverse("sportelli:referral_list")

    assert len(client.get(url, {"casella": "tutte", "pagina": 2}).context["referrals"]) == 1
    assert client.get(url, {"casella": "tutte", "pagina": 3}).status_code == 404


def test_the_organization_page_shows_its_activities_a_page_at_a_time(
    client, staff, organization, django_assert_num_queries
):
    for n in range(SIZE + 1):
        ActivityFactory(organization=organization, title=f"Attività {n:02d}")
    client.force_login(staff)
    url = reverse("staff:organization", args=[organization.slug])

    first = client.get(url)
    second = client.get(url, {"pagina": 2})

    assert [a.title for a in second.context["activities"]] == [f"Attività {SIZE:02d}"]
    assert "pagina=2" in first.content.decode()
    assert client.get(url, {"pagina": 3}).status_code == 404
    small = len(_queries_of(client, url))
    for n in range(SIZE * 2):
        ActivityFactory(organization=organization, title=f"Altra {n:02d}")
    with django_assert_num_queries(small):
        client.get(url, {"pagina": 2})


def _queries_of(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return context.captured_queries
