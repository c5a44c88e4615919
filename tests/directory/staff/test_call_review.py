"""Volunteering calls are public data: an untrusted organization's calls wait for a
coordinator's review, and only approved, published calls are public."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from directory.models import VolunteeringCall
from directory.staff import services
from tests.factories import UserFactory, VolunteeringCallFactory
from tests.signing_in import Client

Status = VolunteeringCall.ReviewStatus


def call_data(**changes):
    data = {
        "title": "Aiuto compiti del sabato",
        "description": "Aiuta i ragazzi delle medie con matematica e inglese.",
        "min_age": "16",
        "time_commitment": "Due ore il sabato mattina",
        "is_published": "on",
    }
    data.update(changes)
    return data


def _save(client, organization, call=None, **changes):
    url = (
        reverse("staff:call_edit", args=[organization.slug, call.pk])
        if call
        else reverse("staff:call_new", args=[organization.slug])
    )
    return client.post(url, call_data(**changes))


def _is_public(client, call):
    listed = call.title in client.get(reverse("directory:call_list")).content.decode()
    page = client.get(call.get_absolute_url()).status_code
    assert listed == (page == 200)
    return listed


def _decide(client, call, decision, **data):
    call.refresh_from_db()
    return client.post(
        reverse(f"staff:call_review_{decision}", args=[call.pk]),
        {"submitted": services.review_token(call), **data},
    )


def test_an_untrusted_organizations_new_call_waits_in_the_queue(
    client, staff, coordinator, organization
):
    client.force_login(staff)
    response = _save(client, organization)
    assert response.status_code == 302
    call = VolunteeringCall.objects.get()
    assert call.review_status == Status.PENDING
    assert call.submitted_at is not None
    assert VolunteeringCall.objects.public().count() == 0
    client.logout()
    assert not _is_public(client, call)
    assert call.title not in client.get(organization.get_absolute_url()).content.decode()

    client.force_login(coordinator)
    queue = client.get(reverse("staff:call_review_queue"))
    assert queue.status_code == 200
    assert list(queue.context["calls"]) == [call]
    assert reverse("staff:call_review_detail", args=[call.pk]) in queue.content.decode()
    # The queue of changes links to it, with the count.
    changes = client.get(reverse("staff:review_queue")).content.decode()
    assert reverse("staff:call_review_queue") in changes


def test_approval_makes_the_call_public(client, staff, coordinator, organization):
    client.force_login(staff)
    _save(client, organization)
    call = VolunteeringCall.objects.get()
    client.force_login(coordinator)
    page = client.get(reverse("staff:call_review_detail", args=[call.pk])).content.decode()
    assert escape(call.description) in page

    response = _decide(client, call, "approve")
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:call_review_queue")
    call.refresh_from_db()
    assert call.review_status == Status.APPROVED
    assert call.reviewed_by == coordinator and call.reviewed_at is not None
    client.logout()
    assert _is_public(client, call)
    assert call.title in client.get(organization.get_absolute_url()).content.decode()


def test_rejection_keeps_the_call_off_line_shows_the_reason_and_keeps_the_text(
    client, staff, coordinator, organization
):
    client.force_login(staff)
    _save(client, organization, description="Testo lungo e curato da non perdere.")
    call = VolunteeringCall.objects.get()
    client.force_login(coordinator)
    response = _decide(client, call, "reject", reason="Manca l'indirizzo del doposcuola.")
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.review_status == Status.REJECTED
    assert call.description == "Testo lungo e curato da non perdere."

    client.logout()
    assert not _is_public(client, call)

    client.force_login(staff)
    listing = client.get(reverse("staff:call_list", args=[organization.slug])).content.decode()
    assert escape("Manca l'indirizzo del doposcuola.") in listing
    assert str(Status.REJECTED.label) in listing
    edit = client.get(reverse("staff:call_edit", args=[organization.slug, call.pk]))
    assert edit.context["form"].initial["description"] == "Testo lungo e curato da non perdere."
    assert escape("Manca l'indirizzo del doposcuola.") in edit.content.decode()

    # Corrected and sent again: back in the queue, still not public.
    _save(client, organization, call, description="Testo corretto: via Roma 1.")
    call.refresh_from_db()
    assert call.review_status == Status.PENDING
    assert call.description == "Testo corretto: via Roma 1."
    assert call in VolunteeringCall.objects.pending_review()
    assert call not in VolunteeringCall.objects.public()


def test_a_rejection_needs_a_reason(client, staff, coordinator, organization):
    call = VolunteeringCallFactory(organization=organization, review_status=Status.PENDING)
    client.force_login(coordinator)
    response = _decide(client, call, "reject", reason="")
    assert response.status_code == 200
    assert response.context["reject_form"].errors
    call.refresh_from_db()
    assert call.review_status == Status.PENDING


def test_a_decision_on_a_text_changed_meanwhile_is_refused(
    client, staff, coordinator, organization
):
    client.force_login(staff)
    _save(client, organization)
    call = VolunteeringCall.objects.get()
    seen = services.review_token(call)
    # The organization edits the call while the coordinator reads the first text.
    _save(client, organization, call, description="Un testo diverso, mai letto.")
    client.force_login(coordinator)
    response = client.post(
        reverse("staff:call_review_approve", args=[call.pk]), {"submitted": seen}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:call_review_detail", args=[call.pk])
    call.refresh_from_db()
    assert call.review_status == Status.PENDING


def test_a_trusted_organization_publishes_directly(client, staff, organization):
    organization.is_trusted = True
    organization.save()
    client.force_login(staff)
    _save(client, organization)
    call = VolunteeringCall.objects.get()
    assert call.review_status == Status.APPROVED
    assert call.reviewed_by is None
    client.logout()
    assert _is_public(client, call)


def test_a_coordinators_call_is_approved_by_them(client, coordinator, organization):
    client.force_login(coordinator)
    _save(client, organization)
    call = VolunteeringCall.objects.get()
    assert call.review_status == Status.APPROVED
    assert call.reviewed_by == coordinator


def test_editing_an_approved_call_sends_it_back_to_review(client, staff, organization):
    call = VolunteeringCallFactory(organization=organization, **call_data(is_published=True))
    client.logout()
    assert _is_public(client, call)
    client.force_login(staff)
    _save(client, organization, call, description="Ora si cercano anche autisti.")
    call.refresh_from_db()
    assert call.review_status == Status.PENDING
    client.logout()
    assert not _is_public(client, call)


def test_taking_an_approved_call_off_line_needs_no_review(client, staff, organization):
    call = VolunteeringCallFactory(organization=organization, **call_data(is_published=True))
    client.force_login(staff)
    data = call_data()
    del data["is_published"]
    client.post(reverse("staff:call_edit", args=[organization.slug, call.pk]), data)
    call.refresh_from_db()
    assert (call.is_published, call.review_status) == (False, Status.APPROVED)
    # …and back on line, unchanged: still approved, public again.
    _save(client, organization, call)
    call.refresh_from_db()
    assert (call.is_published, call.review_status) == (True, Status.APPROVED)
    client.logout()
    assert _is_public(client, call)


def test_only_approved_published_open_calls_are_public(organization):
    approved = VolunteeringCallFactory(organization=organization)
    VolunteeringCallFactory(organization=organization, review_status=Status.PENDING)
    VolunteeringCallFactory(
        organization=organization, review_status=Status.REJECTED, rejection_reason="No."
    )
    VolunteeringCallFactory(organization=organization, is_published=False)
    assert list(VolunteeringCall.objects.public()) == [approved]


REVIEW_PAGES = [
    ("call_review_queue", False, "get"),
    ("call_review_detail", True, "get"),
    ("call_review_approve", True, "post"),
    ("call_review_reject", True, "post"),
]


@pytest.mark.parametrize(("name", "with_pk", "method"), REVIEW_PAGES)
@pytest.mark.parametrize("visitor", ["staff", "other_staff", "anonymous", "coordinator"])
def test_the_call_review_pages_are_for_coordinators_only(
    client, request, organization, name, with_pk, method, visitor
):
    call = VolunteeringCallFactory(organization=organization, review_status=Status.PENDING)
    url = reverse(f"staff:{name}", args=[call.pk] if with_pk else [])
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))
    data = {"submitted": services.review_token(call), "reason": "Da rivedere."}
    response = client.post(url, data) if method == "post" else client.get(url)
    if visitor == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    elif visitor == "coordinator":
        assert response.status_code == (302 if method == "post" else 200)
    else:
        assert response.status_code == 404
    call.refresh_from_db()
    decided = visitor == "coordinator" and method == "post"
    assert (call.review_status != Status.PENDING) == decided


@pytest.mark.parametrize("name", ["call_review_approve", "call_review_reject"])
def test_decisions_are_post_only_and_need_the_csrf_token(coordinator, organization, name):
    call = VolunteeringCallFactory(organization=organization, review_status=Status.PENDING)
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    url = reverse(f"staff:{name}", args=[call.pk])
    assert client.get(url).status_code == 405
    assert client.post(url, {"reason": "Da rivedere."}).status_code == 403
    call.refresh_from_db()
    assert call.review_status == Status.PENDING


@pytest.mark.parametrize("rows", [2, 20])
def test_the_review_queue_query_count_does_not_grow(
    client, coordinator, organization, other_organization, rows, django_assert_max_num_queries
):
    for i in range(rows):
        VolunteeringCallFactory(
            organization=organization if i % 2 else other_organization,
            review_status=Status.PENDING,
        )
    client.force_login(coordinator)
    with django_assert_max_num_queries(6):  # the page adds its count
        response = client.get(reverse("staff:call_review_queue"))
    assert len(response.context["calls"]) == rows


def test_the_review_detail_query_count(
    client, coordinator, organization, django_assert_max_num_queries
):
    call = VolunteeringCallFactory(organization=organization, review_status=Status.PENDING)
    client.force_login(coordinator)
    with django_assert_max_num_queries(5):
        assert client.get(reverse("staff:call_review_detail", args=[call.pk])).status_code == 200


def test_the_demo_has_approved_calls_and_one_waiting(db):
    call_command("seed_association_area", stdout=io.StringIO())
    calls = VolunteeringCall.objects.all()
    assert calls.filter(review_status=Status.PENDING).count() == 1
    assert calls.filter(review_status=Status.APPROVED).count() == calls.count() - 1 >= 3


def test_admin_lists_and_filters_by_review_status(client, coordinator, organization):
    VolunteeringCallFactory(organization=organization, review_status=Status.PENDING, title="Z1")
    VolunteeringCallFactory(organization=organization, title="Z2")
    admin = UserFactory(username="admin-root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = reverse("admin:directory_volunteeringcall_changelist")
    response = client.get(url, {"review_status__exact": "pending"})
    assert response.status_code == 200
    assert [c.title for c in response.context["cl"].result_list] == ["Z1"]
    assert "review_status" in response.context["cl"].list_display


@pytest.mark.django_db(transaction=True)
def test_the_migration_approves_the_calls_that_were_already_public():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("directory", "0007_activity_title_index")]
    after = [("directory", "0008_volunteering_call_review")]
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate(before)
        old_apps = executor.loader.project_state(before).apps
        Organization = old_apps.get_model("directory", "Organization")
        OldCall = old_apps.get_model("directory", "VolunteeringCall")
        organization = Organization.objects.create(name="Ente storico", slug="ente-storico")
        OldCall.objects.create(
            organization=organization,
            title="Chiamata di prima",
            slug="chiamata-di-prima",
            description="Già pubblica.",
            time_commitment="Un'ora",
        )
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        call = VolunteeringCall.objects.get(slug="chiamata-di-prima")
        assert call.review_status == Status.APPROVED
    finally:
        # The next tests on this database expect every migration applied.
        MigrationExecutor(connection).migrate(latest)
