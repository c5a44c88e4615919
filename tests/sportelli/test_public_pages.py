"""The public desk list with its filters, and the desk page."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from directory.models import Language, PublicationStatus
from tests.factories import (
    DeskExceptionFactory,
    DeskFactory,
    DeskOpeningSlotFactory,
    MunicipalityFactory,
    category,
)

# Free slots, agendas and retention depend on the day: every test here runs at PINNED_NOW.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]


def names(response):
    return [d.name for d in response.context["desks"]]


def test_the_list_and_page_are_public(client, desk):
    assert client.get(reverse("sportelli:desk_list")).status_code == 200
    page = client.get(desk.get_absolute_url())
    assert page.status_code == 200
    body = page.content.decode()
    assert reverse("sportelli:booking_channel", kwargs={"slug": desk.slug}) in body
    assert "09:00–12:00" in body and desk.location.address in body
    assert "Computer, SPID e pratiche online" in body  # the topic's family label


def test_drafts_are_not_public(client, desk):
    desk.status = PublicationStatus.DRAFT
    desk.save()
    assert client.get(desk.get_absolute_url()).status_code == 404
    assert names(client.get(reverse("sportelli:desk_list"))) == []


def test_filters_by_municipality_topic_language_and_channel(client, desk, other_desk):
    rho = MunicipalityFactory(istat_code="015182", name="Rho")
    other_desk.municipality = rho
    other_desk.offers_phone = False
    other_desk.save()
    other_desk.topics.set([category("orientamento-lavoro")])
    other_desk.languages.set([Language.objects.get(code="ar")])
    url = reverse("sportelli:desk_list")
    assert names(client.get(url, {"comune": rho.istat_code})) == [other_desk.name]
    assert names(client.get(url, {"tema": "orientamento-lavoro"})) == [other_desk.name]
    assert names(client.get(url, {"lingua": "ar"})) == [other_desk.name]
    assert names(client.get(url, {"canale": "phone"})) == [desk.name]


def test_filter_open_on_a_day_follows_hours_and_exceptions(client, desk, other_desk):
    tuesday = datetime.date(2026, 12, 1)
    url = reverse("sportelli:desk_list")
    assert sorted(names(client.get(url, {"giorno": tuesday}))) == sorted(
        [desk.name, other_desk.name]
    )
    DeskExceptionFactory(desk=desk, date=tuesday, is_closed=True)
    assert names(client.get(url, {"giorno": tuesday})) == [other_desk.name]
    wednesday = tuesday + datetime.timedelta(days=1)
    assert names(client.get(url, {"giorno": wednesday})) == []
    DeskExceptionFactory(
        desk=desk,
        date=wednesday,
        is_closed=False,
        opens_at=datetime.time(9),
        closes_at=datetime.time(10),
    )
    assert names(client.get(url, {"giorno": wednesday})) == [desk.name]


def test_the_list_query_count_does_not_grow_with_desks(client, desk, django_assert_max_num_queries):
    url = reverse("sportelli:desk_list")
    # The page's rows, their towns, organizations, places, topics and languages by key, the
    # count, the filters' choices (tests/linkrete/test_public_query_counts.py pins them).
    with django_assert_max_num_queries(9) as few:
        client.get(url)
    for _n in range(6):
        d = DeskFactory()
        d.languages.set(Language.objects.filter(code__in=["it", "en"]))
        DeskOpeningSlotFactory(desk=d)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["desks"]) == 7


def test_the_desk_page_query_count(client, desk, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get(desk.get_absolute_url())


def test_a_remote_only_desk_has_no_address(client, db):
    desk = DeskFactory(
        location=None, municipality=MunicipalityFactory(), offers_in_person=False, offers_video=True
    )
    body = client.get(desk.get_absolute_url()).content.decode()
    assert "<address>" not in body


def test_the_map_data_is_on_the_list_without_needing_javascript(client, desk):
    body = client.get(reverse("sportelli:desk_list")).content.decode()
    assert 'id="desk-map"' in body and "data-lat=" in body
    assert desk.get_absolute_url() in body


def test_seed_desks_is_idempotent_and_links_the_demo_operator(settings, db):
    settings.DEBUG = True
    MunicipalityFactory()  # any municipality: the command loads ISTAT's list only when empty
    call_command("load_municipalities", stdout=io.StringIO())
    out = io.StringIO()
    call_command("seed_desks", stdout=out)
    from sportelli.models import Access, Booking, Desk, DeskTranslation, Referral

    counts = (
        Desk.objects.count(),
        Booking.objects.count(),
        Access.objects.count(),
        Referral.objects.count(),
    )
    call_command("seed_desks", stdout=out)
    assert counts == (
        Desk.objects.count(),
        Booking.objects.count(),
        Access.objects.count(),
        Referral.objects.count(),
    )
    assert counts[0] == 6 and all(counts)
    pagnana = Desk.objects.get(slug="sportello-pagnana")
    assert pagnana.host_organization.slug == "circolo-arci-pagnana"
    assert pagnana.operators.filter(username="sportello").exists()
    assert pagnana.municipality.name == "Empoli"
    # A desk that meets newcomers says what it offers in the languages it does not speak.
    assert "mediatrice culturale" in pagnana.interpreting
    # Every demo desk in English and Arabic (issue 13), once each.
    assert set(pagnana.translations.values_list("language", flat=True)) == {"en", "ar"}
    assert "mediator" in pagnana.translations.get(language="en").interpreting
    assert DeskTranslation.objects.count() == 2 * counts[0]
    assert out.getvalue().strip().splitlines()[-1].startswith("Desks: 6 in all")


def test_seed_desks_does_not_create_the_demo_user_in_production(settings, db):
    from linkrete.accounts.models import User

    settings.DEBUG = False
    MunicipalityFactory()
    call_command("load_municipalities", stdout=io.StringIO())
    call_command("seed_desks", stdout=io.StringIO())
    assert not User.objects.filter(username="sportello").exists()
