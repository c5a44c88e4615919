"""Whether an activity is free is the author's answer, never a default."""

from django.urls import reverse
from django.utils.translation import gettext as _

from directory.models import Revision
from tests.factories import ActivityFactory, category


def activity_data(**changes):
    data = {
        "title": "Doposcuola del martedì",
        "description": "Compiti insieme.",
        "categories": [category("laboratori").pk],
        "access": "open",
        "status": "active",
    }
    data.update(changes)
    return data


def test_a_new_activity_has_neither_answer_ticked(client, staff, organization):
    client.force_login(staff)
    response = client.get(reverse("staff:activity_new", args=[organization.slug]))
    form = response.context["form"]
    assert form["is_free"].value() is None
    page = response.content.decode()
    assert 'name="is_free"' in page
    assert 'name="is_free" value="True" checked' not in page
    assert "checked" not in str(form["is_free"])


def test_a_new_activity_without_an_answer_is_refused_and_kept(client, staff, organization):
    client.force_login(staff)
    response = client.post(reverse("staff:activity_new", args=[organization.slug]), activity_data())
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["is_free"] == [_("This field is required.")]
    assert form["title"].value() == "Doposcuola del martedì"
    assert not Revision.objects.exists()


def test_with_a_fee_needs_the_cost(client, staff, organization):
    client.force_login(staff)
    response = client.post(
        reverse("staff:activity_new", args=[organization.slug]), activity_data(is_free="False")
    )
    assert response.status_code == 200
    assert "fee_description" in response.context["form"].errors


def test_the_answer_is_stored_and_shown_back(client, staff, coordinator, organization):
    client.force_login(staff)
    response = client.post(
        reverse("staff:activity_new", args=[organization.slug]),
        activity_data(is_free="False", fee_description="10 euro al mese"),
    )
    assert response.status_code == 302
    revision = Revision.objects.get()
    assert revision.data["is_free"] is False
    client.force_login(coordinator)
    page = client.get(reverse("staff:review_detail", args=[revision.pk])).content.decode()
    assert _("With a fee") in page


def test_an_existing_activity_shows_its_answer(client, staff, organization):
    activity = ActivityFactory(organization=organization, is_free=True)
    client.force_login(staff)
    response = client.get(reverse("staff:activity_edit", args=[organization.slug, activity.pk]))
    assert response.context["form"]["is_free"].value() is True
    assert "checked" in str(response.context["form"]["is_free"])
