import pytest
from django.core.cache import cache
from django.urls import reverse

from directory import home
from directory.models import Activity, Category, PublicationStatus, Revision
from directory.staff import services
from tests.directory.helpers import count_queries
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ZoneFactory,
    category,
)

# The home page keeps one copy of its figures per day: the day must not change mid-test.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


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
    assert f'action="{reverse("directory:place_search")}"' in content
    assert "<option" not in content


def test_home_query_count_does_not_grow_with_the_directory(client):
    """Six queries when the figures are computed, none while they are cached, at any size."""
    ActivityFactory(categories=[category("sport")])
    few = count_queries(client, reverse("directory:home"))
    few_cached = count_queries(client, reverse("directory:home"))
    for slug in ["sport", "laboratori", "sostegno-alimentare", "genitorialita", "occupabilita"]:
        activity = ActivityFactory(categories=[category(slug)])
        activity.locations.add(LocationFactory(organization=activity.organization))
    many = count_queries(client, reverse("directory:home"))
    many_cached = count_queries(client, reverse("directory:home"))
    assert few == many == 6
    assert few_cached == many_cached == 0


def test_a_new_public_activity_is_counted_on_the_next_request(client):
    ActivityFactory(categories=[category("sport")])
    assert root_count(client.get(reverse("directory:home")), "socialita") == 1
    ActivityFactory(categories=[category("laboratori")])
    response = client.get(reverse("directory:home"))
    assert root_count(response, "socialita") == 2
    assert response.context["activity_count"] == 2


def test_an_activity_taken_off_line_or_recategorized_is_seen_on_the_next_request(client):
    activity = ActivityFactory(categories=[category("sport")])
    ActivityFactory(categories=[category("sport")])
    client.get(reverse("directory:home"))
    activity.categories.set([category("sostegno-alimentare")])
    response = client.get(reverse("directory:home"))
    assert root_count(response, "socialita") == 1
    assert root_count(response, "emergenze") == 1
    activity.publication_status = PublicationStatus.DRAFT
    activity.save()
    assert root_count(client.get(reverse("directory:home")), "emergenze") == 0


def test_a_zone_gaining_a_municipality_is_offered_on_the_next_request(client):
    activity = ActivityFactory()
    activity.locations.add(LocationFactory(organization=activity.organization))
    zone = ZoneFactory(name="Ambito Visconteo", slug="ambito-visconteo")
    assert "ambito-visconteo" not in client.get(reverse("directory:home")).content.decode()
    zone.municipalities.add(MunicipalityFactory())
    assert "ambito-visconteo" in client.get(reverse("directory:home")).content.decode()


def test_an_approved_activity_is_counted_on_the_next_request(
    client, staff, coordinator, organization
):
    before = client.get(reverse("directory:home")).context["activity_count"]
    client.force_login(staff)
    client.post(
        reverse("staff:activity_new", args=[organization.slug]),
        {
            "title": "Laboratorio di ceramica",
            "description": "Mani in pasta.",
            "categories": [category("laboratori").pk],
            "is_free": "True",
            "access": "open",
            "status": "active",
        },
    )
    client.logout()
    assert client.get(reverse("directory:home")).context["activity_count"] == before
    services.revision_approve(revision=Revision.objects.get(), reviewer=coordinator)
    response = client.get(reverse("directory:home"))
    assert response.context["activity_count"] == before + 1
    assert root_count(response, "socialita") == 1


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
    assert f'action="{reverse("directory:place_search")}"' in content
    assert '<input type="hidden" name="fascia" value="0-3">' in content
    assert '<input type="hidden" name="categoria" value="sport">' in content
    assert 'name="dove"' in content


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


def test_while_another_process_recomputes_the_figures_the_last_ones_are_shown(client):
    ActivityFactory(categories=[category("sport")])
    client.get(reverse("directory:home"))
    ActivityFactory(categories=[category("sport")])
    cache.add(home.LOCK_KEY, True, home.LOCK_TIMEOUT)  # another process is recomputing

    assert count_queries(client, reverse("directory:home")) == 0
    assert root_count(client.get(reverse("directory:home")), "socialita") == 1
    cache.delete(home.LOCK_KEY)
    assert root_count(client.get(reverse("directory:home")), "socialita") == 2
