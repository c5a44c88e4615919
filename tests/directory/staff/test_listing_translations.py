"""Listings in several languages: staff translate an activity's and a profile's texts, a
coordinator approves, families read them on the page in their language; elsewhere the Italian,
marked ``lang="it"`` with a note (issue 13)."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from directory.models import ActivityTranslation, OrganizationTranslation, Revision
from tests.factories import (
    ActivityFactory,
    ActivityTranslationFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganizationTranslationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


@pytest.fixture
def activity(organization):
    return ActivityFactory(
        organization=organization,
        title="Doposcuola in oratorio",
        summary="Aiuto con i compiti.",
        description="Compiti e giochi ogni pomeriggio.",
        eligibility="Bambini della primaria.",
    )


def public(client, language, name, *args):
    """A public page in ``language``, from the view (not the page cache)."""
    caches["pages"].clear()
    with translation.override(language):
        url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _element(page, text):
    """The opening tag of the first element of the page's body holding ``text``."""
    match = re.search(r"<(?!title)[a-z0-9]+[^<>]*>\s*" + re.escape(escape(text)), page)
    assert match, text
    return match.group(0)


def translate_activity(client, organization, activity, language, **texts):
    url = reverse("staff:activity_translation", args=[organization.slug, activity.pk, language])
    return client.post(url, texts)


# The workflow ---------------------------------------------------------------------------------


def test_staff_adds_a_coordinator_approves_and_the_family_reads_it_in_english(
    client, staff, coordinator, organization, activity
):
    client.force_login(staff)
    response = translate_activity(
        client,
        organization,
        activity,
        "en",
        title="After-school club",
        summary="Help with homework.",
        description="Homework and games every afternoon.",
    )
    assert response.status_code == 302
    revision = Revision.objects.get()
    assert revision.kind == Revision.Kind.ACTIVITY_TRANSLATION
    assert revision.status == Revision.Status.PENDING
    assert revision.data["language"] == "en"
    assert not ActivityTranslation.objects.exists()
    client.logout()
    assert "After-school club" not in public(
        client, "en", "directory:activity_detail", activity.slug
    )

    client.force_login(coordinator)
    review = client.get(reverse("staff:review_detail", args=[revision.pk])).content.decode()
    assert "After-school club" in review
    assert "[EN]" in review
    client.post(reverse("staff:review_approve", args=[revision.pk]))
    revision.refresh_from_db()
    assert revision.status == Revision.Status.APPROVED
    client.logout()

    page = public(client, "en", "directory:activity_detail", activity.slug)
    assert 'lang="it"' not in _element(page, "After-school club")
    assert 'lang="it"' not in _element(page, "Help with homework.")
    # Not translated: the eligibility stays in Italian, marked, and the page says so once.
    assert 'lang="it"' in _element(page, "Bambini della primaria.")
    assert page.count("Text in Italian") == 1
    # Italian and other languages are untouched.
    italian = public(client, "it", "directory:activity_detail", activity.slug)
    assert "Doposcuola in oratorio" in italian and "After-school club" not in italian
    arabic = public(client, "ar", "directory:activity_detail", activity.slug)
    assert 'lang="it" dir="ltr"' in _element(arabic, "Doposcuola in oratorio")


def test_a_profile_translated_into_arabic_shows_on_the_arabic_page(
    client, staff, coordinator, organization
):
    client.force_login(staff)
    url = reverse("staff:organization_translation", args=[organization.slug, "ar"])
    response = client.post(url, {"description": "جمعية محلية", "social_utility": ""})
    assert response.status_code == 302
    revision = Revision.objects.get(kind=Revision.Kind.ORGANIZATION_TRANSLATION)
    client.force_login(coordinator)
    client.post(reverse("staff:review_approve", args=[revision.pk]))
    client.logout()

    page = public(client, "ar", "directory:organization_detail", organization.slug)
    assert 'lang="it"' not in _element(page, "جمعية محلية")
    assert "Text in Italian" not in page
    english = public(client, "en", "directory:organization_detail", organization.slug)
    assert f'<div lang="it"><p>{escape(organization.description)}' in english
    assert "Text in Italian" in english


def test_a_trusted_organizations_translation_is_public_at_once(
    client, staff, organization, activity
):
    organization.is_trusted = True
    organization.save()
    client.force_login(staff)
    translate_activity(client, organization, activity, "uk", title="Група продовженого дня")

    assert ActivityTranslation.objects.get().title == "Група продовженого дня"
    assert Revision.objects.get().published_directly
    client.logout()
    page = public(client, "uk", "directory:activity_detail", activity.slug)
    assert 'lang="it"' not in _element(page, "Група продовженого дня")


