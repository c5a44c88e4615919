"""A new activity waiting for review takes its opening hours, published with it."""

import datetime

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from directory.models import Activity, Revision, Weekday
from directory.staff import services
from tests.directory.staff.test_activity_fee import activity_data
from tests.directory.staff.test_revisions import hours_post
from tests.factories import ActivityFactory

TUESDAY = {"weekday": "2", "opens_at": "16:30", "closes_at": "18:30"}


@pytest.fixture
def proposal(client, staff, organization):
    """A new activity sent by ``staff``, waiting for review."""
    client.force_login(staff)
    response = client.post(
        reverse("staff:activity_new", args=[organization.slug]), activity_data(is_free="True")
    )
    revision = Revision.objects.get()
    assert revision.status == Revision.Status.PENDING and revision.is_new
    assert response["Location"] == reverse(
        "staff:revision_hours", args=[organization.slug, revision.pk]
    )
    return revision


def test_hours_of_a_new_activity_are_published_with_it(
    client, staff, coordinator, organization, proposal
):
    url = reverse("staff:revision_hours", args=[organization.slug, proposal.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, hours_post([TUESDAY]))
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.data["hours"]["slots"][0]["opens_at"] == "16:30:00"
    assert not Activity.objects.exists()

    client.force_login(coordinator)
    page = client.get(reverse("staff:review_detail", args=[proposal.pk]))
    assert f"{Weekday(2).label} 16:30–18:30" in page.content.decode()
    assert not page.context["lacks_hours"]

    client.post(reverse("staff:review_approve", args=[proposal.pk]))
    activity = Activity.objects.get()
    slot = activity.opening_slots.get()
    assert (slot.weekday, slot.opens_at) == (2, datetime.time(16, 30))


def test_adding_a_row_keeps_what_was_typed(client, organization, proposal):
    url = reverse("staff:revision_hours", args=[organization.slug, proposal.pk])
    response = client.post(url, hours_post([TUESDAY], add_slot="1"))
    assert response.status_code == 200
    assert response.context["slots"].total_form_count() == 2
    assert response.context["slots"].forms[0]["opens_at"].value() == "16:30"
    proposal.refresh_from_db()
    assert "hours" not in proposal.data


def test_a_wrong_slot_is_a_form_error(client, organization, proposal):
    url = reverse("staff:revision_hours", args=[organization.slug, proposal.pk])
    response = client.post(url, hours_post([{**TUESDAY, "closes_at": "15:00"}]))
    assert response.status_code == 200
    assert response.context["slots"].forms[0].errors
    proposal.refresh_from_db()
    assert "hours" not in proposal.data


def test_the_reviewer_is_told_when_a_new_activity_has_no_hours(client, coordinator, proposal):
    client.force_login(coordinator)
    response = client.get(reverse("staff:review_detail", args=[proposal.pk]))
    assert response.context["lacks_hours"]
    assert "alert-warning" in response.content.decode()


def test_the_organization_page_links_the_hours_of_a_waiting_activity(
    client, organization, proposal
):
    page = client.get(reverse("staff:organization", args=[organization.slug])).content.decode()
    assert reverse("staff:revision_hours", args=[organization.slug, proposal.pk]) in page


def test_other_staff_get_404(client, other_staff, organization, proposal):
    client.force_login(other_staff)
    url = reverse("staff:revision_hours", args=[organization.slug, proposal.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, hours_post([TUESDAY])).status_code == 404
    proposal.refresh_from_db()
    assert "hours" not in proposal.data


def test_a_reviewed_or_existing_activitys_revision_takes_no_hours_here(
    client, staff, coordinator, organization, proposal
):
    services.revision_approve(revision=proposal, reviewer=coordinator)
    url = reverse("staff:revision_hours", args=[organization.slug, proposal.pk])
    assert client.get(url).status_code == 404

    activity = ActivityFactory(organization=organization)
    client.post(
        reverse("staff:activity_edit", args=[organization.slug, activity.pk]),
        activity_data(is_free="True", title="Nuovo titolo"),
    )
    edit = Revision.objects.get(activity=activity, status=Revision.Status.PENDING)
    url = reverse("staff:revision_hours", args=[organization.slug, edit.pk])
    assert client.get(url).status_code == 404


def test_a_rejected_new_activity_sent_again_keeps_its_hours(
    client, staff, coordinator, organization, proposal
):
    client.post(
        reverse("staff:revision_hours", args=[organization.slug, proposal.pk]),
        hours_post([TUESDAY]),
    )
    services.revision_reject(revision=proposal, reviewer=coordinator, reason="Manca l'età.")
    reopen = reverse("staff:activity_new", args=[organization.slug]) + f"?revisione={proposal.pk}"
    client.post(reopen, activity_data(is_free="True", min_age="6"))
    again = Revision.objects.exclude(pk=proposal.pk).get()
    assert again.data["hours"]["slots"][0]["weekday"] == 2


def test_a_trusted_organizations_new_activity_goes_to_its_hours(client, staff, organization):
    organization.is_trusted = True
    organization.save()
    client.force_login(staff)
    response = client.post(
        reverse("staff:activity_new", args=[organization.slug]), activity_data(is_free="True")
    )
    activity = Activity.objects.get()
    assert response["Location"] == reverse(
        "staff:activity_hours", args=[organization.slug, activity.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert _("Opening hours") in page
    assert _("Saved and published.") in page
