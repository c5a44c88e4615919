"""The review page: the proposed image itself, badges only on real changes, the decision form."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _

from directory.models import Revision
from tests.directory.staff.test_images import jpeg_with_gps
from tests.directory.staff.test_revisions import profile_data
from tests.factories import LocationFactory


@pytest.fixture
def logo_revision(client, staff, organization):
    client.force_login(staff)
    client.post(
        reverse("staff:organization_edit", args=[organization.slug]),
        {**profile_data(organization), "logo_upload": jpeg_with_gps()},
    )
    client.logout()
    return Revision.objects.get()


def test_the_coordinator_sees_the_proposed_image(client, coordinator, logo_revision):
    client.force_login(coordinator)
    response = client.get(reverse("staff:review_detail", args=[logo_revision.pk]))
    image_url = reverse("staff:review_image", args=[logo_revision.pk])
    page = response.content.decode()
    assert f'src="{image_url}"' in page
    assert response.context["image"]["alt"] in page
    assert _("new image") not in page

    with default_storage.open(logo_revision.data["image"]) as stored:
        expected = stored.read()
    image = client.get(image_url)
    assert image.status_code == 200
    assert image["Content-Type"] == "image/jpeg"
    assert image["Cache-Control"] == "private, no-store"
    assert b"".join(image.streaming_content) == expected


def test_the_author_sees_the_image_on_the_organizations_history(client, staff, logo_revision):
    client.force_login(staff)
    slug = logo_revision.organization.slug
    page = client.get(reverse("staff:revision_detail", args=[slug, logo_revision.pk]))
    image_url = reverse("staff:revision_image", args=[slug, logo_revision.pk])
    assert f'src="{image_url}"' in page.content.decode()
    image = client.get(image_url)
    assert image.status_code == 200
    assert image["Cache-Control"] == "private, no-store"


def test_other_staff_get_404_for_the_image(client, staff, other_staff, logo_revision):
    slug = logo_revision.organization.slug
    client.force_login(other_staff)
    assert client.get(reverse("staff:review_image", args=[logo_revision.pk])).status_code == 404
    url = reverse("staff:revision_image", args=[slug, logo_revision.pk])
    assert client.get(url).status_code == 404
    # Their own organization's address does not reach another organization's revision.
    own = other_staff.memberships.get().organization.slug
    url = reverse("staff:revision_image", args=[own, logo_revision.pk])
    assert client.get(url).status_code == 404
    # The author's organization is not a reviewer: the review address stays closed.
    client.force_login(staff)
    assert client.get(reverse("staff:review_image", args=[logo_revision.pk])).status_code == 404


def test_anonymous_visitors_never_get_the_image(client, logo_revision):
    # As everywhere in the signed-in area, a visitor is sent to the login page.
    for url in (
        reverse("staff:review_image", args=[logo_revision.pk]),
        reverse("staff:revision_image", args=[logo_revision.organization.slug, logo_revision.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_a_revision_without_an_image_has_no_image_address(client, staff, coordinator, organization):
    client.force_login(staff)
    client.post(
        reverse("staff:organization_edit", args=[organization.slug]),
        profile_data(organization, description="Solo testo."),
    )
    revision = Revision.objects.get()
    client.force_login(coordinator)
    assert client.get(reverse("staff:review_image", args=[revision.pk])).status_code == 404


def test_a_rejected_image_is_gone(
    client, coordinator, logo_revision, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("staff:review_reject", args=[logo_revision.pk]), {"reason": "No."})
    assert client.get(reverse("staff:review_image", args=[logo_revision.pk])).status_code == 404


def _changed(response):
    return {str(row["label"]).lower() for row in response.context["diff"] if row["changed"]}


def test_only_fields_that_really_change_are_badged(client, staff, coordinator, organization):
    client.force_login(staff)
    client.post(
        reverse("staff:organization_edit", args=[organization.slug]),
        profile_data(organization, description="Una descrizione nuova."),
    )
    revision = Revision.objects.get()
    client.force_login(coordinator)
    response = client.get(reverse("staff:review_detail", args=[revision.pk]))
    assert _changed(response) == {str(_("description"))}
    assert response.content.decode().count(f">{_('changed')}<") == 1


def test_unchanged_coordinates_and_empty_fields_of_a_location_are_not_badged(
    client, staff, coordinator, organization
):
    location = LocationFactory(organization=organization, latitude=45.42, longitude=9.12)
    client.force_login(staff)
    client.post(
        reverse("staff:location_edit", args=[organization.slug, location.pk]),
        {
            "name": "Sede nuova",
            "kind": location.kind,
            "address": location.address,
            "postal_code": location.postal_code,
            "municipality": location.municipality.pk,
            "latitude": "45.420",
            "longitude": "9.12",
            "url": location.url,
            "accessibility_notes": location.accessibility_notes,
            "transport_notes": location.transport_notes,
            **{
                name: "on"
                for name in ("wheelchair_accessible", "has_lift", "accessible_toilet")
                if getattr(location, name)
            },
        },
    )
    revision = Revision.objects.get()
    client.force_login(coordinator)
    response = client.get(reverse("staff:review_detail", args=[revision.pk]))
    assert _changed(response) == {str(_("name"))}


def test_a_new_record_badges_only_what_it_fills_in(client, staff, coordinator, organization):
    client.force_login(staff)
    client.post(
        reverse("staff:location_new", args=[organization.slug]),
        {
            "name": "Sede",
            "kind": "physical",
            "address": "Via Roma 1",
            "postal_code": "20090",
            "municipality": LocationFactory(organization=organization).municipality.pk,
        },
    )
    revision = Revision.objects.get()
    client.force_login(coordinator)
    response = client.get(reverse("staff:review_detail", args=[revision.pk]))
    changed = _changed(response)
    assert str(_("name")) in changed and str(_("address")) in changed
    assert str(_("latitude")) not in changed
    assert str(_("wheelchair access")) not in changed


def test_the_reason_comes_before_the_buttons(client, coordinator, logo_revision):
    client.force_login(coordinator)
    page = client.get(reverse("staff:review_detail", args=[logo_revision.pk])).content.decode()
    reason = page.index('name="reason"')
    approve = page.index(_("Approve and publish"))
    reject = page.index(f">{_('Reject')}</button>")
    assert reason < approve < reject
    approve_url = reverse("staff:review_approve", args=[logo_revision.pk])
    assert f'formaction="{approve_url}" formnovalidate' in page


def test_approving_with_the_form_ignores_an_empty_reason(client, coordinator, logo_revision):
    client.force_login(coordinator)
    response = client.post(reverse("staff:review_approve", args=[logo_revision.pk]), {"reason": ""})
    assert response.status_code == 302
    logo_revision.refresh_from_db()
    assert logo_revision.status == Revision.Status.APPROVED
