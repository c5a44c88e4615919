"""Desks' and volunteering calls' public texts in several languages: the desk's operators and
its organization's staff, or the call's organization's staff, translate them; a coordinator
approves; families read them on the page in their language, elsewhere the Italian marked
``lang="it"`` with a note (issue 13)."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from directory.models import Revision, VolunteeringCallTranslation
from linkrete.accounts import roles
from sportelli.models import DeskTranslation
from sportelli.views.public import _public_desk
from tests.factories import (
    DeskFactory,
    DeskOpeningSlotFactory,
    DeskTranslationFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    UserFactory,
    VolunteeringCallFactory,
    VolunteeringCallTranslationFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


@pytest.fixture
def own_desk(organization):
    """A desk hosted by ``organization`` (whose editor is ``staff``)."""
    desk = DeskFactory(
        name="Sportello Oratorio",
        slug="sportello-oratorio",
        host_organization=organization,
        description="Orientamento ai servizi del territorio.",
        interpreting="Una mediatrice culturale su richiesta.",
    )
    DeskOpeningSlotFactory(desk=desk)
    return desk


@pytest.fixture
def own_desk_operator(role_groups, own_desk):
    """An operator of ``own_desk``, not a member of its organization."""
    user = UserFactory(username="operatrice-oratorio")
    user.groups.add(role_groups[roles.DESK_OPERATOR])
    own_desk.operators.add(user)
    return user


@pytest.fixture
def call(organization):
    return VolunteeringCallFactory(
        organization=organization,
        title="Volontari per il doposcuola",
        description="Aiuta i ragazzi con i compiti.",
        time_commitment="Due pomeriggi a settimana",
    )


@pytest.fixture
def outside_coordinator(role_groups, other_organization):
    """Coordinator of a network ``organization`` is not in."""
    from directory.models import NetworkCoordinator

    network = NetworkFactory(name="Rete C", slug="rete-c", lead_organization=other_organization)
    NetworkMembershipFactory(network=network, organization=other_organization, role="capofila")
    user = UserFactory(username="coordinatrice-rete-c", is_staff=True)
    user.groups.add(role_groups[roles.COORDINATOR])
    NetworkCoordinator.objects.create(network=network, user=user)
    return user


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


def approve(client, coordinator, revision):
    client.force_login(coordinator)
    client.post(reverse("staff:review_approve", args=[revision.pk]))
    revision.refresh_from_db()
    assert revision.status == Revision.Status.APPROVED
    client.logout()


# Desks ----------------------------------------------------------------------------------------


def test_a_desks_translation_waits_for_review_then_the_family_reads_it(
    client, staff, coordinator, organization, own_desk
):
    client.force_login(staff)
    url = reverse("staff:desk_translation", args=[organization.slug, own_desk.slug, "en"])
    response = client.post(url, {"description": "Guidance to the services of the area."})
    assert response.status_code == 302
    revision = Revision.objects.get()
    assert revision.kind == Revision.Kind.DESK_TRANSLATION
    assert revision.organization == organization
    assert revision.data["desk"] == own_desk.pk
    assert revision.target_label == "Sportello Oratorio [EN]"
    assert not DeskTranslation.objects.exists()
    client.logout()
    assert "Guidance" not in public(client, "en", "sportelli:desk_detail", own_desk.slug)

    client.force_login(coordinator)
    review = client.get(reverse("staff:review_detail", args=[revision.pk])).content.decode()
    assert "Guidance to the services of the area." in review
    approve(client, coordinator, revision)

    page = public(client, "en", "sportelli:desk_detail", own_desk.slug)
    assert 'lang="it"' not in _element(page, "Guidance to the services of the area.")
    # Not translated: the help in other languages stays in Italian, marked, with the note.
    assert 'lang="it"' in _element(page, "Una mediatrice culturale su richiesta.")
    assert page.count("Text in Italian") == 1
    italian = public(client, "it", "sportelli:desk_detail", own_desk.slug)
    assert "Orientamento ai servizi del territorio." in italian and "Guidance" not in italian
    assert "Text in Italian" not in italian


def test_an_arabic_desk_page_marks_the_italian_left_to_right(client, own_desk):
    DeskTranslationFactory(desk=own_desk, language="ar", description="توجيه إلى الخدمات")
    page = public(client, "ar", "sportelli:desk_detail", own_desk.slug)
    assert 'lang="it"' not in _element(page, "توجيه إلى الخدمات")
    assert 'lang="it" dir="ltr"' in _element(page, "Una mediatrice culturale su richiesta.")


def test_the_desks_operator_translates_it_and_the_revision_is_its_organizations(
    client, own_desk_operator, organization, own_desk
):
    client.force_login(own_desk_operator)
    listing = reverse("staff:desk_translations", args=[organization.slug, own_desk.slug])
    assert client.get(listing).status_code == 200
    url = reverse("staff:desk_translation", args=[organization.slug, own_desk.slug, "uk"])
    assert client.post(url, {"interpreting": "Перекладач за запитом."}).status_code == 302
    revision = Revision.objects.get()
    assert revision.organization == organization
    assert revision.status == Revision.Status.PENDING
    page = client.get(listing).content.decode()
    rows = dict(re.findall(r'<th scope="row">[^<]*\(<span lang="([a-z-]+)"(.*?)</tr>', page, re.S))
    assert "in attesa" in rows["uk"] or "waiting for review" in rows["uk"]


def test_the_console_links_each_desk_to_its_translations(client, own_desk_operator, own_desk):
    client.force_login(own_desk_operator)
    page = client.get(reverse("sportelli:console")).content.decode()
    assert (
        reverse("staff:desk_translations", args=[own_desk.host_organization.slug, own_desk.slug])
        in page
    )


def test_the_organizations_page_links_its_desks_translations(client, staff, organization, own_desk):
    client.force_login(staff)
    page = client.get(reverse("staff:organization", args=[organization.slug])).content.decode()
    assert reverse("staff:desk_translations", args=[organization.slug, own_desk.slug]) in page


def test_a_trusted_organizations_desk_translation_is_public_at_once(
    client, staff, organization, own_desk
):
    organization.is_trusted = True
    organization.save()
    client.force_login(staff)
    url = reverse("staff:desk_translation", args=[organization.slug, own_desk.slug, "ar"])
    client.post(url, {"description": "توجيه إلى الخدمات"})
    assert DeskTranslation.objects.get().description == "توجيه إلى الخدمات"
    # A second proposal changes the row, and the review keeps what was public before.
    client.post(url, {"description": "توجيه"})
    assert list(DeskTranslation.objects.values_list("description", flat=True)) == ["توجيه"]
    assert Revision.objects.order_by("pk").last().previous["description"] == "توجيه إلى الخدمات"


def test_the_desk_sheet_is_in_the_familys_language_with_the_italian_beside(client, own_desk):
    DeskTranslationFactory(
        desk=own_desk,
        language="en",
        description="Guidance to the services of the area.",
        interpreting="A cultural mediator on request.",
    )
    page = public(client, "en", "sportelli:desk_sheet", own_desk.slug)
    assert 'lang="it"' not in _element(page, "Guidance to the services of the area.")
    assert 'lang="it"' not in _element(page, "A cultural mediator on request.")
    assert (
        '<p class="sheet-it" lang="it" dir="ltr">Orientamento ai servizi del territorio.</p>'
        in page
    )
    italian = public(client, "it", "sportelli:desk_sheet", own_desk.slug)
    assert "Guidance" not in italian and "sheet-it" not in italian


def test_the_booking_pages_read_the_desks_texts_in_the_pages_language(own_desk):
    """Every booking step fetches its desk through ``_public_desk`` (the summary shows the
    help in other languages to someone who speaks none of the desk's)."""
    DeskTranslationFactory(
        desk=own_desk, language="en", description="", interpreting="A mediator on request."
    )

    with translation.override("en"):
        desk = _public_desk(own_desk.slug)
    assert desk.interpreting == "A mediator on request."
    assert desk.translated_fields == {"interpreting"}
    with translation.override("it"):
        assert _public_desk(own_desk.slug).interpreting == "Una mediatrice culturale su richiesta."


def test_approving_a_translation_of_a_deleted_desk_says_so(
    client, staff, coordinator, organization, own_desk
):
    client.force_login(staff)
    url = reverse("staff:desk_translation", args=[organization.slug, own_desk.slug, "en"])
    client.post(url, {"description": "Guidance."})
    revision = Revision.objects.get()
    own_desk.delete()
    client.force_login(coordinator)
    response = client.post(reverse("staff:review_approve", args=[revision.pk]), follow=True)
    assert response.status_code == 200
    revision.refresh_from_db()
    assert revision.status == Revision.Status.PENDING
    assert not DeskTranslation.objects.exists()


# Volunteering calls ---------------------------------------------------------------------------


def test_a_calls_translation_is_reviewed_then_read_on_its_pages(
    client, staff, coordinator, organization, call
):
    client.force_login(staff)
    url = reverse("staff:call_translation", args=[organization.slug, call.pk, "en"])
    response = client.post(
        url,
        {"title": "Volunteers for the after-school club", "description": "", "time_commitment": ""},
    )
    assert response.status_code == 302
    revision = Revision.objects.get()
    assert revision.kind == Revision.Kind.CALL_TRANSLATION
    assert revision.data["call"] == call.pk
    assert not VolunteeringCallTranslation.objects.exists()
    approve(client, coordinator, revision)

    detail = public(client, "en", "directory:call_detail", call.slug)
    assert 'lang="it"' not in _element(detail, "Volunteers for the after-school club")
    assert 'lang="it"' in _element(detail, "Aiuta i ragazzi con i compiti.")
    assert 'lang="it"' in _element(detail, "Due pomeriggi a settimana")
    assert detail.count("Text in Italian") == 1
    listing = public(client, "en", "directory:call_list")
    assert 'lang="it"' not in _element(listing, "Volunteers for the after-school club")
    assert "Volontari per il doposcuola" not in listing
    profile = public(client, "en", "directory:organization_detail", organization.slug)
    assert 'lang="it"' not in _element(profile, "Volunteers for the after-school club")
    italian = public(client, "it", "directory:call_list")
    assert "Volontari per il doposcuola" in italian and "Volunteers" not in italian


def test_the_call_list_marks_the_untranslated_cards(client, organization, call):
    other = VolunteeringCallFactory(organization=organization, title="Autisti per la spesa")
    VolunteeringCallTranslationFactory(
        call=call, language="en", title="Homework helpers", time_commitment="Two afternoons"
    )
    page = public(client, "en", "directory:call_list")
    assert 'lang="it"' not in _element(page, "Homework helpers")
    assert 'lang="it"' in _element(page, other.title)
    assert page.count("Text in Italian") == 1


def test_the_call_list_links_each_call_to_its_translations(client, staff, organization, call):
    client.force_login(staff)
    page = client.get(reverse("staff:call_list", args=[organization.slug])).content.decode()
    assert reverse("staff:call_translations", args=[organization.slug, call.pk]) in page


def test_a_rejected_call_translation_reopens_with_its_text(
    client, staff, coordinator, organization, call
):
    client.force_login(staff)
    url = reverse("staff:call_translation", args=[organization.slug, call.pk, "fr"])
    client.post(url, {"title": "Bénévoles"})
    revision = Revision.objects.get()
    client.force_login(coordinator)
    client.post(reverse("staff:review_reject", args=[revision.pk]), {"reason": "Typo."})
    client.force_login(staff)
    assert 'value="Bénévoles"' in client.get(f"{url}?revisione={revision.pk}").content.decode()
    other = reverse("staff:call_translation", args=[organization.slug, call.pk, "es"])
    assert client.get(f"{other}?revisione={revision.pk}").status_code == 404


# Who reaches the staff pages ------------------------------------------------------------------


def _desk_urls(organization, desk):
    return [
        reverse("staff:desk_translations", args=[organization.slug, desk.slug]),
        reverse("staff:desk_translation", args=[organization.slug, desk.slug, "ar"]),
    ]


def _call_urls(organization, call):
    return [
        reverse("staff:call_translations", args=[organization.slug, call.pk]),
        reverse("staff:call_translation", args=[organization.slug, call.pk, "en"]),
    ]


@pytest.mark.parametrize(
    ("visitor", "desk_expected", "call_expected"),
    [
        ("staff", 200, 200),
        ("own_desk_operator", 200, 404),
        ("coordinator", 200, 200),
        ("other_staff", 404, 404),
        ("other_desk_operator", 404, 404),
        ("outside_coordinator", 404, 404),
        ("anonymous", 302, 302),
    ],
)
def test_the_translation_pages_answer_only_those_who_edit_the_record(
    client, request, organization, own_desk, call, visitor, desk_expected, call_expected
):
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))
    for urls, expected in (
        (_desk_urls(organization, own_desk), desk_expected),
        (_call_urls(organization, call), call_expected),
    ):
        for url in urls:
            response = client.get(url)
            assert response.status_code == expected, url
            if visitor == "anonymous":
                assert response["Location"].startswith(reverse("login"))
            response = client.post(url, {"title": "x", "description": "x"})
            assert response.status_code in ((expected,) if expected != 200 else (200, 302)), url
    if desk_expected != 200:
        assert not Revision.objects.exists()


