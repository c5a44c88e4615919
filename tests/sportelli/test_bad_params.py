"""Values the desks' pages read outside their forms go through linkrete.params: whatever is
sent, the page answers its default or 404, never 500 (NUL bytes and numbers beyond any integer
column fail only on PostgreSQL, where these tests run)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from sportelli.models import DeskException
from tests.factories import BookingFactory, DeskExceptionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

BAD_VALUES = ["²", "abc", "a\x00b", "9" * 30, "-1", "1.5", ""]


@pytest.fixture
def lenient_client():
    """A client that answers 500 as a response, so the assertion names the value."""
    return Client(raise_request_exception=False)


def url(name, desk, **kwargs):
    return reverse(f"sportelli:{name}", kwargs={"slug": desk.slug, **kwargs})


@pytest.mark.parametrize("bad", BAD_VALUES, ids=repr)
def test_a_bad_week_opens_the_first_week(lenient_client, desk, bad):
    lenient_client.post(url("booking_channel", desk), {"channel": "in_person"})

    response = lenient_client.get(url("booking_slot", desk), {"settimana": bad})

    assert response.status_code == 200
    assert response.context["week"] == 0


def test_a_week_beyond_the_window_opens_the_last_one(client, desk):
    client.post(url("booking_channel", desk), {"channel": "in_person"})

    response = client.get(url("booking_slot", desk), {"settimana": "999"})

    assert response.context["week"] == desk.booking_weeks - 1


@pytest.mark.parametrize("bad", BAD_VALUES, ids=repr)
def test_a_bad_confirmation_key_finds_no_booking(lenient_client, desk, bad):
    BookingFactory(desk=desk, idempotency_key="")

    response = lenient_client.post(url("booking_summary", desk), {"key": bad})

    # No steps in the session: sent back to the first one, as with no key at all.
    assert response.status_code == 302
    assert response.url == url("booking_channel", desk)


@pytest.mark.parametrize("bad", [value for value in BAD_VALUES if value], ids=repr)
def test_a_bad_booking_number_on_the_access_form_is_a_404(lenient_client, desk, desk_operator, bad):
    lenient_client.force_login(desk_operator)

    get = lenient_client.get(url("access_create", desk), {"prenotazione": bad})
    post = lenient_client.post(url("access_create", desk), {"prenotazione": bad})

    assert (get.status_code, post.status_code) == (404, 404)


def test_no_booking_number_opens_an_empty_access_form(client, desk, desk_operator):
    client.force_login(desk_operator)

    assert client.get(url("access_create", desk), {"prenotazione": ""}).status_code == 200


@pytest.mark.parametrize("bad", BAD_VALUES, ids=repr)
def test_bad_other_days_remove_only_the_closure_asked(lenient_client, desk, desk_operator, bad):
    lenient_client.force_login(desk_operator)
    asked = DeskExceptionFactory(desk=desk, date=datetime.date(2026, 12, 8))
    kept = DeskExceptionFactory(desk=desk, date=datetime.date(2026, 12, 15))

    response = lenient_client.post(
        url("desk_closure_delete", desk, pk=asked.pk), {"altri": [bad, "0"]}
    )

    assert response.status_code == 302
    assert list(DeskException.objects.values_list("pk", flat=True)) == [kept.pk]


@pytest.mark.parametrize("bad", [*BAD_VALUES, "x" * 5000], ids=repr)
def test_a_bad_search_on_the_referral_form_lists_targets(lenient_client, desk_operator, bad):
    lenient_client.force_login(desk_operator)

    response = lenient_client.get(reverse("sportelli:referral_create"), {"cerca": bad})

    assert response.status_code == 200
