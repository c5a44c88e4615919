"""Referrals: states and transitions, the feedback loop to the sender, the inbox, visibility."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse

from directory.models import Membership
from sportelli import access, services
from sportelli.models import Referral, ReferralStatus
from tests.factories import ActivityFactory, OrganizationFactory, ReferralFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(desk, desk_operator, organization, django_capture_on_commit_callbacks):
    """Sent by ``desk`` (its operator) to ``organization`` (``staff`` works there)."""
    with django_capture_on_commit_callbacks(execute=True):
        return services.referral_create(
            sent_by=desk_operator,
            from_desk=desk,
            to_organization=organization,
            person_name="Fatima Benali",
            person_contact="3339876543",
            need="Corso di italiano serale.",
            consent_to_share=True,
        )


def test_a_referral_starts_sent_with_its_first_event_and_tells_the_receiver(referral, organization):
    assert referral.status == ReferralStatus.SENT
    assert referral.receiving_organization == organization
    assert list(referral.events.values_list("to_status", flat=True)) == ["sent"]
    assert mail.outbox[0].to == [organization.email]
    assert "Fatima" not in mail.outbox[0].body


def test_the_receiving_organization_of_an_activity_or_desk_is_its_owner(
    desk, desk_operator, other_desk
):
    activity = ActivityFactory()
    common = {
        "sent_by": desk_operator,
        "from_desk": desk,
        "person_name": "X",
        "person_contact": "Y",
        "need": "Z",
        "consent_to_share": True,
    }
    to_activity = services.referral_create(to_activity=activity, **common)
    to_desk = services.referral_create(to_desk=other_desk, **common)
    assert to_activity.receiving_organization == activity.organization
    assert to_desk.receiving_organization == other_desk.host_organization


def test_a_referral_needs_consent_and_exactly_one_target(
    desk, desk_operator, organization, other_organization
):
    common = {
        "sent_by": desk_operator,
        "from_desk": desk,
        "person_name": "X",
        "person_contact": "Y",
        "need": "Z",
    }
    with pytest.raises(ValidationError):
        services.referral_create(to_organization=organization, consent_to_share=False, **common)
    with pytest.raises(ValidationError):
        services.referral_create(consent_to_share=True, **common)
    with pytest.raises(ValidationError):
        services.referral_create(
            to_organization=organization, to_desk=desk, consent_to_share=True, **common
        )
    assert not Referral.objects.exists()


def test_the_happy_path_and_every_change_reaches_the_sender(
    referral, staff, desk_operator, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_transition(referral=referral, to_status="accepted", by=staff)
        services.referral_transition(
            referral=referral, to_status="in_progress", by=staff, note="Primo colloquio"
        )
        services.referral_transition(
            referral=referral, to_status="closed", by=staff, outcome="Iscritta al corso"
        )
    referral.refresh_from_db()
    assert referral.status == "closed" and referral.outcome == "Iscritta al corso"
    assert list(referral.events.values_list("to_status", flat=True)) == [
        "sent",
        "accepted",
        "in_progress",
        "closed",
    ]
    assert [m.to for m in mail.outbox] == [[desk_operator.email]] * 3
    assert all("Fatima" not in m.body for m in mail.outbox)


@pytest.mark.parametrize(
    "path, bad",
    [
        ([], "in_progress"),
        ([], "closed"),
        (["accepted"], "declined"),
        (["accepted"], "sent"),
        (["accepted", "in_progress"], "accepted"),
        (["declined"], "accepted"),
    ],
)
def test_transitions_out_of_order_are_refused(referral, staff, path, bad):
    for status in path:
        services.referral_transition(referral=referral, to_status=status, by=staff, reason="r")
    with pytest.raises(ValidationError):
        services.referral_transition(
            referral=referral, to_status=bad, by=staff, reason="r", outcome="o"
        )
    referral.refresh_from_db()
    assert referral.status == (path[-1] if path else "sent")


def test_declining_needs_a_reason_and_closing_an_outcome(referral, staff):
    with pytest.raises(ValidationError):
        services.referral_transition(referral=referral, to_status="declined", by=staff, reason=" ")
    services.referral_transition(referral=referral, to_status="accepted", by=staff)
    services.referral_transition(referral=referral, to_status="in_progress", by=staff)
    with pytest.raises(ValidationError):
        services.referral_transition(referral=referral, to_status="closed", by=staff)
    referral.refresh_from_db()
    assert referral.status == "in_progress"


def test_visibility_sending_side_receiving_side_and_coordinators_only(
    referral, desk_operator, staff, other_staff, other_desk_operator, coordinator
):
    assert access.get_referral_for_user(desk_operator, referral.uuid) == referral
    assert access.get_referral_for_user(staff, referral.uuid) == referral
    assert access.get_referral_for_user(coordinator, referral.uuid) == referral
    for outsider in (other_staff, other_desk_operator, UserFactory()):
        with pytest.raises(Http404):
            access.get_referral_for_user(outsider, referral.uuid)


def test_only_the_receiving_side_works_on_a_referral(referral, desk_operator, staff, coordinator):
    assert access.get_referral_for_user(staff, referral.uuid, write=True)
    for reader in (desk_operator, coordinator):
        with pytest.raises(PermissionDenied):
            access.get_referral_for_user(reader, referral.uuid, write=True)


def test_the_desk_operators_of_a_target_desk_receive_it(
    desk, other_desk, other_desk_operator, desk_operator
):
    referral = ReferralFactory(
        from_desk=desk,
        to_organization=None,
        to_desk=other_desk,
        receiving_organization=other_desk.host_organization,
    )
    assert access.get_referral_for_user(other_desk_operator, referral.uuid, write=True) == referral


def test_staff_send_a_referral_through_the_form_and_the_receiver_answers(
    client, staff, organization, other_organization, other_staff
):
    client.force_login(staff)
    response = client.post(
        reverse("sportelli:referral_create"),
        {
            "sender": f"org-{organization.pk}",
            "to_organization": other_organization.pk,
            "person_name": "Paolo Gialli",
            "person_contact": "paolo@example.org",
            "need": "Sostegno economico per le bollette.",
            "consent_to_share": "on",
        },
    )
    referral = Referral.objects.get()
    assert response.url == referral.get_absolute_url()
    assert "Paolo" not in response.url
    assert (referral.from_organization, referral.receiving_organization) == (
        organization,
        other_organization,
    )

    client.force_login(other_staff)
    inbox = client.get(reverse("sportelli:referral_list") + "?casella=ricevute")
    assert [r.pk for r in inbox.context["referrals"]] == [referral.pk]
    url = reverse("sportelli:referral_transition", kwargs={"uuid": referral.uuid})
    client.post(url, {"to_status": "declined", "reason": ""})
    referral.refresh_from_db()
    assert referral.status == "sent"
    client.post(url, {"to_status": "declined", "reason": "Fuori dal nostro territorio"})
    referral.refresh_from_db()
    assert referral.status == "declined"

    client.force_login(staff)
    page = client.get(referral.get_absolute_url()).content.decode()
    assert "Fuori dal nostro territorio" in page
    assert client.post(url, {"to_status": "accepted"}).status_code == 403


def test_the_form_refuses_a_sender_the_user_does_not_belong_to(
    client, staff, other_organization, organization
):
    client.force_login(staff)
    response = client.post(
        reverse("sportelli:referral_create"),
        {
            "sender": f"org-{other_organization.pk}",
            "to_organization": organization.pk,
            "person_name": "A",
            "person_contact": "B",
            "need": "C",
            "consent_to_share": "on",
        },
    )
    assert response.status_code == 200 and "sender" in response.context["form"].errors
    assert not Referral.objects.exists()


def test_the_form_refuses_without_consent(client, desk_operator, desk, organization):
    client.force_login(desk_operator)
    response = client.post(
        reverse("sportelli:referral_create"),
        {
            "sender": f"desk-{desk.pk}",
            "to_organization": organization.pk,
            "person_name": "A",
            "person_contact": "B",
            "need": "C",
        },
    )
    assert "consent_to_share" in response.context["form"].errors
    assert not Referral.objects.exists()


def test_a_user_with_no_desk_and_no_organization_cannot_refer(client):
    client.force_login(UserFactory())
    assert client.get(reverse("sportelli:referral_create")).status_code == 404
    assert client.get(reverse("sportelli:referral_list")).status_code == 404


def test_the_list_query_count_does_not_grow(
    client, desk, desk_operator, django_assert_max_num_queries
):
    ReferralFactory(from_desk=desk)
    client.force_login(desk_operator)
    url = reverse("sportelli:referral_list") + "?casella=inviate"
    with django_assert_max_num_queries(10) as few:
        client.get(url)
    for _n in range(10):
        ReferralFactory(from_desk=desk, to_organization=OrganizationFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["referrals"]) == 11


def test_the_sending_side_includes_colleagues_of_the_same_organization(
    organization, staff, role_groups
):
    colleague = UserFactory()
    Membership.objects.create(user=colleague, organization=organization)
    referral = ReferralFactory(from_desk=None, from_organization=organization)
    assert access.get_referral_for_user(colleague, referral.uuid) == referral