def test_another_organizations_desk_or_call_is_not_found(
    client, staff, organization, other_organization, other_desk
):
    other_call = VolunteeringCallFactory(organization=other_organization)
    client.force_login(staff)
    for url in [
        reverse(
            "staff:desk_translations", args=[other_desk.host_organization.slug, other_desk.slug]
        ),
        # Another organization's desk under one's own organization's address.
        reverse("staff:desk_translations", args=[organization.slug, other_desk.slug]),
        reverse("staff:call_translations", args=[organization.slug, other_call.pk]),
        reverse("staff:call_translations", args=[other_organization.slug, other_call.pk]),
    ]:
        assert client.get(url).status_code == 404, url


# Odd input ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["it", "xx", "zh", "EN"])
def test_a_language_the_site_does_not_translate_into_is_not_found(
    client, staff, organization, own_desk, call, language
):
    client.force_login(staff)
    for url in [
        reverse("staff:desk_translation", args=[organization.slug, own_desk.slug, language]),
        reverse("staff:call_translation", args=[organization.slug, call.pk, language]),
    ]:
        assert client.get(url).status_code == 404
        assert client.post(url, {"description": "x"}).status_code == 404


def test_an_empty_or_overlong_translation_is_refused_and_the_text_kept(
    client, staff, organization, own_desk, call
):
    client.force_login(staff)
    desk_url = reverse("staff:desk_translation", args=[organization.slug, own_desk.slug, "en"])
    response = client.post(desk_url, {"description": "  ", "interpreting": ""})
    assert response.status_code == 200
    assert "Scrivi almeno un testo" in response.content.decode()
    call_url = reverse("staff:call_translation", args=[organization.slug, call.pk, "en"])
    response = client.post(call_url, {"title": "x" * 201, "description": "Kept text."})
    assert response.status_code == 200
    assert "Kept text." in response.content.decode()
    assert not Revision.objects.exists()


