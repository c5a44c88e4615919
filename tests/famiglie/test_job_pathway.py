"""The job pathway (incrocio domanda/offerta): a member's skills and availability, the match
list of current offers in the household's town ordered by skills in common, placements
recorded as interventions linked to the offer, audit rows of every read of the skills."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import JobOffer
from famiglie import export
from famiglie.models import Intervention, InterventionKind, JobProfile
from famiglie.retention import erase_closed_households
from tests.factories import (
    JobOfferFactory,
    JobProfileFactory,
    MunicipalityFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.usefixtures("pinned_now")

# 5 as every case page (session, user, second factor, works on cases: one statement, the
# case), the member, the profile, one INSERT of its read's audit row, the matching offers with
# their organization and town.
MATCH_PAGE_QUERIES = 9


@pytest.fixture
def town(db):
    return MunicipalityFactory(name="Pavia", istat_code="018110")


@pytest.fixture
def profile(case, town):
    case.household.municipality = town
    case.household.save()
    return JobProfileFactory(
        member__household=case.household,
        member__first_name="Karim",
        skills=["warehouse", "driving", "italian"],
    )


def _offer(town, skills, **kwargs):
    return JobOfferFactory(municipality=town, skills=skills, **kwargs)


def _matches_url(case, profile):
    return reverse("famiglie:job_matches", args=[case.code, profile.member_id])


def test_offers_match_by_skills_in_common_in_the_town_while_current(town, profile):
    two = _offer(town, ["warehouse", "driving", "cleaning"], title="Due in comune")
    three = _offer(town, ["warehouse", "driving", "italian"], title="Tre in comune")
    one = _offer(town, ["italian", "catering"], title="Una in comune")
    _offer(town, ["childcare"], title="Nessuna in comune")
    _offer(
        MunicipalityFactory(name="Vigevano", istat_code="018177"),
        ["warehouse"],
        title="Altro comune",
    )
    _offer(town, ["warehouse"], title="Scaduta", valid_until=datetime.date(2026, 12, 1))

    found = list(JobOffer.objects.matching(profile.skills, town.pk))

    assert found == [three, two, one]
    assert [offer.overlap for offer in found] == [3, 2, 1]


def test_the_match_list_shows_the_offers_and_audits_the_read_of_the_skills(
    client, case, case_worker, town, profile
):
    _offer(town, ["warehouse"], title="Magazziniere turno mattina")
    _offer(town, ["warehouse"], title="Offerta scaduta", valid_until=datetime.date(2026, 11, 30))
    client.force_login(case_worker)

    response = client.get(_matches_url(case, profile))

    page = response.content.decode()
    assert "Magazziniere turno mattina" in page
    assert "Offerta scaduta" not in page
    read = LogEntry.objects.get_for_object(profile).get(action=LogEntry.Action.ACCESS)
    assert read.actor == case_worker
    assert read.additional_data == {"page": "famiglie:job_matches"}
    assert "Karim" not in read.object_repr


def test_someone_not_available_is_proposed_no_offer(client, case, case_worker, town, profile):
    profile.availability = "not_now"
    profile.save()
    _offer(town, ["warehouse"], title="Magazziniere turno mattina")
    client.force_login(case_worker)

    page = client.get(_matches_url(case, profile)).content.decode()

    assert "Magazziniere turno mattina" not in page


def test_skills_are_recorded_and_their_history_masks_them(client, case, case_worker):
    adult = JobProfileFactory(member__household=case.household).member
    JobProfile.objects.filter(member=adult).delete()
    client.force_login(case_worker)
    url = reverse("famiglie:job_profile_edit", args=[case.code, adult.pk])

    response = client.post(
        url,
        {"skills": ["care", "cleaning"], "availability": "part_time", "notes": "Ex badante."},
    )

    assert response.status_code == 302
    profile = JobProfile.objects.get(member=adult)
    assert profile.skills == ["care", "cleaning"] and profile.updated_by == case_worker
    entry = LogEntry.objects.get_for_object(profile).get(action=LogEntry.Action.CREATE)
    assert "badante" not in str(entry.changes) and "care" not in str(entry.changes)


def test_an_unknown_skill_is_refused_and_the_notes_typed_are_kept(
    client, case, case_worker, profile
):
    client.force_login(case_worker)
    url = reverse("famiglie:job_profile_edit", args=[case.code, profile.member_id])

    response = client.post(
        url, {"skills": ["astronaut"], "availability": "sometimes", "notes": "Patente C."}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "Patente C." in page
    assert "astronaut non è tra quelle disponibili" in page
    profile.refresh_from_db()
    assert profile.notes == ""


def test_a_placement_is_an_intervention_linked_to_the_offer(
    client, case, case_worker, town, profile
):
    company = OrganizationFactory(name="Logistica Ticino srl")
    offer = _offer(town, ["warehouse"], title="Tirocinio magazzino", organization=company)
    client.force_login(case_worker)
    url = reverse("famiglie:intervention_create", args=[case.code])

    form = client.get(url + f"?offerta={offer.pk}").context["form"]
    assert form.initial["kind"] == InterventionKind.PLACEMENT
    assert form.initial["job_offer"] == offer.pk
    assert client.get(url + "?offerta=abc").status_code == 200

    response = client.post(
        url, {"kind": "placement", "date": "2026-12-01", "job_offer": str(offer.pk)}
    )

    assert response.status_code == 302
    placement = Intervention.objects.get(case=case)
    assert placement.job_offer == offer
    assert placement.organization == company  # the provider is the offering company
    assert "Tirocinio magazzino" in client.get(case.get_absolute_url()).content.decode()


def test_an_offer_is_only_for_a_placement(client, case, case_worker, town, profile):
    offer = _offer(town, ["warehouse"])
    client.force_login(case_worker)

    response = client.post(
        reverse("famiglie:intervention_create", args=[case.code]),
        {"kind": "food_parcel", "date": "2026-12-01", "quantity": "1", "job_offer": offer.pk},
    )

    assert response.status_code == 400
    assert not Intervention.objects.exists()


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_match_list_queries_do_not_grow_with_the_offers(
    client, case, case_worker, town, profile
):
    client.force_login(case_worker)
    url = _matches_url(case, profile)
    for _ in range(2):
        _offer(town, ["warehouse", "driving"], organization=OrganizationFactory())
    small = _count(client, url)
    for _ in range(15):
        _offer(town, ["warehouse"], organization=OrganizationFactory())
    assert _count(client, url) == small == MATCH_PAGE_QUERIES


def test_the_skills_go_with_the_member_when_the_household_is_anonymised(case, team_lead, profile):
    from famiglie import services

    services.case_move(case=case, to_state="closed", by=team_lead, note="Trasferiti.")
    case.__class__.objects.filter(pk=case.pk).update(
        closed_at=datetime.datetime(2015, 1, 10, tzinfo=datetime.UTC)
    )

    erase_closed_households(datetime.datetime(2026, 12, 2, tzinfo=datetime.UTC))

    assert not JobProfile.objects.exists()


def test_the_familys_export_holds_the_skills(case, profile):
    sections = export.household_record(case.household, [case])

    data = export.as_json(case.household, sections)

    job = next(s for s in data["sections"] if s["section"] == "job_profiles")
    assert job["records"][0]["skills"] == ["warehouse", "driving", "italian"]
