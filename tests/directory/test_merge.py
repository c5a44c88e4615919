"""Merging two organizations (directory/merge.py): every related record follows the survivor."""

import datetime
import uuid

import pytest
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from directory import merge
from directory.models import (
    AccessPointReferrer,
    BoardAnswer,
    DuplicateCandidate,
    GeneralInterestArea,
    ImportBatch,
    ImportRecord,
    Invitation,
    LegalForm,
    Membership,
    NetworkMembership,
    Organization,
    OrganizationMerge,
    OrganizationTranslation,
    PlaceRequest,
    RegistryEntry,
    Revision,
    SearchRefresh,
    SteeringBoardSeat,
    SurveyResponse,
    TrainingPlan,
    Volunteer,
)
from sportelli.models import NeedSignal
from tests.factories import (
    ActivityFactory,
    BoardPostFactory,
    CaseEventFactory,
    ConsentFactory,
    CourseFactory,
    DeskFactory,
    EventFactory,
    InterventionFactory,
    JobOfferFactory,
    LocationFactory,
    MembershipFactory,
    MunicipalityFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
    ProblemReportFactory,
    ReferralFactory,
    SurveyRoundFactory,
    TeamFactory,
    TrainingPlanFactory,
    UserFactory,
    VolunteeringCallFactory,
)

pytestmark = pytest.mark.django_db


def _invitation(organization, user, **fields):
    return Invitation.objects.create(
        organization=organization,
        user=user,
        role=Membership.Role.EDITOR,
        token_hash=Invitation.hash_token(str(uuid.uuid4())),
        expires_at=datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC),
        **fields,
    )


def _one_of_each(loser, survivor) -> dict[str, models.Model]:
    """One row of every relation to an organization, pointing to ``loser``."""
    post = BoardPostFactory(organization=survivor)
    other = OrganizationFactory(name="Terzo ente")
    course = CourseFactory(plan__organization=other)
    area = GeneralInterestArea.objects.first()
    loser.general_interest_areas.add(area)
    return {
        "directory.Location.organization": LocationFactory(organization=loser),
        "directory.Activity.organization": ActivityFactory(organization=loser),
        "directory.BoardPost.organization": BoardPostFactory(organization=loser),
        "directory.BoardAnswer.organization": BoardAnswer.objects.create(
            post=post, organization=loser, author=UserFactory(), message="Ci siamo noi."
        ),
        "directory.Membership.organization": MembershipFactory(organization=loser),
        "directory.Invitation.organization": _invitation(loser, UserFactory()),
        "directory.ProblemReport.organization": ProblemReportFactory(
            activity=ActivityFactory(organization=survivor), organization=loser
        ),
        "directory.Revision.organization": Revision.objects.create(
            organization=loser, kind=Revision.Kind.ORGANIZATION, data={}, author=UserFactory()
        ),
        "directory.Volunteer.organization": Volunteer.objects.create(
            organization=loser, first_name="Anna", last_name="Neri"
        ),
        "directory.TrainingPlan.organization": TrainingPlanFactory(organization=loser, year=2025),
        "directory.PlaceRequest.organization": PlaceRequest.objects.create(
            course=course, organization=loser, places=2, requested_by=UserFactory()
        ),
        "directory.VolunteeringCall.organization": VolunteeringCallFactory(organization=loser),
        "directory.ImportRecord.organization": None,  # dropped: see test below
        "directory.RegistryEntry.organization": RegistryEntry.objects.create(
            organization=loser, section="b", imported_values={"name": loser.name}
        ),
        "directory.DuplicateCandidate.first": None,  # dropped: see test below
        "directory.DuplicateCandidate.second": None,
        "directory.OrganizationMerge.survivor": OrganizationMerge.objects.create(
            survivor=loser, merged_id=999, merged_name="Vecchio ente", old_slug="vecchio-ente"
        ),
        "directory.Organization.general_interest_areas": area,
        "sportelli.Desk.host_organization": DeskFactory(host_organization=loser),
        "sportelli.Referral.from_organization": ReferralFactory(
            from_desk=None, from_organization=loser
        ),
        "sportelli.Referral.to_organization": ReferralFactory(to_organization=loser),
        "sportelli.Referral.receiving_organization": ReferralFactory(
            to_organization=None,
            to_activity=ActivityFactory(organization=survivor),
            receiving_organization=loser,
        ),
        "famiglie.Team.organization": TeamFactory(organization=loser),
        "famiglie.Consent.organization": ConsentFactory(kind="sharing", organization=loser),
        "famiglie.CaseEvent.organization": CaseEventFactory(organization=loser),
        "famiglie.Intervention.organization": InterventionFactory(organization=loser),
        "directory.Event.organization": EventFactory(organization=loser),
        "directory.JobOffer.organization": JobOfferFactory(organization=loser),
        "directory.Network.lead_organization": NetworkFactory(lead_organization=loser),
        "directory.NetworkMembership.organization": NetworkMembershipFactory(organization=loser),
        "directory.SteeringBoardSeat.organization": SteeringBoardSeat.objects.create(
            network=NetworkFactory(), organization=loser, office="Presidente"
        ),
        "directory.AccessPointReferrer.organization": AccessPointReferrer.objects.create(
            user=UserFactory(), organization=loser
        ),
        "sportelli.NeedSignal.access_point": NeedSignal.objects.create(
            network=NetworkFactory(),
            access_point=loser,
            source_type="bank",
            area="work",
            municipality=MunicipalityFactory(),
            age_band="30-44",
        ),
        "directory.SurveyResponse.organization": SurveyResponse.objects.create(
            round=SurveyRoundFactory(), organization=loser
        ),
        "directory.OrganizationTranslation.organization": OrganizationTranslation.objects.create(
            organization=loser, language="en", description="An association"
        ),
    }


