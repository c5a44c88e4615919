"""The municipality typed by name in the place, call and post forms: resolved ignoring case
and accents, the province asked for homonyms, what was typed kept on error, no list of every
municipality in the page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from directory.staff.forms import BoardPostForm
from directory.staff.town_field import TownField
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def towns(db):
    return {
        "forli": MunicipalityFactory(istat_code="040012", name="Forlì", province_code="FC"),
        "calliano_tn": MunicipalityFactory(
            istat_code="022035", name="Calliano", province_code="TN"
        ),
        "calliano_at": MunicipalityFactory(
            istat_code="005015", name="Calliano", province_code="AT"
        ),
    }


@pytest.mark.parametrize("typed", ["Forlì", "forli", "  FORLI ", "Forli (fc)", "Forlì (FC)"])
def test_a_town_is_found_ignoring_case_and_accents(towns, typed):
    assert TownField().clean(typed) == towns["forli"]


def test_homonyms_need_the_province(towns):
    field = TownField()

    with pytest.raises(ValidationError) as error:
        field.clean("Calliano")

    assert "Calliano (AT)" in str(error.value)
    assert field.clean("calliano (tn)") == towns["calliano_tn"]


@pytest.mark.parametrize("typed", ["Atlantide", "Forlì (MI)", "Ambito Forlì", "Forlì\x00"])
def test_an_unknown_town_gets_a_message(towns, typed):
    with pytest.raises(ValidationError) as error:
        TownField().clean(typed)

    assert error.value.code in ("unknown", "invalid_choice")


def test_a_primary_key_as_revisions_store_it_is_accepted(towns):
    field = TownField()

    assert field.clean(str(towns["forli"].pk)) == towns["forli"]
    assert field.prepare_value(towns["forli"].pk) == "Forlì (FC)"


def test_what_was_typed_is_kept_on_error(towns, organization):
    form = BoardPostForm(
        {"organization": organization.pk, "municipality": "Forlimpopolo", "title": ""},
        organizations=type(organization).objects.filter(pk=organization.pk),
    )

    assert not form.is_valid()
    assert "Forlimpopolo" in str(form["municipality"])
    assert "Forlimpopolo" in form.errors["municipality"][0]


def test_the_place_form_lists_no_municipality(client, staff, organization, towns):
    for n in range(30):
        MunicipalityFactory(istat_code=f"099{n:03d}", name=f"Comune {n}")
    client.force_login(staff)

    page = client.get(reverse("staff:location_new", args=[organization.slug])).content.decode()

    assert 'data-place-suggest="/cerca/luogo/nomi/"' in page
    assert "Comune 7" not in page and "<option" not in page.split('name="municipality"')[1][:300]


def test_a_post_is_saved_with_a_typed_town(client, staff, organization, towns):
    client.force_login(staff)

    response = client.post(
        reverse("staff:board_post_new"),
        {
            "organization": organization.pk,
            "kind": "need",
            "category": "spaces",
            "title": "Cerchiamo una sala",
            "description": "Per 20 persone.",
            "municipality": "forli",
        },
    )

    assert response.status_code == 302
    assert organization.board_posts.get().municipality == towns["forli"]


def test_other_staff_cannot_open_the_place_form(client, other_staff, organization):
    client.force_login(other_staff)
    assert client.get(reverse("staff:location_new", args=[organization.slug])).status_code == 404
