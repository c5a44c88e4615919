"""An activity's optional enrolment period: typed in the association area (reviewed like the
rest) and the admin, refused with a clear message when it closes before it opens."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from directory.models import Activity, Revision
from directory.staff import services
from tests.directory.test_admin import activity_post, admin_url
from tests.factories import ActivityFactory, LocationFactory, category

MESSAGE = "Le iscrizioni devono chiudersi lo stesso giorno in cui si aprono o dopo."


def activity_data(**changes):
    return {
        "title": "Centro estivo",
        "description": "Giochi e gite d'estate.",
        "categories": [category("centri-estivi").pk],
        "is_free": "True",
        "access": "booking",
        "status": "active",
        "valid_from": "2027-06-14",
        "valid_to": "2027-07-30",
        **changes,
    }


def test_enrolment_closing_before_it_opens_is_refused_and_what_was_typed_kept(
    client, staff, organization
):
    client.force_login(staff)
    response = client.post(
        reverse("staff:activity_new", args=[organization.slug]),
        activity_data(enrolment_opens="2027-05-15", enrolment_closes="2027-03-01"),
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["enrolment_closes"] == [MESSAGE]
    assert MESSAGE in response.content.decode()
    assert form["enrolment_opens"].value() == "2027-05-15"
    assert form["title"].value() == "Centro estivo"
    assert not Revision.objects.exists()


def test_the_enrolment_period_goes_through_review_and_reaches_the_activity(
    client, staff, coordinator, organization
):
    client.force_login(staff)
    response = client.post(
        reverse("staff:activity_new", args=[organization.slug]),
        activity_data(enrolment_opens="2027-03-01", enrolment_closes="2027-05-15"),
    )
    assert response.status_code == 302
    revision = Revision.objects.get()
    assert revision.data["enrolment_opens"] == "2027-03-01"
    client.force_login(coordinator)
    page = client.get(reverse("staff:review_detail", args=[revision.pk])).content.decode()
    rows = re.sub(r"\s+", " ", page)
    assert "Apertura delle iscrizioni" in rows and "<td>2027-03-01</td>" in rows
    assert "Chiusura delle iscrizioni" in rows and "<td>2027-05-15</td>" in rows

    services.revision_approve(revision=revision, reviewer=coordinator)

    activity = Activity.objects.get(title="Centro estivo")
    assert activity.enrolment_opens == datetime.date(2027, 3, 1)
    assert activity.enrolment_closes == datetime.date(2027, 5, 15)


def test_the_edit_form_shows_the_enrolment_period(client, staff, organization):
    activity = ActivityFactory(organization=organization, enrolment_opens=datetime.date(2027, 3, 1))
    client.force_login(staff)
    response = client.get(reverse("staff:activity_edit", args=[organization.slug, activity.pk]))

    assert 'name="enrolment_opens" value="2027-03-01"' in response.content.decode()


def test_the_model_and_the_database_refuse_it_too(db):
    activity = ActivityFactory.build(
        enrolment_opens=datetime.date(2027, 5, 15), enrolment_closes=datetime.date(2027, 3, 1)
    )
    with pytest.raises(ValidationError) as refused:
        activity.clean()
    assert "enrolment_closes" in refused.value.message_dict


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def test_the_admin_refuses_it_with_the_message_and_saves_nothing(coordinator_client, organization):
    location = LocationFactory(organization=organization)
    data = {
        **activity_post(organization, location, ("16:00", "18:00")),
        "enrolment_opens": "2027-05-15",
        "enrolment_closes": "2027-03-01",
    }
    response = coordinator_client.post(admin_url(Activity, "add"), data)

    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not Activity.objects.filter(slug="aiuto-compiti").exists()


def test_the_admin_saves_a_good_period(coordinator_client, organization):
    location = LocationFactory(organization=organization)
    data = {
        **activity_post(organization, location, ("16:00", "18:00")),
        "enrolment_opens": "2027-03-01",
        "enrolment_closes": "",
    }
    response = coordinator_client.post(admin_url(Activity, "add"), data)

    assert response.status_code == 302
    activity = Activity.objects.get(slug="aiuto-compiti")
    assert activity.enrolment_opens == datetime.date(2027, 3, 1)
    assert activity.enrolment_closes is None