def test_a_second_translation_changes_the_row_and_the_review_shows_the_previous_text(
    client, staff, coordinator, organization, activity
):
    ActivityTranslationFactory(activity=activity, language="en", title="Old title")
    client.force_login(staff)
    translate_activity(client, organization, activity, "en", title="New title")
    revision = Revision.objects.get()
    assert revision.previous["title"] == "Old title"
    client.force_login(coordinator)
    client.post(reverse("staff:review_approve", args=[revision.pk]))

    assert list(ActivityTranslation.objects.values_list("title", flat=True)) == ["New title"]


def test_a_rejected_translation_reopens_with_its_text(
    client, staff, coordinator, organization, activity
):
    client.force_login(staff)
    translate_activity(client, organization, activity, "fr", title="Aide aux devoirs")
    revision = Revision.objects.get()
    client.force_login(coordinator)
    client.post(reverse("staff:review_reject", args=[revision.pk]), {"reason": "Typo."})
    client.force_login(staff)
    url = reverse("staff:activity_translation", args=[organization.slug, activity.pk, "fr"])
    page = client.get(f"{url}?revisione={revision.pk}").content.decode()
    assert 'value="Aide aux devoirs"' in page
    # The same revision under another language's address is not found.
    other = reverse("staff:activity_translation", args=[organization.slug, activity.pk, "es"])
    assert client.get(f"{other}?revisione={revision.pk}").status_code == 404


def test_the_languages_page_says_what_is_published_and_what_waits(
    client, staff, organization, activity
):
    ActivityTranslationFactory(activity=activity, language="en")
    client.force_login(staff)
    translate_activity(client, organization, activity, "ar", title="نادي ما بعد المدرسة")
    page = client.get(
        reverse("staff:activity_translations", args=[organization.slug, activity.pk])
    ).content.decode()
    rows = dict(re.findall(r'<th scope="row">[^<]*\(<span lang="([a-z-]+)"(.*?)</tr>', page, re.S))
    assert set(rows) == {"en", "ar", "sq", "ro", "uk", "zh-hans", "es", "fr"}
    assert "published" in rows["en"] or "pubblicat" in rows["en"]
    assert "waiting for review" in rows["ar"] or "in attesa" in rows["ar"]


# Fallback on the lists ------------------------------------------------------------------------


def test_cards_show_the_translated_title_and_mark_the_italian_ones(client, organization):
    translated = ActivityFactory(organization=organization, title="Corso di cucito")
    ActivityTranslationFactory(activity=translated, language="en", title="Sewing class")
    italian = ActivityFactory(organization=organization, title="Corso di maglia")

    page = public(client, "en", "directory:organization_detail", organization.slug)

    assert 'lang="it"' not in _element(page, "Sewing class")
    assert 'lang="it"' in _element(page, italian.title)
    assert page.count("Text in Italian") == 2  # the profile and the untranslated card
    assert "Corso di cucito" not in page


def test_the_italian_page_never_joins_the_translations(client, activity):
    ActivityTranslationFactory(activity=activity, language="en", title="After-school club")
    page = public(client, "it", "directory:activity_detail", activity.slug)
    assert "After-school club" not in page
    assert "Text in Italian" not in page


def _queries(client, language, name, *args):
    caches["pages"].clear()
    with translation.override(language):
        url = reverse(name, args=args)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_translations_cost_no_query_on_the_pages(client, organization, activity):
    for n in range(3):
        ActivityFactory(organization=organization, title=f"Attività {n}")
    pages = [
        ("directory:activity_detail", activity.slug),
        ("directory:organization_detail", organization.slug),
    ]
    before = {page: _queries(client, "it", *page) for page in pages}
    english_before = {page: _queries(client, "en", *page) for page in pages}
    OrganizationTranslationFactory(organization=organization)
    for other in organization.activities.all():
        ActivityTranslationFactory(activity=other, language="en")

    for page in pages:
        assert english_before[page] == before[page], page
        assert _queries(client, "en", *page) == before[page], page


# Who reaches the staff pages ------------------------------------------------------------------


def _staff_urls(organization, activity):
    slug = organization.slug
    return [
        reverse("staff:organization_translations", args=[slug]),
        reverse("staff:organization_translation", args=[slug, "en"]),
        reverse("staff:activity_translations", args=[slug, activity.pk]),
        reverse("staff:activity_translation", args=[slug, activity.pk, "ar"]),
    ]


@pytest.fixture
def outside_coordinator(role_groups, other_organization):
    """Coordinator of a network ``organization`` is not in."""
    from directory.models import NetworkCoordinator
    from linkrete.accounts import roles

    network = NetworkFactory(name="Rete C", slug="rete-c", lead_organization=other_organization)
    NetworkMembershipFactory(network=network, organization=other_organization, role="capofila")
    user = UserFactory(username="coordinatrice-rete-c", is_staff=True)
    user.groups.add(role_groups[roles.COORDINATOR])
    NetworkCoordinator.objects.create(network=network, user=user)
    return user


