"""Networks in the admin: coordinators find them, record members with a role per network, the
steering board, its meetings and the actions with targets; the list and the change form cost the
same queries whatever the number of members."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import (
    ActionTarget,
    BoardMeeting,
    MemberRole,
    Network,
    NetworkAction,
    NetworkMembership,
    SteeringBoardSeat,
)
from tests.factories import (
    NetworkActionFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("admin:directory_network_changelist")
ADD = reverse("admin:directory_network_add")


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def queries(client, url, **params):
    client.get(url, params)  # the first request of a process warms Django's caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured), response


def _inline_management(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_the_list_finds_networks_by_name_or_lead_organization(signed_in):
    NetworkFactory(name="LINK", lead_organization=OrganizationFactory(name="Comune di Buccinasco"))
    NetworkFactory(name="SpOON", lead_organization=OrganizationFactory(name="Consorzio Empolese"))
    _, response = queries(signed_in, LIST, q="buccinasco")
    assert [n.name for n in response.context["cl"].result_list] == ["LINK"]
    _, response = queries(signed_in, LIST, q="spoon")
    assert [n.name for n in response.context["cl"].result_list] == ["SpOON"]


def test_the_list_costs_the_same_queries_for_2_or_22_networks(signed_in):
    for network in NetworkFactory.create_batch(2):
        NetworkMembershipFactory(network=network)
    few, _ = queries(signed_in, LIST)
    for network in NetworkFactory.create_batch(20):
        NetworkMembershipFactory(network=network)
    many, response = queries(signed_in, LIST)
    assert len(response.context["cl"].result_list) == 22
    assert response.context["cl"].result_list[0].member_count == 1
    assert many == few == 9  # 8, and the coordinator's role once (their scope)


def test_the_change_form_costs_the_same_queries_for_1_or_15_members(signed_in):
    network = NetworkFactory()
    NetworkMembershipFactory(network=network)
    NetworkActionFactory(network=network)
    url = reverse("admin:directory_network_change", args=[network.pk])
    few, _ = queries(signed_in, url)
    for _ in range(14):
        NetworkMembershipFactory(network=network)
        SteeringBoardSeat.objects.create(
            network=network, organization=OrganizationFactory(), office="Assessore"
        )
        BoardMeeting.objects.create(network=network, date=datetime.date(2026, 3, 2))
        NetworkActionFactory(network=network)
    many, response = queries(signed_in, url)
    page = response.content.decode()
    assert page.count('name="memberships-') >= 15 * 3
    # Each member's name is in its box, read once for all of them.
    for membership in network.memberships.select_related("organization"):
        assert membership.organization.name in page
    # 14, and the coordinators' inline: its rows and the role asked once (may they edit it).
    assert many == few == 16


def test_an_organization_with_two_roles_in_one_network_and_one_in_another(signed_in):
    comune = OrganizationFactory(name="Comune di Rho")
    network = NetworkFactory(name="#oltreiperimetri", slug="oltreiperimetri")
    data = {
        "name": "#oltreiperimetri",
        "slug": "oltreiperimetri-2",
        "summary": "Banche, patronati, imprese e scuole segnalano le fragilità.",
        "starts_on": "01/09/2024",
        "ends_on": "31/08/2027",
        "lead_organization": comune.pk,
        "agreement": SimpleUploadedFile("Accordo firmato.PDF", b"%PDF-1.4", "application/pdf"),
        **_inline_management("memberships", 2),
        "memberships-0-organization": comune.pk,
        "memberships-0-role": MemberRole.LEAD,
        "memberships-1-organization": comune.pk,
        "memberships-1-role": MemberRole.SIGNATORY,
        **_inline_management("board_seats", 1),
        "board_seats-0-organization": comune.pk,
        "board_seats-0-office": "Assessora alle politiche sociali",
        **_inline_management("board_meetings", 1),
        "board_meetings-0-date": "15/01/2025",
        "board_meetings-0-minutes": "Approvato il piano delle azioni.",
        **_inline_management("actions", 1),
        "actions-0-number": "1",
        "actions-0-name": "Antenne sul territorio",
        "actions-0-objective": "Intercettare le fragilità",
        **_inline_management("coordinators", 0),
    }
    response = signed_in.post(ADD, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    created = Network.objects.get(slug="oltreiperimetri-2")
    assert set(created.memberships.values_list("role", flat=True)) == {"capofila", "firmatario"}
    assert created.agreement.name == "reti/accordi/oltreiperimetri-2.pdf"
    assert created.board_seats.get().office == "Assessora alle politiche sociali"
    assert created.board_meetings.get().minutes == "Approvato il piano delle azioni."
    assert created.actions.get().name == "Antenne sul territorio"
    NetworkMembershipFactory(network=network, organization=comune, role=MemberRole.PARTNER)
    assert NetworkMembership.objects.filter(organization=comune).count() == 3


def test_the_same_role_twice_is_refused_with_a_message_and_nothing_typed_is_lost(signed_in):
    comune = OrganizationFactory(name="Comune di Rho")
    data = {
        "name": "Rete doppia",
        "slug": "rete-doppia",
        "summary": "Una descrizione che resta.",
        "starts_on": "01/09/2024",
        **_inline_management("memberships", 2),
        "memberships-0-organization": comune.pk,
        "memberships-0-role": MemberRole.PARTNER,
        "memberships-1-organization": comune.pk,
        "memberships-1-role": MemberRole.PARTNER,
        **_inline_management("board_seats"),
        **_inline_management("board_meetings"),
        **_inline_management("actions"),
        **_inline_management("coordinators"),
    }
    response = signed_in.post(ADD, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Una descrizione che resta." in page
    assert not Network.objects.exists()


def test_a_network_cannot_end_before_it_starts(signed_in):
    data = {
        "name": "Rete al contrario",
        "slug": "rete-al-contrario",
        "summary": "Sbagliata.",
        "starts_on": "01/09/2026",
        "ends_on": "01/09/2025",
        **_inline_management("memberships"),
        **_inline_management("board_seats"),
        **_inline_management("board_meetings"),
        **_inline_management("actions"),
        **_inline_management("coordinators"),
    }
    response = signed_in.post(ADD, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["ends_on"]
    assert not Network.objects.exists()


def test_an_agreement_that_is_not_a_document_is_refused(signed_in):
    data = {
        "name": "Rete",
        "slug": "rete",
        "summary": "Con un allegato sbagliato.",
        "starts_on": "01/09/2026",
        "agreement": SimpleUploadedFile("accordo.exe", b"MZ", "application/octet-stream"),
        **_inline_management("memberships"),
        **_inline_management("board_seats"),
        **_inline_management("board_meetings"),
        **_inline_management("actions"),
        **_inline_management("coordinators"),
    }
    response = signed_in.post(ADD, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["agreement"]


def test_an_actions_page_lists_and_saves_its_targets(signed_in):
    action = NetworkActionFactory(name="Doposcuola diffuso")
    url = reverse("admin:directory_networkaction_change", args=[action.pk])
    assert signed_in.get(url).status_code == 200
    data = {
        "network": action.network_id,
        "number": "1",
        "name": "Doposcuola diffuso",
        "objective": "",
        "targets-TOTAL_FORMS": "1",
        "targets-INITIAL_FORMS": "0",
        "targets-MIN_NUM_FORMS": "0",
        "targets-MAX_NUM_FORMS": "1000",
        "targets-0-name": "Bambini seguiti",
        "targets-0-unit": "bambini",
        "targets-0-value": "120",
    }
    response = signed_in.post(url, data)
    assert response.status_code == 302
    assert ActionTarget.objects.get(action=action).value == 120
    _, listed = queries(signed_in, reverse("admin:directory_networkaction_changelist"), q="diffuso")
    assert [a.pk for a in listed.context["cl"].result_list] == [action.pk]
    assert listed.context["cl"].result_list[0].target_count == 1


def test_staff_of_an_organization_do_not_reach_the_networks_admin(client, staff):
    client.force_login(staff)
    assert client.get(LIST).status_code in (302, 403, 404)
    assert client.get(reverse("admin:directory_networkaction_changelist")).status_code in (
        302,
        403,
        404,
    )


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(LIST).status_code == 302
    assert NetworkAction.objects.count() == 0


def test_a_super_coordinator_names_the_networks_coordinators(signed_in, role_groups):
    from directory.models import NetworkCoordinator
    from tests.factories import UserFactory

    network = NetworkFactory()
    person = UserFactory(username="coordinatrice-spoon")
    url = reverse("admin:directory_network_change", args=[network.pk])
    data = {
        "name": network.name,
        "slug": network.slug,
        "summary": network.summary,
        "starts_on": "01/01/2025",
        "ends_on": "31/12/2027",
        "lead_organization": "",
        **_inline_management("memberships"),
        **_inline_management("board_seats"),
        **_inline_management("board_meetings"),
        **_inline_management("actions"),
        **_inline_management("coordinators", 1),
        "coordinators-0-user": person.pk,
    }
    response = signed_in.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert NetworkCoordinator.objects.get().user == person
