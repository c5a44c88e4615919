"""An organization's approved translation finds it on the search page of its language
("Organizations matching your words"), in its language's text search configuration as the
activities' are; the Italian pages and the other languages' match the names only, as before
(issue 13)."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from directory.models import OrganizationTranslation, Revision
from directory.search import organization_translations, rebuild_search_index
from tests.factories import OrganizationTranslationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


def found(client, prefix, q, organization):
    caches["pages"].clear()
    response = client.get(f"{prefix}/cerca/", {"q": q})
    assert response.status_code == 200
    return f'data-organization="{organization.slug}"' in response.content.decode()


def test_an_approved_translation_finds_the_organization_on_its_languages_page(
    client, staff, coordinator, organization
):
    client.force_login(staff)
    url = reverse("staff:organization_translation", args=[organization.slug, "uk"])
    text = "Соціальна крамниця для сімей, яким важко."
    assert client.post(url, {"description": text, "social_utility": ""}).status_code == 302
    client.force_login(coordinator)
    client.post(reverse("staff:review_approve", args=[Revision.objects.get().pk]))
    client.logout()

    vector = OrganizationTranslation.objects.values_list("search_vector", flat=True).get()
    assert "'крамниця'" in vector
    assert found(client, "/uk", "крамниці", organization)  # a prefix: the last letter differs
    assert not found(client, "", "крамниця", organization)
    assert not found(client, "/es", "крамниця", organization)


@pytest.mark.parametrize(
    ("language", "text", "query"),
    [
        ("es", "Una tienda solidaria para las familias.", "tiendas solidarias"),
        ("fr", "Une épicerie solidaire pour les familles.", "epiceries"),
        ("zh-hans", "为困难家庭开设的互助商店。", "商店"),
        ("ar", "متجر تضامني للأسر المحتاجة.", "متجر"),
    ],
)
def test_each_language_is_searched_with_its_configuration(
    client, organization, language, text, query
):
    OrganizationTranslationFactory(organization=organization, language=language, description=text)
    rebuild_search_index()  # a full rebuild writes the organizations' vectors too
    assert found(client, f"/{language}", query, organization)


def test_a_translation_of_an_unpublished_organization_finds_nothing(client, organization):
    translation = OrganizationTranslationFactory(
        organization=organization, language="es", description="Tienda solidaria."
    )
    organization_translations.refresh_organization(organization)
    type(organization).objects.filter(pk=organization.pk).update(status="draft")
    assert not found(client, "/es", "tienda", organization)
    assert translation.pk
