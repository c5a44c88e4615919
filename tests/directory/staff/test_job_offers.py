"""Job offers in the association area: posted by the organization's staff without review,
valid until a day, listed with those expired."""

import pytest
from django.urls import reverse

from directory.models import JobOffer
from tests.factories import JobOfferFactory, MunicipalityFactory

pytestmark = pytest.mark.usefixtures("pinned_now")


def _data(**overrides):
    return {
        "title": "Tirocinio in magazzino",
        "description": "Carico e scarico, inventario.",
        "municipality": "Buccinasco",
        "contract_kind": "internship",
        "hours": "20 ore settimanali",
        "skills": ["warehouse", "driving"],
        "valid_until": "2027-01-31",
        **overrides,
    }


def test_staff_post_an_offer_without_review(client, staff, organization):
    MunicipalityFactory()
    client.force_login(staff)

    response = client.post(reverse("staff:job_offer_new", args=[organization.slug]), _data())

    assert response.status_code == 302
    offer = JobOffer.objects.get()
    assert offer.organization == organization and offer.created_by == staff
    assert offer.skills == ["warehouse", "driving"]
    assert offer.municipality.name == "Buccinasco"


def test_a_past_day_and_no_skill_are_refused_keeping_what_was_typed(client, staff, organization):
    MunicipalityFactory()
    client.force_login(staff)

    response = client.post(
        reverse("staff:job_offer_new", args=[organization.slug]),
        _data(valid_until="2026-11-01", skills=[], title="Cuoco per mensa"),
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Cuoco per mensa" in page
    assert set(response.context["form"].errors) == {"valid_until", "skills"}
    assert not JobOffer.objects.exists()


def test_the_list_says_which_offers_expired(client, staff, organization):
    import datetime

    JobOfferFactory(organization=organization, title="Ancora valida")
    JobOfferFactory(
        organization=organization, title="Ormai scaduta", valid_until=datetime.date(2026, 11, 2)
    )
    client.force_login(staff)

    response = client.get(reverse("staff:job_offer_list", args=[organization.slug]))

    assert response.status_code == 200
    assert [o.title for o in response.context["offers"]] == ["Ancora valida", "Ormai scaduta"]
    assert response.context["today"] > datetime.date(2026, 11, 2)


def test_another_organizations_offer_is_a_404(client, staff, organization, other_organization):
    offer = JobOfferFactory(organization=other_organization)
    client.force_login(staff)

    response = client.get(reverse("staff:job_offer_edit", args=[organization.slug, offer.pk]))

    assert response.status_code == 404


# Session, user, second factor, organization, membership, COUNT and the page of offers with
# their towns.
OFFER_LIST_QUERIES = 7


def test_the_list_queries_do_not_grow_with_the_offers(client, staff, organization):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(staff)
    url = reverse("staff:job_offer_list", args=[organization.slug])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    JobOfferFactory(organization=organization)
    small = count()
    for _ in range(15):
        JobOfferFactory(organization=organization)
    assert count() == small == OFFER_LIST_QUERIES