@pytest.fixture
def pair(seeded_taxonomies):
    survivor = OrganizationFactory(name="Il Ponte APS", slug="il-ponte-aps", tax_code="97123450153")
    loser = OrganizationFactory(name="Associazione Il Ponte", slug="associazione-il-ponte")
    return survivor, loser


def test_every_relation_to_an_organization_has_a_way_to_move():
    # Fails when a model pointing to Organization is added without a line in merge.MOVES.
    assert merge.unhandled_relations() == []
    assert {r.key for r in merge.relations()} == set(merge.MOVES)


def test_an_unhandled_relation_stops_the_merge(pair, coordinator, monkeypatch):
    survivor, loser = pair
    monkeypatch.delitem(merge.MOVES, "directory.Activity.organization")
    with pytest.raises(merge.UnhandledRelation, match="directory.Activity.organization"):
        merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)
    assert Organization.objects.filter(pk=loser.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_every_related_record_follows_the_survivor(pair, coordinator):
    survivor, loser = pair
    rows = _one_of_each(loser, survivor)
    # A new relation fails here too, until this test makes a row of it.
    assert set(rows) == {r.key for r in merge.relations()}
    totals = {m: m._base_manager.count() for m in {type(r) for r in rows.values() if r}}

    merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)

    assert not Organization.objects.filter(pk=loser.pk).exists()
    for relation in merge.relations():
        row = rows[relation.key]
        if row is None:
            continue
        if relation.model is Organization:
            assert row in getattr(survivor, relation.accessor).all(), relation.key
            continue
        row.refresh_from_db()
        assert getattr(row, f"{relation.field}_id") == survivor.pk, relation.key
    # Nothing lost: no row of any of these models went with the deleted organization.
    totals[OrganizationMerge] += 1  # the log of this merge
    assert totals == {m: m._base_manager.count() for m in totals}


def test_the_merge_is_logged_with_what_moved(pair, coordinator):
    survivor, loser = pair
    ActivityFactory.create_batch(2, organization=loser)
    LocationFactory(organization=loser)
    log = merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)
    log.refresh_from_db()
    assert (log.survivor, log.merged_by) == (survivor, coordinator)
    assert (log.merged_name, log.old_slug, log.merged_id) == (
        "Associazione Il Ponte",
        "associazione-il-ponte",
        loser.pk,
    )
    assert (log.survivor_name, log.survivor_tax_code) == ("Il Ponte APS", "97123450153")
    assert log.moved == {"attività": 2, "sedi": 1}
    entries = LogEntry.objects.order_by("pk")
    assert [(e.action_flag, e.object_id, e.user_id) for e in entries] == [
        (DELETION, str(loser.pk), coordinator.pk),
        (CHANGE, str(survivor.pk), coordinator.pk),
    ]


