"""The admin's change-list rows drawn cheaply (linkrete/admin_rows.py): the same checkbox as
Django's, and pages of ROWS_PER_PAGE rows."""

import pytest
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.urls import reverse

from directory.models import Organization
from linkrete.admin_rows import ROWS_PER_PAGE, CheapRowsMixin
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_the_checkbox_is_the_one_django_draws():
    organization = OrganizationFactory(name='Oratorio "San Luigi" <Rho> & C.')
    model_admin = admin.site._registry[Organization]
    assert isinstance(model_admin, CheapRowsMixin)
    django_admin = ModelAdmin(Organization, admin.site)
    assert model_admin.action_checkbox(organization) == django_admin.action_checkbox(organization)


def test_a_big_list_shows_a_page_of_rows_and_the_rest_on_the_next(client, coordinator):
    OrganizationFactory.create_batch(ROWS_PER_PAGE + 1)
    client.force_login(coordinator)
    url = reverse("admin:directory_organization_changelist")
    first = client.get(url)
    assert len(first.context["cl"].result_list) == ROWS_PER_PAGE
    assert first.content.decode().count('class="action-select"') == ROWS_PER_PAGE
    second = client.get(url, {"p": 2})
    assert len(second.context["cl"].result_list) == 1
