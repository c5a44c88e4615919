import pytest
from django.urls import reverse

from directory import my_list
from directory.models import PublicationStatus
from tests.directory.helpers import count_queries
from tests.factories import ActivityFactory, LocationFactory, OpeningSlotFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    return ActivityFactory(title="Doposcuola", slug="doposcuola")


def add(client, activity, next_url=""):
    return client.post(
        reverse("directory:my_list_add"), {"activity": activity.slug, "next": next_url}
    )


def test_add_keeps_the_activity_in_the_session_and_goes_back(client, activity):
    response = add(client, activity, next_url="/cerca/?q=compiti")
    assert response.status_code == 302
    assert response["Location"] == "/cerca/?q=compiti"
    assert client.session[my_list.SESSION_KEY] == [activity.pk]


def test_add_twice_keeps_one_entry(client, activity):
    add(client, activity)
    add(client, activity)
    assert client.session[my_list.SESSION_KEY] == [activity.pk]


def test_add_ignores_an_unsafe_next_url(client, activity):
    response = add(client, activity, next_url="https://evil.example/")
    assert response["Location"] == activity.get_absolute_url()


def test_add_needs_a_post_from_this_site(activity):
    """No CSRF token (the cards are on cached pages: linkrete/same_origin.py says why), but a
    POST another site makes the browser send is refused."""
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    assert csrf_client.get(reverse("directory:my_list_add")).status_code == 405
    assert add(csrf_client, activity).status_code == 302
    forged = csrf_client.post(
        reverse("directory:my_list_add"),
        {"activity": activity.slug},
        headers={"origin": "https://elsewhere.example"},
    )
    assert forged.status_code == 403


def test_a_draft_cannot_be_added(client, activity):
    activity.publication_status = PublicationStatus.DRAFT
    activity.save()
    assert add(client, activity).status_code == 404


def test_remove_takes_it_out(client, activity):
    add(client, activity)
    response = client.post(
        reverse("directory:my_list_remove"),
        {"activity": activity.slug, "next": reverse("directory:my_list")},
        follow=True,
    )
    assert client.session[my_list.SESSION_KEY] == []
    assert "non è più nella tua lista" in response.content.decode()


def test_the_list_is_capped():
    session = {}
    for pk in range(1, my_list.MAX_ITEMS + 1):
        assert my_list.add(session, pk)
    assert not my_list.add(session, 999)
    assert len(my_list.activity_ids(session)) == my_list.MAX_ITEMS


def test_activity_page_offers_remove_once_added(client, activity):
    add(client, activity)
    content = client.get(activity.get_absolute_url()).content.decode()
    assert "Rimuovi dalla mia lista" in content


def test_my_list_page_shows_the_activities_in_order_with_print_and_share(client):
    first = ActivityFactory(title="Zumba", slug="zumba")
    second = ActivityFactory(title="Aiuto compiti", slug="aiuto-compiti")
    add(client, first)
    add(client, second)

    content = client.get(reverse("directory:my_list")).content.decode()

    assert content.index('data-activity="zumba"') < content.index('data-activity="aiuto-compiti"')
    assert "data-print" in content
    assert "/la-mia-lista/condivisa/?a=zumba,aiuto-compiti" in content


def test_my_list_hides_activities_unpublished_since(client, activity):
    add(client, activity)
    activity.publication_status = PublicationStatus.DRAFT
    activity.save()
    assert (
        'data-activity="doposcuola"'
        not in client.get(reverse("directory:my_list")).content.decode()
    )


def test_empty_list_says_how_to_fill_it(client):
    assert "La tua lista è vuota" in client.get(reverse("directory:my_list")).content.decode()


def test_shared_list_is_readable_by_anyone_and_skips_drafts(client):
    ActivityFactory(title="Calcio", slug="calcio")
    ActivityFactory(title="Bozza", slug="bozza", publication_status=PublicationStatus.DRAFT)
    response = client.get(reverse("directory:my_list_shared"), {"a": "calcio,bozza,inesistente"})
    content = response.content.decode()
    assert response.status_code == 200
    assert 'data-activity="calcio"' in content
    assert 'data-activity="bozza"' not in content
    assert reverse("directory:my_list_remove") not in content


def test_my_list_query_count_does_not_grow_with_its_length(client, django_assert_max_num_queries):
    add(client, ActivityFactory())
    few = count_queries(client, reverse("directory:my_list"))
    for n in range(5):
        activity = ActivityFactory()
        activity.locations.add(LocationFactory(organization=activity.organization))
        OpeningSlotFactory(activity=activity, weekday=n + 1)
        add(client, activity)
    many = count_queries(client, reverse("directory:my_list"))
    assert few == many
    with django_assert_max_num_queries(8):
        client.get(reverse("directory:my_list"))
