"""The organization's change form lists its first activities and links to the list of all of
them, whatever their number (directory/admin/organization.py, ACTIVITIES_SHOWN)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.admin.organization import ACTIVITIES_SHOWN
from directory.models import Activity, Organization
from tests.directory.test_search_refresh import changeform_data
from tests.factories import ActivityFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def change_url(organization):
    return reverse("admin:directory_organization_change", args=[organization.pk])


def add_activities(organization, start, stop):
    for n in range(start, stop):
        ActivityFactory(organization=organization, title=f"Attività {n:03}")


def test_the_form_shows_the_first_activities_and_links_to_all_of_them(coordinator_client):
    organization = OrganizationFactory()
    add_activities(organization, 0, ACTIVITIES_SHOWN + 5)
    page = coordinator_client.get(change_url(organization)).content.decode()
    for n in range(ACTIVITIES_SHOWN):
        activity = Activity.objects.get(title=f"Attività {n:03}")
        assert reverse("admin:directory_activity_change", args=[activity.pk]) in page
    assert f"Attività {ACTIVITIES_SHOWN:03}" not in page
    listed = f"{reverse('admin:directory_activity_changelist')}?organization__id__exact="
    assert f"{listed}{organization.pk}" in page
    assert f"tutte le sue {ACTIVITIES_SHOWN + 5} attività" in page


def test_the_link_lists_only_that_organizations_activities(coordinator_client):
    organization, other = OrganizationFactory(), OrganizationFactory()
    add_activities(organization, 0, 2)
    ActivityFactory(organization=other, title="Di un altro ente")
    response = coordinator_client.get(
        reverse("admin:directory_activity_changelist"),
        {"organization__id__exact": organization.pk},
    )
    assert response.status_code == 200
    assert {a.title for a in response.context["cl"].result_list} == {"Attività 000", "Attività 001"}


def test_an_organization_without_activities_says_so(coordinator_client):
    page = coordinator_client.get(change_url(OrganizationFactory())).content.decode()
    assert "Non ci sono ancora attività." in page


def test_the_add_form_has_no_list_of_activities(coordinator_client):
    response = coordinator_client.get(reverse("admin:directory_organization_add"))
    assert response.status_code == 200
    assert "organization__id__exact" not in response.content.decode()


def test_saving_the_form_keeps_the_activities(coordinator_client):
    organization = OrganizationFactory(name="Oratorio Prima")
    add_activities(organization, 0, ACTIVITIES_SHOWN + 1)
    response = coordinator_client.get(change_url(organization))
    data = {**changeform_data(response), "name": "Oratorio Dopo"}
    assert coordinator_client.post(change_url(organization), data).status_code == 302
    assert Organization.objects.get(pk=organization.pk).name == "Oratorio Dopo"
    assert organization.activities.count() == ACTIVITIES_SHOWN + 1


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_forms_query_count_does_not_grow_with_its_activities(coordinator_client):
    organization = OrganizationFactory()
    add_activities(organization, 0, 2)
    coordinator_client.get(change_url(organization))  # content types, read once
    few = queries(coordinator_client, change_url(organization))
    add_activities(organization, 2, ACTIVITIES_SHOWN + 10)
    many = queries(coordinator_client, change_url(organization))
    assert (few, many) == (12, 12)  # 11, and the coordinator's role (linkrete/admin_scope.py)