def test_values_taken_from_the_merged_record(pair, coordinator):
    survivor, loser = pair
    loser.phone = "02 1234567"
    loser.tax_code = ""
    loser.save()
    # The merged record's tax code moves to the survivor: the unique constraint must not trip.
    survivor.tax_code, loser.tax_code = "", "97123450153"
    survivor.save()
    loser.save()
    log = merge.organization_merge(
        survivor=survivor, merged=loser, take=["phone", "tax_code", "slug"], user=coordinator
    )
    survivor.refresh_from_db()
    assert (survivor.phone, survivor.tax_code, survivor.slug) == (
        "02 1234567",
        "97123450153",
        "il-ponte-aps",  # not choosable: the survivor keeps its address
    )
    assert log.values_taken == ["telefono", "codice fiscale"]


def test_a_result_that_breaks_a_rule_changes_nothing(pair, coordinator):
    survivor, loser = pair
    survivor.legal_form = LegalForm.PARENTS_COMMITTEE
    survivor.save()
    loser.runts_number = "12345"
    loser.save()
    ActivityFactory(organization=loser)
    with pytest.raises(ValidationError):
        merge.organization_merge(
            survivor=survivor, merged=loser, take=["runts_number"], user=coordinator
        )
    assert loser.activities.count() == 1
    assert not OrganizationMerge.objects.exists()
    assert not LogEntry.objects.exists()


def test_an_organization_is_not_merged_with_itself(pair, coordinator):
    survivor, _loser = pair
    with pytest.raises(ValidationError):
        merge.organization_merge(survivor=survivor, merged=survivor, user=coordinator)


def test_an_organization_deleted_meanwhile_is_told(pair, coordinator):
    survivor, loser = pair
    Organization.objects.filter(pk=loser.pk).delete()
    with pytest.raises(ValidationError):
        merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)


def test_a_member_of_both_keeps_one_membership_as_manager_if_either(pair, coordinator):
    survivor, loser = pair
    both, only_loser = UserFactory(), UserFactory()
    MembershipFactory(user=both, organization=survivor, role=Membership.Role.EDITOR)
    MembershipFactory(user=both, organization=loser, role=Membership.Role.MANAGER)
    MembershipFactory(user=only_loser, organization=loser)
    merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)
    assert set(survivor.memberships.values_list("user", "role")) == {
        (both.pk, Membership.Role.MANAGER),
        (only_loser.pk, Membership.Role.EDITOR),
    }


def test_a_role_both_had_in_a_network_stays_once_and_the_others_follow(pair, coordinator):
    survivor, loser = pair
    network, other = NetworkFactory(), NetworkFactory()
    NetworkMembershipFactory(network=network, organization=survivor, role="partner")
    NetworkMembershipFactory(network=network, organization=loser, role="partner")
    NetworkMembershipFactory(network=network, organization=loser, role="firmatario")
    NetworkMembershipFactory(network=other, organization=loser, role="capofila")
    merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)
    assert set(NetworkMembership.objects.values_list("network", "organization", "role")) == {
        (network.pk, survivor.pk, "partner"),
        (network.pk, survivor.pk, "firmatario"),
        (other.pk, survivor.pk, "capofila"),
    }


def test_open_invitations_of_the_same_person_become_one(pair, coordinator):
    survivor, loser = pair
    person = UserFactory()
    kept = _invitation(survivor, person)
    _invitation(loser, person)
    accepted = _invitation(
        loser, person, accepted_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )
    merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)
    assert set(survivor.invitations.all()) == {kept, accepted}


