import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape

from directory.models import Activity, OpeningSlot, Revision
from directory.staff import services
from directory.staff.forms import MAX_SLOTS
from tests.factories import ActivityFactory, LocationFactory, OpeningSlotFactory, category


def profile_data(organization, **changes):
    data = {
        "name": organization.name,
        "legal_form": organization.legal_form,
        "tax_code": "",
        "runts_number": "",
        "description": organization.description,
        "social_utility": "",
        "website": "",
        "email": organization.email,
        "phone": "",
    }
    data.update(changes)
    return data


def test_staff_edit_waits_for_review_and_public_page_is_unchanged(client, staff, organization):
    client.force_login(staff)
    response = client.post(
        reverse("staff:organization_edit", args=[organization.slug]),
        profile_data(organization, description="Una descrizione tutta nuova."),
    )
    assert response.status_code == 302
    revision = Revision.objects.get()
    assert revision.status == Revision.Status.PENDING
    assert revision.data["description"] == "Una descrizione tutta nuova."
    organization.refresh_from_db()
    assert organization.description != "Una descrizione tutta nuova."
    public = client.get(organization.get_absolute_url())
    assert "Una descrizione tutta nuova." not in public.content.decode()


def test_coordinator_sees_field_by_field_diff_and_approval_publishes(
    client, staff, coordinator, organization
):
    client.force_login(staff)
    client.post(
        reverse("staff:organization_edit", args=[organization.slug]),
        profile_data(organization, description="Nuova descrizione.", phone="02 1234567"),
    )
    revision = Revision.objects.get()
    client.force_login(coordinator)
    page = client.get(reverse("staff:review_detail", args=[revision.pk])).content.decode()
    assert "Nuova descrizione." in page
    assert escape(organization.description) in page
    assert "02 1234567" in page

    response = client.post(reverse("staff:review_approve", args=[revision.pk]))
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.description == "Nuova descrizione."
    assert organization.phone == "02 1234567"
    revision.refresh_from_db()
    assert revision.status == Revision.Status.APPROVED
    assert revision.reviewer == coordinator
    assert client.get(organization.get_absolute_url()).content.decode().count("Nuova descrizione.")


def test_rejected_revision_keeps_its_text_and_can_be_reopened(
    client, staff, coordinator, organization
):
    client.force_login(staff)
    client.post(
        reverse("staff:organization_edit", args=[organization.slug]),
        profile_data(organization, social_utility="Testo lungo e curato da non perdere."),
    )
    revision = Revision.objects.get()
    client.force_login(coordinator)
    assert client.post(reverse("staff:review_reject", args=[revision.pk]), {}).status_code == 200
    client.post(
        reverse("staff:review_reject", args=[revision.pk]), {"reason": "Manca il codice fiscale."}
    )
    revision.refresh_from_db()
    assert revision.status == Revision.Status.REJECTED
    assert revision.reason == "Manca il codice fiscale."
    assert revision.data["social_utility"] == "Testo lungo e curato da non perdere."

    client.force_login(staff)
    detail = client.get(
        reverse("staff:revision_detail", args=[organization.slug, revision.pk])
    ).content.decode()
    assert "Manca il codice fiscale." in detail
    reopened = client.get(
        reverse("staff:organization_edit", args=[organization.slug]) + f"?revisione={revision.pk}"
    )
    assert "Testo lungo e curato da non perdere." in reopened.content.decode()
    organization.refresh_from_db()
    assert organization.social_utility == ""


