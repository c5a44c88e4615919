"""Events internal to a network: the staff of its member organizations and the coordinators
see them (anyone else: 404), the organizer writes the minutes (the others read: 403), and
they are in no public page, feed, sitemap, search or HSDS export."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from directory.hsds.export import export_directory
from directory.models import Event
from directory.staff.event_forms import EventForm
from tests.directory.hsds_world import everything
from tests.factories import (
    EventFactory,
    EventSessionFactory,
    MembershipFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
    ZoneFactory,
)
from tests.sitemap_reader import whole_sitemap

pytestmark = pytest.mark.usefixtures("pinned_now")

TITLE = "Cabina di regia di dicembre"


@pytest.fixture
def network(organization):
    network = NetworkFactory(name="Rete LINK", slug="link")
    NetworkMembershipFactory(network=network, organization=organization, role="capofila")
    return network


@pytest.fixture
def partner_staff(network):
    """Staff of another organization of the network."""
    partner = OrganizationFactory(name="Cooperativa Partner", slug="partner")
    NetworkMembershipFactory(network=network, organization=partner)
    return MembershipFactory(organization=partner).user


@pytest.fixture
def internal(organization, network):
    event = EventFactory(
        organization=organization, internal_network=network, title=TITLE, slug="cabina-di-regia"
    )
    EventSessionFactory(event=event, date=datetime.date(2026, 12, 5))
    return event


def _detail(event):
    return reverse("staff:internal_event_detail", args=[event.pk])


@pytest.mark.parametrize(
    ("visitor", "status"),
    [
        ("staff", 200),
        ("partner_staff", 200),
        ("coordinator", 200),
        ("other_staff", 404),
        ("anonymous", 302),
    ],
)
def test_only_the_networks_staff_and_the_coordinators_see_it(
    client, request, internal, visitor, status
):
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))
    response = client.get(_detail(internal))
    assert response.status_code == status
    listed = client.get(reverse("staff:internal_event_list"))
    if status == 200:
        assert TITLE in response.content.decode() and TITLE in listed.content.decode()
    elif visitor == "other_staff":
        assert TITLE not in listed.content.decode()
    else:
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("visitor", "status"),
    [
        ("staff", 302),
        ("partner_staff", 403),
        ("coordinator", 403),
        ("other_staff", 404),
        ("anonymous", 302),
    ],
)
def test_only_the_organizer_writes_the_minutes(client, request, internal, visitor, status):
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))
    response = client.post(_detail(internal), {"minutes": "Approvato il piano."})
    assert response.status_code == status
    internal.refresh_from_db()
    assert (internal.minutes == "Approvato il piano.") == (visitor == "staff")


def test_the_others_read_the_minutes_without_a_form(client, partner_staff, internal):
    Event.objects.filter(pk=internal.pk).update(minutes="Approvato il piano.")
    client.force_login(partner_staff)
    page = client.get(_detail(internal)).content.decode()
    assert "Approvato il piano." in page and 'name="minutes"' not in page


def test_too_long_minutes_keep_what_was_typed(client, staff, internal):
    client.force_login(staff)
    text = "x" * 20_001
    response = client.post(_detail(internal), {"minutes": text})
    assert response.status_code == 200 and text in response.content.decode()
    internal.refresh_from_db()
    assert internal.minutes == ""


def test_an_internal_event_is_in_no_public_page(client, internal, network, organization):
    zone = ZoneFactory(slug="visconteo")
    zone.municipalities.add(internal.sessions.get().location.municipality)
    public = [
        reverse("directory:event_calendar") + "?data=2026-12-05&vista=giorno",
        reverse("directory:zone_events_ics", args=[zone.slug]),
        reverse("directory:network_events_ics", args=[network.slug]),
        reverse("directory:organization_events_ics", args=[organization.slug]),
        organization.get_absolute_url(),
        reverse("directory:search") + "?q=sabato",
        reverse("directory:search") + "?q=cabina+regia",
    ]
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        assert TITLE not in response.content.decode(), url
    assert client.get(internal.get_absolute_url()).status_code == 404
    assert client.get(reverse("directory:event_ics", args=[internal.slug])).status_code == 404
    assert internal.get_absolute_url() not in whole_sitemap(client)


def test_an_internal_event_stays_out_of_the_hsds_export(internal, tmp_path):
    export_directory(tmp_path)
    assert TITLE not in everything(tmp_path)


def test_the_event_form_offers_only_the_organizations_networks(organization, network):
    NetworkFactory(name="Rete di altri")
    form = EventForm(organization=organization)
    assert list(form.fields["internal_network"].queryset) == [network]


def test_an_event_cannot_be_internal_to_a_network_its_organization_is_not_in(organization):
    event = EventFactory.build(organization=organization, internal_network=NetworkFactory())
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "internal_network" in error.value.message_dict


@pytest.mark.parametrize("size", [2, 12])
def test_the_pages_read_the_same_queries_whatever_their_size(
    client, staff, organization, network, size, django_assert_num_queries
):
    for n in range(size):
        event = EventFactory(organization=organization, internal_network=network)
        EventSessionFactory(event=event, date=datetime.date(2026, 12, 3 + n))
        EventSessionFactory(
            event=event,
            date=datetime.date(2026, 12, 20 + n),
            location=None,
            online_url="https://meet.example",
        )
    client.force_login(staff)
    url = reverse("staff:internal_event_list")
    client.get(url)
    # Session, user, coordinator group, the events (with their network and organizer), count.
    with django_assert_num_queries(5):
        client.get(url)
    # Session, user, coordinator group, the event, its sessions, membership of the organizer.
    with django_assert_num_queries(6):
        client.get(_detail(event))