def test_training_plans_of_the_same_year_become_one_with_all_courses(pair, coordinator):
    survivor, loser = pair
    kept = TrainingPlanFactory(organization=survivor, year=2026, notes="Sicurezza")
    CourseFactory(plan=kept, title="Primo soccorso")
    theirs = TrainingPlanFactory(organization=loser, year=2026, notes="Privacy")
    CourseFactory(plan=theirs, title="GDPR")
    TrainingPlanFactory(organization=loser, year=2025)
    merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)
    assert sorted(survivor.training_plans.values_list("year", flat=True)) == [2025, 2026]
    kept.refresh_from_db()
    assert kept.notes == "Sicurezza\n\nPrivacy"
    assert sorted(kept.courses.values_list("title", flat=True)) == ["GDPR", "Primo soccorso"]
    assert not TrainingPlan.objects.filter(pk=theirs.pk).exists()


def test_the_same_area_on_both_is_kept_once(pair, coordinator):
    survivor, loser = pair
    areas = list(GeneralInterestArea.objects.all()[:2])
    survivor.general_interest_areas.add(areas[0])
    loser.general_interest_areas.add(*areas)
    merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)
    assert set(survivor.general_interest_areas.all()) == set(areas)


def test_the_pairs_of_the_merged_organization_go(pair, coordinator):
    survivor, loser = pair
    third = OrganizationFactory()
    assert survivor.pk < loser.pk < third.pk

    def candidate(first, second):
        return DuplicateCandidate.objects.create(
            first=first,
            second=second,
            reason="name",
            score=0.8,
            found_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        )

    candidate(survivor, loser)
    candidate(loser, third)
    kept = candidate(survivor, third)
    merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)
    assert list(DuplicateCandidate.objects.all()) == [kept]


@pytest.mark.django_db(transaction=True)
def test_the_moved_activities_are_found_under_the_survivor(pair, coordinator, client):
    survivor, loser = pair
    activity = ActivityFactory(organization=loser, title="Doposcuola del Ponte")
    merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)
    # Refreshed at once (few activities), after the merge committed.
    assert not SearchRefresh.objects.exists()
    page = client.get(reverse("directory:search"), {"q": "Il Ponte APS"}).content.decode()
    assert activity.title in page


def test_the_old_address_redirects_to_the_survivor(pair, coordinator, client):
    survivor, loser = pair
    old_url = loser.get_absolute_url()
    merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == survivor.get_absolute_url()


def test_old_addresses_follow_a_second_merge(pair, coordinator, client):
    survivor, loser = pair
    final = OrganizationFactory(name="Il Ponte ETS", slug="il-ponte-ets")
    merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)
    merge.organization_merge(survivor=final, merged=survivor, user=coordinator)
    for slug in ["associazione-il-ponte", "il-ponte-aps"]:
        response = client.get(reverse("directory:organization_detail", args=[slug]))
        assert response["Location"] == final.get_absolute_url()


def test_an_unknown_or_unpublished_address_is_still_404(pair, coordinator, client):
    survivor, loser = pair
    survivor.status = "draft"
    survivor.save()
    merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)
    assert (
        client.get(
            reverse("directory:organization_detail", args=["associazione-il-ponte"])
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("directory:organization_detail", args=["mai-esistito"])).status_code
        == 404
    )


def test_the_imports_record_of_the_merged_organization_goes(pair, coordinator):
    # Undoing that import later must not delete or revert the survivor, which it never touched.
    survivor, loser = pair
    batch = ImportBatch.objects.create(file_name="runts.xlsx", status=ImportBatch.Status.DONE)
    ImportRecord.objects.create(batch=batch, organization=loser, action="created")
    kept = ImportRecord.objects.create(batch=batch, organization=survivor, action="updated")

    merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)

    assert list(ImportRecord.objects.all()) == [kept]


def test_the_survivors_runts_entry_stands_when_both_have_one(pair, coordinator):
    survivor, loser = pair
    own = RegistryEntry.objects.create(organization=survivor, section="b")
    RegistryEntry.objects.create(organization=loser, section="a")

    merge.organization_merge(survivor=survivor, merged=loser, user=coordinator)

    assert list(RegistryEntry.objects.all()) == [own]
