"""The coordinator's review queues and an organization's history: a page at a time, those
waiting longest first (history: newest first), a strict page number, a fixed query count."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import Revision, VolunteeringCall
from linkrete.paging import PAGE_SIZE
from tests.factories import OrganizationFactory, VolunteeringCallFactory

DETAIL_LINK = re.compile(r'href="/area-enti/revisioni/\d+/"')

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


def _revisions(organization, author, count, start=0):
    return Revision.objects.bulk_create(
        Revision(
            organization=organization,
            kind=Revision.Kind.ORGANIZATION,
            data={"name": f"Nome {n:04d}"},
            author=author,
        )
        for n in range(start, start + count)
    )


def _calls(count, start=0):
    return [
        VolunteeringCallFactory(
            title=f"Chiamata {n:04d}", review_status=VolunteeringCall.ReviewStatus.PENDING
        )
        for n in range(start, start + count)
    ]


def _queries(client, url, **params):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries), response


def test_the_review_queue_shows_one_page_oldest_first(client, coordinator, organization, staff):
    first, *_ = _revisions(organization, staff, PAGE_SIZE + 2)
    client.force_login(coordinator)

    page_one = client.get(reverse("staff:review_queue")).content.decode()
    page_two = client.get(reverse("staff:review_queue"), {"pagina": 2}).content.decode()

    assert len(DETAIL_LINK.findall(page_one)) == PAGE_SIZE
    assert reverse("staff:review_detail", args=[first.pk]) in page_one
    assert len(DETAIL_LINK.findall(page_two)) == 2
    assert "?pagina=2" in page_one and "?pagina=1" in page_two


@pytest.mark.parametrize("page", ["x", "0", "3", "²", "99999999999999999999"])
def test_a_page_that_is_not_one_answers_404(client, coordinator, organization, staff, page):
    _revisions(organization, staff, PAGE_SIZE + 2)
    client.force_login(coordinator)

    for name in ("staff:review_queue", "staff:call_review_queue"):
        assert client.get(reverse(name), {"pagina": page}).status_code == 404


def test_the_queues_are_for_coordinators_only(client, staff, organization):
    client.force_login(staff)

    for name in ("staff:review_queue", "staff:call_review_queue"):
        assert client.get(reverse(name), {"pagina": 1}).status_code == 404


def test_the_call_queue_shows_one_page_oldest_first(client, coordinator):
    _calls(PAGE_SIZE + 1)
    client.force_login(coordinator)

    page_one = client.get(reverse("staff:call_review_queue")).content.decode()
    page_two = client.get(reverse("staff:call_review_queue"), {"pagina": 2}).content.decode()

    assert page_one.count("Chiamata 0") == PAGE_SIZE
    assert "Chiamata 0000" in page_one and "Chiamata 0050" in page_two


def test_the_history_shows_the_newest_first_a_page_at_a_time(client, staff, organization):
    *_, newest = _revisions(organization, staff, PAGE_SIZE + 1)
    client.force_login(staff)
    url = reverse("staff:revision_history", args=[organization.slug])

    page_one = client.get(url).content.decode()

    assert reverse("staff:revision_detail", args=[organization.slug, newest.pk]) in page_one
    assert client.get(url, {"pagina": 3}).status_code == 404


def test_other_staff_do_not_see_the_history(client, other_staff, organization):
    client.force_login(other_staff)
    url = reverse("staff:revision_history", args=[organization.slug])

    assert client.get(url, {"pagina": 1}).status_code == 404


def test_the_query_counts_do_not_grow_with_the_queues(client, coordinator, organization, staff):
    client.force_login(coordinator)
    _revisions(organization, staff, 3)
    _calls(3)
    small = [
        _queries(client, reverse("staff:review_queue"))[0],
        _queries(client, reverse("staff:call_review_queue"))[0],
    ]
    for n in range(5):
        _revisions(OrganizationFactory(), staff, PAGE_SIZE, start=n * PAGE_SIZE)
    _calls(PAGE_SIZE * 2, start=3)
    large = [
        _queries(client, reverse("staff:review_queue"), pagina=2)[0],
        _queries(client, reverse("staff:call_review_queue"), pagina=2)[0],
    ]
    # Session, user, roles and device; the page's count and rows; the queue's call count.
    assert small == large
    assert small == [7, 6]
