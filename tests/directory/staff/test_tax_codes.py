"""Codici fiscali typed in the association area: checked, optional, stored in upper case."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from directory.models import Revision, Volunteer
from tests.directory.staff.test_revisions import profile_data

VALID_PERSON = "RSSMRA85T10A562S"


def volunteer_data(**changes):
    data = {
        "first_name": "Giulia",
        "last_name": "Verdi",
        "tax_code": "",
        "birth_date": "1985-12-10",
        "email": "giulia.verdi@example.org",
        "start_date": "2026-01-10",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("XYZ", "A person's tax code has 16 letters and digits, such as RSSMRA85T10A562S."),
        ("97008540151", "A person's tax code has 16 letters and digits, such as RSSMRA85T10A562S."),
        ("RSSMRA85T10A562T", "This tax code is not valid: its check character does not match."),
    ],
)
def test_a_wrong_volunteer_tax_code_is_refused_and_nothing_is_lost(
    client, staff, organization, code, message
):
    client.force_login(staff)
    response = client.post(
        reverse("staff:volunteer_new", args=[organization.slug]), volunteer_data(tax_code=code)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["tax_code"] == [_(message)]
    assert form["last_name"].value() == "Verdi"
    assert form["tax_code"].value() == code
    assert not Volunteer.objects.exists()


@pytest.mark.parametrize("typed", [VALID_PERSON, "rssmra85t10a562s", " RSS MRA 85T10 A562S "])
def test_a_volunteer_tax_code_is_stored_in_upper_case(client, staff, organization, typed):
    client.force_login(staff)
    response = client.post(
        reverse("staff:volunteer_new", args=[organization.slug]), volunteer_data(tax_code=typed)
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Volunteer.objects.get().tax_code == VALID_PERSON


def test_a_volunteer_tax_code_is_optional(client, staff, organization):
    client.force_login(staff)
    response = client.post(
        reverse("staff:volunteer_new", args=[organization.slug]), volunteer_data()
    )
    assert response.status_code == 302
    assert Volunteer.objects.get().tax_code == ""


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("97008540151", "97008540151"), ("rssmra85t10a562s", VALID_PERSON)],
)
def test_an_organization_tax_code_is_a_bodys_or_a_persons(
    client, staff, organization, typed, stored
):
    client.force_login(staff)
    response = client.post(
        reverse("staff:organization_edit", args=[organization.slug]),
        profile_data(organization, tax_code=typed),
    )
    assert response.status_code == 302
    assert Revision.objects.get().data["tax_code"] == stored


def test_a_wrong_organization_tax_code_is_refused(client, staff, organization):
    client.force_login(staff)
    response = client.post(
        reverse("staff:organization_edit", args=[organization.slug]),
        profile_data(organization, tax_code="XYZ", phone="02 1111111"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["tax_code"] == [
        _("A tax code has 11 digits (a body's) or 16 letters and digits (a person's).")
    ]
    assert form["phone"].value() == "02 1111111"
    assert not Revision.objects.exists()


def test_an_organization_tax_code_of_16_characters_is_checked_as_a_persons(
    client, staff, organization
):
    # The check letter matches, but Z is no month: only the person's pattern sees it.
    client.force_login(staff)
    response = client.post(
        reverse("staff:organization_edit", args=[organization.slug]),
        profile_data(organization, tax_code="RSSMRA85Z10A562B"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["tax_code"] == [
        _("A person's tax code has 16 letters and digits, such as RSSMRA85T10A562S.")
    ]
    assert not Revision.objects.exists()