@pytest.mark.parametrize(
    ("visitor", "expected"),
    [
        ("staff", 200),
        ("coordinator", 200),
        ("other_staff", 404),
        ("outside_coordinator", 404),
        ("anonymous", 302),
    ],
)
def test_the_translation_pages_answer_only_the_staff_and_their_coordinators(
    client, request, organization, activity, visitor, expected
):
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))
    for url in _staff_urls(organization, activity):
        response = client.get(url)
        assert response.status_code == expected, url
        if visitor == "anonymous":
            assert response["Location"].startswith(reverse("login"))
        response = client.post(url, {"title": "x", "description": "x"})
        assert response.status_code in ((expected,) if expected != 200 else (200, 302)), url
    if visitor in ("other_staff", "outside_coordinator", "anonymous"):
        assert not Revision.objects.exists()


def test_another_organizations_activity_is_not_found(client, staff, other_organization):
    other = ActivityFactory(organization=other_organization)
    client.force_login(staff)
    url = reverse("staff:activity_translations", args=[other_organization.slug, other.pk])
    assert client.get(url).status_code == 404


# Odd input ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["it", "xx", "zh", "EN", "en-gb"])
def test_a_language_the_site_does_not_translate_into_is_not_found(
    client, staff, organization, activity, language
):
    client.force_login(staff)
    url = reverse("staff:activity_translation", args=[organization.slug, activity.pk, language])
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "x"}).status_code == 404


def test_an_empty_translation_is_refused_with_a_message(client, staff, organization, activity):
    client.force_login(staff)
    response = translate_activity(client, organization, activity, "en", title="  ", summary="")
    assert response.status_code == 200
    assert "Scrivi almeno un testo" in response.content.decode()  # staff pages: Italian
    assert not Revision.objects.exists()


def test_an_overlong_title_is_refused_and_the_typed_text_kept(
    client, staff, organization, activity
):
    client.force_login(staff)
    response = translate_activity(
        client, organization, activity, "en", title="x" * 201, description="Kept text."
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kept text." in page
    assert not Revision.objects.exists()


@pytest.mark.parametrize("value", ["abc", "-1", "0", "99999999999999999999"])
def test_odd_revision_numbers_do_not_break_the_form(client, staff, organization, value, activity):
    client.force_login(staff)
    url = reverse("staff:organization_translation", args=[organization.slug, "en"])
    assert client.get(f"{url}?revisione={value}").status_code in (200, 404)


def test_the_form_fields_are_marked_with_their_language(client, staff, organization, activity):
    client.force_login(staff)
    url = reverse("staff:activity_translation", args=[organization.slug, activity.pk, "ar"])
    page = client.get(url).content.decode()
    assert re.search(r'<input[^>]*name="title"[^>]*>', page)
    field = re.search(r'<input[^>]*name="title"[^>]*>', page).group(0)
    assert 'lang="ar"' in field and 'dir="rtl"' in field
    # The Italian text, for reference, marked as Italian.
    assert '<dd lang="it">Doposcuola in oratorio</dd>' in page


def test_deleting_the_activity_deletes_its_translations(activity):
    ActivityTranslationFactory(activity=activity)
    activity.delete()
    assert not ActivityTranslation.objects.exists()
    assert not OrganizationTranslation.objects.exists()


def test_the_sheet_shows_the_translation_with_the_italian_title_beside(client, activity):
    ActivityTranslationFactory(activity=activity, language="en", title="After-school club")
    page = public(client, "en", "directory:activity_sheet", activity.slug)

    assert 'lang="it"' not in _element(page, "After-school club")
    assert '<p class="sheet-it" lang="it" dir="ltr">Doposcuola in oratorio</p>' in page
    # Not translated: marked Italian.
    assert 'lang="it"' in _element(page, "Bambini della primaria.")


def test_the_search_finds_an_activity_by_its_approved_translation(
    client, staff, coordinator, organization, activity
):
    from directory.search import refresh_search_document

    refresh_search_document(activity)
    client.force_login(staff)
    translate_activity(client, organization, activity, "en", title="Homework club")
    assert not ActivityTranslation.objects.exists()  # not before the approval

    client.force_login(coordinator)
    client.post(reverse("staff:review_approve", args=[Revision.objects.get().pk]))
    client.logout()
    # In its own vector, stemmed in English; the Italian document stays Italian.
    vector = ActivityTranslation.objects.values_list("search_vector", flat=True).get()
    assert "'homework':1A" in vector
    activity.refresh_from_db()
    assert "homework" not in activity.search_text
    with translation.override("en"):
        url = reverse("directory:search")
    caches["pages"].clear()
    page = client.get(url, {"q": "homework club"}).content.decode()
    assert 'lang="it"' not in _element(page, "Homework club")