def test_the_desk_form_marks_its_fields_and_shows_the_italian(
    client, staff, organization, own_desk
):
    client.force_login(staff)
    url = reverse("staff:desk_translation", args=[organization.slug, own_desk.slug, "ar"])
    page = client.get(url).content.decode()
    field = re.search(r'<textarea[^>]*name="description"[^>]*>', page).group(0)
    assert 'lang="ar"' in field and 'dir="rtl"' in field
    assert '<dd lang="it">Orientamento ai servizi del territorio.</dd>' in page


def test_deleting_the_desk_or_the_call_deletes_their_translations(own_desk, call):
    DeskTranslationFactory(desk=own_desk)
    VolunteeringCallTranslationFactory(call=call)
    own_desk.delete()
    call.delete()
    assert not DeskTranslation.objects.exists()
    assert not VolunteeringCallTranslation.objects.exists()


# Queries ------------------------------------------------------------------------------------


def _queries(client, language, name, *args):
    caches["pages"].clear()
    with translation.override(language):
        url = reverse(name, args=args)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _add_calls(organization, count, translated):
    for _n in range(count):
        call = VolunteeringCallFactory(organization=organization)
        if translated:
            VolunteeringCallTranslationFactory(call=call, language="en")


@pytest.mark.parametrize("translated", [False, True])
def test_translations_cost_no_query_on_the_call_pages_at_two_sizes(
    client, organization, call, translated
):
    pages = [
        ("directory:call_list",),
        ("directory:call_detail", call.slug),
        ("directory:organization_detail", organization.slug),
    ]
    if translated:
        VolunteeringCallTranslationFactory(call=call, language="en")
    _add_calls(organization, 2, translated)
    italian = {page: _queries(client, "it", *page) for page in pages}
    small = {page: _queries(client, "en", *page) for page in pages}
    _add_calls(organization, 8, translated)
    large = {page: _queries(client, "en", *page) for page in pages}
    for page in pages:
        assert small[page] == italian[page] == large[page], page
    # The pins: the list and a call's page.
    assert small[("directory:call_list",)] == 3
    assert small[("directory:call_detail", call.slug)] == 1


