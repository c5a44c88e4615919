"""The desks in the coordinators' admin: every page opens, searches and filters; and every model
registered in the admin anywhere is exercised by one of the admin tests."""

import pytest
from django.contrib import admin
from django.urls import reverse

from directory.models import Event, Network, NetworkAction, SurveyResponse, SurveyRound
from famiglie.models import Case, Team
from sportelli import services
from sportelli.models import Access, Booking, Desk, Referral
from tests.directory import test_admin as directory_admin_tests
from tests.factories import AccessFactory, BookingFactory, DeskExceptionFactory, UserFactory

pytestmark = pytest.mark.django_db

# (model, a search term that finds the row of the ``rows`` fixture, or None: no search box)
MODELS = [(Desk, "Pagnana"), (Booking, "abc123"), (Access, None), (Referral, None)]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture(params=["coordinator", "superuser"])
def admin_client(request, client):
    if request.param == "superuser":
        user = UserFactory(username="amministratrice", is_staff=True, is_superuser=True)
    else:
        user = request.getfixturevalue("coordinator")
    client.force_login(user)
    return client


@pytest.fixture
def rows(desk, desk_operator, other_organization):
    DeskExceptionFactory(desk=desk)
    BookingFactory(desk=desk, code="ABC123")
    AccessFactory(desk=desk)
    services.referral_create(
        sent_by=desk_operator,
        from_desk=desk,
        to_organization=other_organization,
        person_name="Persona Segnalata",
        person_contact="333",
        need="Aiuto",
        consent_to_share=True,
    )


@pytest.mark.parametrize(("model", "term"), MODELS, ids=lambda v: getattr(v, "__name__", ""))
def test_changelist_search_and_every_filter_open(admin_client, rows, model, term):
    response = admin_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    changelist = response.context["cl"]
    assert changelist.result_count == 1

    if term:
        searched = admin_client.get(admin_url(model, "changelist"), {"q": term})
        assert searched.context["cl"].result_count == 1

    for spec in changelist.filter_specs:
        for choice in spec.choices(changelist):
            filtered = admin_client.get(admin_url(model, "changelist") + choice["query_string"])
            assert filtered.status_code == 200, (spec.title, choice)


@pytest.mark.parametrize(("model", "term"), MODELS, ids=lambda v: getattr(v, "__name__", ""))
def test_add_and_change_forms_open(admin_client, rows, model, term):
    assert admin_client.get(admin_url(model, "add")).status_code == 200
    obj = model._default_manager.get()
    assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_the_referred_persons_name_stays_off_the_referral_list(admin_client, rows):
    page = admin_client.get(admin_url(Referral, "changelist")).content.decode()
    assert "Persona Segnalata" not in page


def test_every_model_of_ours_in_the_admin_is_exercised_by_an_admin_test():
    exercised = {model for model, _term in MODELS + directory_admin_tests.MODELS}
    # famiglie's two admins: tests/famiglie/test_access_matrix.py (teams, and case counts only).
    exercised |= {Team, Case}
    # Events: tests/directory/test_event_admin.py (list, search, change form with sessions).
    exercised |= {Event}
    # Networks and their actions: tests/directory/test_network_admin.py (list, search, change
    # forms with members, board, meetings, actions and targets inline).
    exercised |= {Network, NetworkAction}
    # The needs survey's rounds and responses: tests/directory/test_survey_admin.py.
    exercised |= {SurveyRound, SurveyResponse}
    ours = {
        model
        for model in admin.site._registry
        if model.__module__.split(".")[0] in {"linkrete", "directory", "sportelli", "famiglie"}
    }
    assert ours - exercised == set()


def test_the_desk_form_searches_operators_instead_of_listing_every_account(admin_client, rows):
    # 10,000 accounts at national scale were each an option of the form (3.7 s).
    UserFactory(username="volontaria-qualsiasi")
    desk = Desk.objects.get()
    page = admin_client.get(admin_url(Desk, "change", desk.pk)).content.decode()
    assert "volontaria-qualsiasi" not in page
    assert 'data-model-name="user"' in page or "admin-autocomplete" in page