def test_form_errors_re_render_what_was_typed(client, staff, organization):
    client.force_login(staff)
    response = client.post(
        reverse("staff:organization_edit", args=[organization.slug]),
        profile_data(organization, description="Testo scritto con cura.", email="non-una-mail"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Testo scritto con cura." in page
    assert "non-una-mail" in page
    assert not Revision.objects.exists()


def test_trusted_organization_publishes_directly_and_keeps_the_revision(
    client, staff, organization
):
    organization.is_trusted = True
    organization.save()
    client.force_login(staff)
    client.post(
        reverse("staff:organization_edit", args=[organization.slug]),
        profile_data(organization, description="Pubblicato subito."),
    )
    organization.refresh_from_db()
    assert organization.description == "Pubblicato subito."
    revision = Revision.objects.get()
    assert revision.status == Revision.Status.APPROVED
    assert revision.published_directly


def test_new_activity_is_created_only_on_approval(client, staff, coordinator, organization):
    client.force_login(staff)
    response = client.post(
        reverse("staff:activity_new", args=[organization.slug]),
        {
            "title": "Doposcuola del martedì",
            "description": "Compiti insieme.",
            "categories": [category("laboratori").pk],
            "is_free": "True",
            "access": "open",
            "status": "active",
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert not Activity.objects.filter(title="Doposcuola del martedì").exists()
    revision = Revision.objects.get()
    services.revision_approve(revision=revision, reviewer=coordinator)
    activity = Activity.objects.get(title="Doposcuola del martedì")
    assert activity.slug == "doposcuola-del-martedi"
    assert activity.organization == organization
    revision.refresh_from_db()
    assert revision.activity == activity


def test_location_coordinates_typed_without_javascript(client, staff, coordinator, organization):
    location = LocationFactory(organization=organization)
    client.force_login(staff)
    client.post(
        reverse("staff:location_edit", args=[organization.slug, location.pk]),
        {
            "name": "Sede",
            "kind": "physical",
            "address": "Via Roma 1",
            "postal_code": "20090",
            "municipality": location.municipality.pk,
            "latitude": "45.42",
            "longitude": "9.12",
        },
    )
    services.revision_approve(revision=Revision.objects.get(), reviewer=coordinator)
    location.refresh_from_db()
    assert (location.latitude, location.longitude) == (45.42, 9.12)


def hours_post(slots, exceptions=(), **extra):
    data = {
        "slots-TOTAL_FORMS": str(len(slots)),
        "slots-INITIAL_FORMS": "0",
        "exceptions-TOTAL_FORMS": str(len(exceptions)),
        "exceptions-INITIAL_FORMS": "0",
    }
    for i, row in enumerate(slots):
        data.update({f"slots-{i}-{key}": value for key, value in row.items()})
    for i, row in enumerate(exceptions):
        data.update({f"exceptions-{i}-{key}": value for key, value in row.items()})
    data.update(extra)
    return data


def test_hours_editor_adds_a_row_without_losing_input(client, staff, organization):
    activity = ActivityFactory(organization=organization)
    client.force_login(staff)
    url = reverse("staff:activity_hours", args=[organization.slug, activity.pk])
    response = client.post(
        url,
        hours_post(
            [{"weekday": "2", "opens_at": "16:30", "closes_at": "18:45", "notes": "Aula 3"}],
            add_slot="1",
        ),
    )
    assert response.status_code == 200
    assert response.context["slots"].total_form_count() == 2
    page = response.content.decode()
    assert "16:30" in page and "Aula 3" in page
    assert not Revision.objects.exists()


@pytest.mark.parametrize("count", ["abc", "²", "99999999999999999999"])
def test_a_tampered_row_count_is_an_error_not_a_crash(client, staff, organization, count):
    activity = ActivityFactory(organization=organization)
    client.force_login(staff)
    url = reverse("staff:activity_hours", args=[organization.slug, activity.pk])
    for extra in ({"add_slot": "1"}, {}):
        data = {**hours_post([]), "slots-TOTAL_FORMS": count, **extra}
        response = client.post(url, data)
        assert response.status_code == 200
        assert response.context["slots"].non_form_errors()
        assert response.context["slots"].total_form_count() <= MAX_SLOTS
    assert not Revision.objects.exists()


def test_hours_replace_slots_on_approval_and_drop_deleted_rows(
    client, staff, coordinator, organization
):
    activity = ActivityFactory(organization=organization)
    OpeningSlotFactory(activity=activity)
    client.force_login(staff)
    url = reverse("staff:activity_hours", args=[organization.slug, activity.pk])
    response = client.post(
        url,
        hours_post(
            [
                {"weekday": "2", "opens_at": "16:30", "closes_at": "18:30"},
                {"weekday": "6", "opens_at": "09:00", "closes_at": "12:00", "DELETE": "on"},
            ],
            [{"date": "2026-12-24", "is_closed": "on", "reason": "Vigilia"}],
        ),
    )
    assert response.status_code == 302
    assert OpeningSlot.objects.get(activity=activity).weekday == 6  # unchanged until approved
    services.revision_approve(revision=Revision.objects.get(), reviewer=coordinator)
    slots = list(activity.opening_slots.all())
    assert [(s.weekday, s.opens_at) for s in slots] == [(2, datetime.time(16, 30))]
    assert activity.schedule_exceptions.get().reason == "Vigilia"


def test_hours_rows_that_close_before_opening_are_refused(client, staff, organization):
    activity = ActivityFactory(organization=organization)
    client.force_login(staff)
    url = reverse("staff:activity_hours", args=[organization.slug, activity.pk])
    response = client.post(
        url, hours_post([{"weekday": "2", "opens_at": "18:00", "closes_at": "16:00"}])
    )
    assert response.status_code == 200
    assert "18:00" in response.content.decode()
    assert not Revision.objects.exists()


def test_review_queue_query_count_does_not_grow(
    client, coordinator, staff, organization, django_assert_max_num_queries
):
    for i in range(15):
        Revision.objects.create(
            organization=organization, kind="organization", data={"name": f"N{i}"}, author=staff
        )
    client.force_login(coordinator)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("staff:review_queue"))
    assert len(response.context["revisions"]) == 15


def test_revision_detail_query_count(
    client, coordinator, staff, organization, django_assert_max_num_queries
):
    revision = Revision.objects.create(
        organization=organization, kind="organization", data={"name": "N"}, author=staff
    )
    client.force_login(coordinator)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("staff:review_detail", args=[revision.pk])).status_code == 200


@pytest.mark.parametrize("name", ["home", "organization"])
def test_staff_home_and_dashboard_query_counts(
    client, staff, organization, django_assert_max_num_queries, name
):
    for _ in range(5):
        ActivityFactory(organization=organization)
    client.force_login(staff)
    args = [organization.slug] if name == "organization" else []
    with django_assert_max_num_queries(12):
        assert client.get(reverse(f"staff:{name}", args=args)).status_code == 200


def test_an_approved_activity_is_found_by_the_search_at_once(
    client, staff, coordinator, organization
):
    client.force_login(staff)
    client.post(
        reverse("staff:activity_new", args=[organization.slug]),
        {
            "title": "Laboratorio di ceramica",
            "description": "Mani in pasta.",
            "categories": [category("laboratori").pk],
            "is_free": "True",
            "access": "open",
            "status": "active",
        },
    )
    services.revision_approve(revision=Revision.objects.get(), reviewer=coordinator)
    found = client.get(reverse("directory:search"), {"q": "ceramica"}).content.decode()
    assert 'data-activity="laboratorio-di-ceramica"' in found