@pytest.mark.parametrize("translated", [False, True])
def test_translations_cost_no_query_on_the_desk_pages(client, own_desk, translated):
    if translated:
        DeskTranslationFactory(desk=own_desk, language="en")
    pages = [
        ("sportelli:desk_detail", own_desk.slug),
        ("sportelli:desk_sheet", own_desk.slug),
        ("sportelli:desk_list",),
    ]
    italian = {page: _queries(client, "it", *page) for page in pages}
    english = {page: _queries(client, "en", *page) for page in pages}
    for n in range(6):
        desk = DeskFactory(name=f"Sportello {n}", host_organization=own_desk.host_organization)
        if translated:
            DeskTranslationFactory(desk=desk, language="en")
    larger = {page: _queries(client, "en", *page) for page in pages}
    for page in pages:
        assert english[page] == larger[page], page
    # On the list, no desk text is shown (its cards hold names, places and the taxonomy); its
    # language filter's default costs one query on a page in another language, as before.
    assert (
        english[("sportelli:desk_detail", own_desk.slug)]
        == italian[("sportelli:desk_detail", own_desk.slug)]
    )
    assert (
        english[("sportelli:desk_sheet", own_desk.slug)]
        == italian[("sportelli:desk_sheet", own_desk.slug)]
    )
    assert english[("sportelli:desk_detail", own_desk.slug)] == 5
