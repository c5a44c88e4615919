"""The referral form's destinations: told apart, near the sender first, the whole network on
request, bounded."""

import html

import pytest
from django.utils.text import slugify

from directory.models import Activity, Location
from directory.search import refresh_search_document
from sportelli.models import Referral
from tests.factories import (
    ActivityFactory,
    LocationFactory,
    MunicipalityFactory,
    OrganizationFactory,
    ZoneFactory,
)

pytestmark = pytest.mark.django_db

TITLE = "Accompagnamento a visite mediche"
URL = "/sportelli/segnalazioni/nuova/"


def town(istat_code, name):
    return MunicipalityFactory(istat_code=istat_code, name=name)


def organization_in(name, municipality, *, kind=Location.Kind.PHYSICAL):
    organization = OrganizationFactory(name=name)
    place = LocationFactory(
        organization=organization,
        municipality=municipality if kind == Location.Kind.PHYSICAL else None,
        kind=kind,
    )
    return organization, place


def accompaniment(name, municipality):
    organization, place = organization_in(name, municipality)
    activity = ActivityFactory(organization=organization, title=TITLE, slug=slugify(name))
    activity.locations.add(place)
    return activity


@pytest.fixture
def network(desk):
    """The desk (Buccinasco) serves a zone with Corsico; Napoli is far away."""
    corsico = town("015093", "Corsico")
    zone = ZoneFactory(name="Ambito Corsico")
    zone.municipalities.add(desk.municipality, corsico)
    desk.zone = zone
    desk.save()
    return {
        "here": accompaniment("Auser Buccinasco", desk.municipality),
        "zone": accompaniment("Auser Corsico", corsico),
        "far": accompaniment("Auser Napoli", town("063049", "Napoli")),
        "remote": organization_in("Telefono Amico", None, kind=Location.Kind.VIRTUAL)[0],
    }


def page_of(client, **params):
    return html.unescape(client.get(URL, params).content.decode())


def test_activities_with_the_same_title_are_told_apart(client, desk_operator, network):
    client.force_login(desk_operator)

    page = page_of(client)

    assert f"{TITLE} — Auser Buccinasco, Buccinasco" in page
    assert f"{TITLE} — Auser Corsico, Corsico" in page
    assert '<optgroup label="Auser Corsico">' in page


def test_a_far_organization_is_not_offered_by_default(client, desk_operator, network):
    client.force_login(desk_operator)

    page = page_of(client)

    assert "Auser Napoli" not in page
    assert "Telefono Amico — a distanza" in page  # a remote service reaches everyone
    assert "?rete=tutta" in page


def test_the_whole_network_is_one_click_away_and_searchable(client, desk_operator, network):
    client.force_login(desk_operator)

    everything = page_of(client, rete="tutta")
    found = page_of(client, rete="tutta", cerca="napoli")

    assert f"{TITLE} — Auser Napoli, Napoli" in everything
    assert "Auser Napoli" in found and "Auser Corsico" not in found


def test_a_far_target_chosen_from_the_whole_network_is_kept_after_an_error(
    client, desk, desk_operator, network
):
    client.force_login(desk_operator)
    far = network["far"]

    response = client.post(
        URL,
        {
            "sender": f"desk-{desk.pk}",
            "to_activity": far.pk,
            "person_name": "Fatima Benali",
            "person_contact": "3339876543",
            "need": "Accompagnamento a una visita",
        },
    )

    page = html.unescape(response.content.decode())
    assert response.status_code == 200 and "consenso" in page
    assert f'<option value="{far.pk}" selected>{TITLE} — Auser Napoli, Napoli</option>' in page
    assert not Referral.objects.exists()


def test_a_far_target_can_still_be_sent(client, desk, desk_operator, network):
    client.force_login(desk_operator)

    response = client.post(
        URL + "?rete=tutta",
        {
            "sender": f"desk-{desk.pk}",
            "to_activity": network["far"].pk,
            "person_name": "Fatima Benali",
            "person_contact": "3339876543",
            "need": "Accompagnamento a una visita",
            "consent_to_share": "on",
        },
    )

    assert response.status_code == 302
    assert Referral.objects.get().to_activity == network["far"]


def test_an_organization_sender_gets_its_own_territory(client, staff, organization, network):
    LocationFactory(
        organization=organization, municipality=network["far"].locations.get().municipality
    )
    client.force_login(staff)

    page = page_of(client)

    assert f"{TITLE} — Auser Napoli, Napoli" in page
    assert "Auser Corsico" not in page


@pytest.mark.parametrize("params", [{}, {"rete": "tutta"}])
def test_the_query_count_does_not_grow_with_the_network(
    client, desk, desk_operator, network, django_assert_max_num_queries, params
):
    client.force_login(desk_operator)
    with django_assert_max_num_queries(15) as few:
        client.get(URL, params)
    for n in range(12):
        activity = accompaniment(f"Auser Sezione {n}", desk.municipality)
        activity.locations.add(LocationFactory(organization=activity.organization))
        ActivityFactory(organization=activity.organization)  # no place: its organization's
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = page_of(client, **params)
    assert "Auser Sezione 11, Buccinasco" in page


