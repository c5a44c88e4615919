"""The organization typed by name or tax code where a coordinator may act for any organization
of the network (post, answer, ask for course places, invite): resolved on the server, a clear
message when none or several match, what was typed kept, no list of every organization."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import BoardAnswer, BoardPost, Organization
from directory.staff.organization_field import OrganizationField
from tests.factories import BoardPostFactory, CourseFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bodies(db):
    return {
        "empoli": OrganizationFactory(name="Auser Empoli", tax_code="91000000001"),
        "vinci": OrganizationFactory(name="Auser Vinci", tax_code="91000000002"),
        "forli": OrganizationFactory(name="Caritas Forlì", tax_code=""),
    }


@pytest.mark.parametrize(
    "typed", ["Auser Empoli", "  auser EMPOLI ", "91000000001", "9100 0000 001", "empoli"]
)
def test_an_organization_is_found_by_name_or_tax_code(bodies, typed):
    assert OrganizationField().clean(typed) == bodies["empoli"]


def test_accents_and_case_do_not_matter(bodies):
    assert OrganizationField().clean("caritas forli") == bodies["forli"]


def test_what_the_box_shows_resolves_to_the_same_organization(bodies):
    field = OrganizationField()

    shown = field.prepare_value(bodies["empoli"])

    assert shown == "Auser Empoli (91000000001)"
    assert field.clean(shown) == bodies["empoli"]
    assert field.prepare_value(bodies["forli"].pk) == "Caritas Forlì"


def test_several_matches_ask_for_more(bodies):
    with pytest.raises(ValidationError) as error:
        OrganizationField().clean("auser")

    assert error.value.code == "ambiguous"
    assert "Auser Empoli (91000000001)" in str(error.value) or "Auser Vinci (9100" in str(
        error.value
    )


def test_homonyms_are_told_apart_by_tax_code(bodies):
    twin = OrganizationFactory(name="Auser Empoli", slug="auser-empoli-2", tax_code="91000000003")
    field = OrganizationField()

    with pytest.raises(ValidationError):
        field.clean("Auser Empoli")
    assert field.clean("Auser Empoli (91000000003)") == twin


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Atlantide", "unknown"),
        ("99999999999", "unknown"),
        ("Au", "invalid_choice"),
        ("Auser\x00", "invalid_choice"),
    ],
)
def test_no_match_gets_a_message(bodies, typed, code):
    with pytest.raises(ValidationError) as error:
        OrganizationField().clean(typed)

    assert error.value.code == code


def test_the_queryset_bounds_what_may_be_chosen(bodies):
    field = OrganizationField(queryset=Organization.objects.exclude(pk=bodies["vinci"].pk))

    assert field.clean("auser") == bodies["empoli"]
    with pytest.raises(ValidationError):
        field.clean("91000000002")


POST = {
    "kind": BoardPost.Kind.NEED,
    "category": BoardPost.Category.VOLUNTEERS,
    "title": "Cerchiamo autisti",
    "description": "Per i trasporti del sabato.",
}


def test_a_coordinator_posts_for_an_organization_typed_by_name(client, coordinator, bodies):
    client.force_login(coordinator)

    response = client.post(reverse("staff:board_post_new"), {**POST, "organization": "auser vinci"})

    assert response.status_code == 302
    assert BoardPost.objects.get().organization == bodies["vinci"]


def test_what_the_coordinator_typed_is_kept_with_the_message(client, coordinator, bodies):
    client.force_login(coordinator)

    response = client.post(reverse("staff:board_post_new"), {**POST, "organization": "Auser"})

    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Auser"' in page and 'value="Cerchiamo autisti"' in page
    assert "Più di un ente" in page
    assert not BoardPost.objects.exists()


def test_the_coordinators_post_form_lists_no_organization(client, coordinator, bodies):
    client.force_login(coordinator)

    page = client.get(reverse("staff:board_post_new")).content.decode()

    assert "Auser Empoli" not in page
    assert "<option" not in page.split('name="organization"')[1][:300]


def test_staff_still_choose_among_their_own(client, staff, organization, bodies):
    client.force_login(staff)

    page = client.get(reverse("staff:board_post_new")).content.decode()

    assert f'<option value="{organization.pk}"' in page
    assert "Auser Empoli" not in page


def test_staff_cannot_type_another_organization(client, staff, bodies):
    client.force_login(staff)

    response = client.post(reverse("staff:board_post_new"), {**POST, "organization": "91000000001"})

    assert response.status_code == 200 and not BoardPost.objects.exists()


def test_a_coordinator_answers_a_post_for_a_typed_organization(
    client, coordinator, staff, organization, bodies
):
    post = BoardPostFactory(organization=organization, author=staff)
    client.force_login(coordinator)
    url = reverse("staff:board_post", args=[post.pk])

    assert "Auser Vinci" not in client.get(url).content.decode()
    response = client.post(url, {"organization": "91000000002", "message": "Ci siamo"})

    assert response.status_code == 302
    assert BoardAnswer.objects.get().organization == bodies["vinci"]


def test_a_coordinator_asks_for_course_places_for_a_typed_organization(client, coordinator, bodies):
    course = CourseFactory(is_open_to_network=True)
    client.force_login(coordinator)
    url = reverse("staff:network_course_request", args=[course.pk])

    response = client.post(url, {"organization": "auser empoli", "places": "2", "message": ""})

    assert response.status_code == 302
    assert course.place_requests.get().organization == bodies["empoli"]


def test_a_coordinator_invites_to_a_typed_organization(client, coordinator, bodies):
    client.force_login(coordinator)
    url = reverse("staff:invite")

    page = client.get(url, {"ente": bodies["vinci"].slug}).content.decode()

    assert 'value="Auser Vinci (91000000002)"' in page
    assert "Auser Empoli" not in page


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# Session, user, roles, the second factor's device, the membership check; nothing per organization.
def test_the_coordinators_forms_cost_the_same_whatever_the_network(client, coordinator, bodies):
    client.force_login(coordinator)
    post = BoardPostFactory()
    urls = [reverse("staff:board_post_new"), reverse("staff:board_post", args=[post.pk])]
    small = [_count(client, url) for url in urls]
    OrganizationFactory.create_batch(30)
    assert [_count(client, url) for url in urls] == small


def test_a_name_of_sixteen_letters_is_not_taken_for_a_tax_code(organization):
    """ "Oratorio San Luigi" without spaces has the length of a person's tax code."""
    assert OrganizationField().clean("Oratorio San Luigi") == organization
