import pytest
from django.urls import reverse

from directory.models import Activity, Category, PublicationStatus
from tests.directory.helpers import count_queries
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ZoneFactory,
    category,
)

pytestmark = pytest.mark.django_db


def root_count(response, slug):
    return next(c for c in response.context["need_categories"] if c.slug == slug).activity_count


def test_home_counts_visible_activities_of_a_root_and_its_children_once_each(client):
    ActivityFactory(categories=[category("sport")])
    ActivityFactory(categories=[category("laboratori"), category("socialita")])
    ActivityFactory(categories=[category("sostegno-alimentare")])
    ActivityFactory(categories=[category("sport")], publication_status=PublicationStatus.DRAFT)
    ActivityFactory(categories=[category("sport")], status=Activity.Status.ENDED)
    ActivityFactory(
        categories=[category("sport")],
        organization=OrganizationFactory(status=PublicationStatus.DRAFT),
    )

    response = client.get(reverse("directory:home"))

    assert response.status_code == 200
    assert root_count(response, "socialita") == 2
    assert root_count(response, "emergenze") == 1
    assert root_count(response, "inclusione-lavorativa") == 0
    assert response.context["activity_count"] == 3


def test_home_offers_only_roots_of_the_need_taxonomies(client):
    response = client.get(reverse("directory:home"))
    slugs = {c.slug for c in response.context["need_categories"]}
    assert slugs == set(
        Category.objects.roots()
        .filter(taxonomy__slug__in=["aree-intervento", "tempo-libero"])
        .values_list("slug", flat=True)
    )
    assert "accesso-servizi" not in slugs


def test_home_links_age_bands_zones_and_municipalities_to_search(client):
    buccinasco = MunicipalityFactory()
    zone = ZoneFactory(name="Ambito Visconteo", slug="ambito-visconteo")
    zone.municipalities.add(buccinasco)
    ZoneFactory(name="Zona vuota", slug="zona-vuota")
    activity = ActivityFactory()
    activity.locations.add(LocationFactory(organization=activity.organization))

    content = client.get(reverse("directory:home")).content.decode()

    assert '/cerca/?fascia=6-11"' in content
    assert '/cerca/?zona=ambito-visconteo"' in content
    assert "zona-vuota" not in content
    assert '<option value="015036">Buccinasco (MI)</option>' in content


def test_home_query_count_does_not_grow_with_the_directory(client, django_assert_max_num_queries):
    ActivityFactory(categories=[category("sport")])
    few = count_queries(client, reverse("directory:home"))
    for slug in ["sport", "laboratori", "sostegno-alimentare", "genitorialita", "occupabilita"]:
        activity = ActivityFactory(categories=[category(slug)])
        activity.locations.add(LocationFactory(organization=activity.organization))
    many = count_queries(client, reverse("directory:home"))
    assert few == many
    with django_assert_max_num_queries(8):
        client.get(reverse("directory:home"))


def test_finder_step_two_carries_the_age_band_and_asks_for_a_category(client):
    response = client.get(reverse("directory:home"), {"passo": "2", "fascia": "6-11"})
    content = response.content.decode()
    assert response.context["finder"]["step"] == "2"
    assert '<input type="hidden" name="fascia" value="6-11">' in content
    assert '<input type="hidden" name="passo" value="3">' in content
    assert 'name="categoria" id="finder-cat-sport" value="sport"' in content


def test_finder_last_step_submits_to_search_with_the_previous_choices(client):
    response = client.get(
        reverse("directory:home"), {"passo": "3", "fascia": "0-3", "categoria": "sport"}
    )
    content = response.content.decode()
    assert f'action="{reverse("directory:search")}"' in content
    assert '<input type="hidden" name="fascia" value="0-3">' in content
    assert '<input type="hidden" name="categoria" value="sport">' in content
    assert 'name="comune"' in content


def test_finder_ignores_unknown_steps_and_choices(client):
    response = client.get(
        reverse("directory:home"), {"passo": "9", "fascia": "abc", "categoria": "nope"}
    )
    assert response.status_code == 200
    assert response.context["finder"] == {"step": "1", "band": None, "category": None}


def test_home_has_hreflang_and_canonical_links(client):
    content = client.get(reverse("directory:home")).content.decode()
    assert '<link rel="canonical" href="http://testserver/">' in content
    assert '<link rel="alternate" hreflang="it" href="http://testserver/">' in content
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in content
    assert 'hreflang="x-default"' in content


def test_home_in_english_has_the_english_prefix(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_language_switch_is_a_post_form_that_works_without_javascript(client):
    content = client.get(reverse("directory:home")).content.decode()
    assert f'action="{reverse("set_language")}"' in content
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