def test_the_lists_are_bounded(client, desk, desk_operator, monkeypatch):
    monkeypatch.setattr("sportelli.referral_targets.TARGET_LIMIT", 3)
    for n in range(5):
        accompaniment(f"Auser Sezione {n}", desk.municipality)
    client.force_login(desk_operator)

    page = page_of(client)

    assert page.count(f"{TITLE} — Auser Sezione") == 3
    assert "Sono mostrati solo i primi 3" in page


@pytest.mark.parametrize("value", ["abc", "999999", "-1", "1.5"])
def test_a_forged_target_gets_a_clear_message(client, desk, desk_operator, network, value):
    client.force_login(desk_operator)

    response = client.post(
        URL,
        {
            "sender": f"desk-{desk.pk}",
            "to_activity": value,
            "person_name": "Fatima Benali",
            "person_contact": "3339876543",
            "need": "Accompagnamento",
            "consent_to_share": "on",
        },
    )

    assert response.status_code == 200
    assert "to_activity" in response.context["form"].errors
    assert 'value="Fatima Benali"' in response.content.decode()
    assert not Referral.objects.exists()


def test_an_organization_both_remote_and_in_a_town_is_offered(client, desk_operator, network):
    """A virtual place (no town) beside a physical one made the form answer 500."""
    both, _ = organization_in("Auser Remoto", None, kind=Location.Kind.VIRTUAL)
    LocationFactory(organization=both, municipality=town("063050", "Nola"), name="Nola")
    LocationFactory(organization=both, municipality=network["zone"].locations.get().municipality)
    client.force_login(desk_operator)

    assert "Auser Remoto — Corsico, Nola" in page_of(client, rete="tutta")


def test_a_search_finds_an_activity_by_its_town(client, desk_operator, network):
    """The search reads the activities' search documents (title, organization, towns)."""
    for activity in network.values():
        if isinstance(activity, Activity):
            refresh_search_document(activity)
    client.force_login(desk_operator)

    page = page_of(client, rete="tutta", cerca="Napoli visite")

    assert f"{TITLE} — Auser Napoli, Napoli" in page
    assert "Auser Corsico" not in page


def test_a_search_by_part_of_a_name_ignores_accents(client, desk_operator, network):
    OrganizationFactory(name="Società San Vincenzo")
    client.force_login(desk_operator)

    page = page_of(client, rete="tutta", cerca="societa vincen")

    assert "Società San Vincenzo" in page and "Auser Napoli" not in page


def test_a_search_too_short_says_so(client, desk_operator, network):
    client.force_login(desk_operator)

    page = page_of(client, cerca="a b")

    assert "Scrivi almeno tre lettere" in page
    assert "Auser Buccinasco" not in page


def test_the_territory_holds_activities_in_it_not_the_rest_of_their_organization(
    client, desk_operator, network
):
    """An activity of a near organization held in a far town is not offered by default."""
    here = network["here"].organization
    far_place = LocationFactory(organization=here, municipality=town("058091", "Roma"))
    far = ActivityFactory(organization=here, title="Vacanze a Roma", slug="vacanze-roma")
    far.locations.add(far_place)
    client.force_login(desk_operator)

    assert "Vacanze a Roma" not in page_of(client)
    assert "Vacanze a Roma — Auser Buccinasco, Roma" in page_of(client, rete="tutta")


# Upcoming activities (issue 11): a family can be sent to what starts later, not to what ended.


def test_an_upcoming_activity_is_offered_saying_when_it_starts(
    client, desk, desk_operator, network, pinned_now
):
    today = pinned_now.date()
    camp = accompaniment("Oratorio Buccinasco", desk.municipality)
    camp.title = "Centro estivo"
    camp.valid_from = today.replace(year=today.year + 1, month=6, day=14)
    camp.save()
    ended = accompaniment("Circolo Buccinasco", desk.municipality)
    ended.title = "Corso finito"
    ended.valid_to = today.replace(year=today.year - 1)
    ended.save()
    client.force_login(desk_operator)

    page = page_of(client)

    assert f"Centro estivo (Da giugno {today.year + 1}) — Oratorio Buccinasco" in page
    assert "Corso finito" not in page


def test_an_upcoming_activity_can_be_the_target_of_a_referral(
    client, desk, desk_operator, network, pinned_now
):
    upcoming = network["here"]
    upcoming.valid_from = pinned_now.date().replace(year=pinned_now.year + 1, month=1, day=11)
    upcoming.save()
    client.force_login(desk_operator)

    response = client.post(
        URL,
        {
            "sender": f"desk-{desk.pk}",
            "to_activity": upcoming.pk,
            "person_name": "Fatima Benali",
            "person_contact": "3339876543",
            "need": "Iscrizione al corso di gennaio",
            "consent_to_share": "on",
        },
    )

    assert response.status_code == 302
    assert Referral.objects.get().to_activity == upcoming


def test_an_ended_activity_cannot_be_the_target(client, desk, desk_operator, network, pinned_now):
    ended = network["here"]
    ended.valid_to = pinned_now.date().replace(year=pinned_now.year - 1)
    ended.save()
    client.force_login(desk_operator)

    response = client.post(
        URL,
        {
            "sender": f"desk-{desk.pk}",
            "to_activity": ended.pk,
            "person_name": "Fatima Benali",
            "person_contact": "3339876543",
            "need": "Accompagnamento",
            "consent_to_share": "on",
        },
    )

    assert response.status_code == 200
    assert "Fatima Benali" in response.content.decode()  # nothing typed is lost
    assert not Referral.objects.exists()
