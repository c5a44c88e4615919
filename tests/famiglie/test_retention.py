import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from famiglie.models import (
    AssessmentScore,
    CaseEvent,
    Closure,
    Consent,
    Household,
    Intervention,
    Member,
    Note,
    Objective,
    Review,
)
from famiglie.retention import erase_closed_households
from tests.factories import (
    AssessmentFactory,
    AssessmentScoreFactory,
    CaseEventFactory,
    CaseFactory,
    ConsentFactory,
    HouseholdFactory,
    InterventionFactory,
    MemberFactory,
    NoteFactory,
    ObjectiveFactory,
    ReviewFactory,
)

NOW = datetime.datetime(2036, 12, 2, 10, 0, tzinfo=datetime.UTC)
YEARS_10 = datetime.timedelta(days=3650)


def _closed_case(closed_at, **household):
    case = CaseFactory(
        household=HouseholdFactory(housing_notes="Sfratto.", **household),
        state="closed",
        closure_reason="Trasferiti.",
        closed_at=closed_at,
    )
    MemberFactory(household=case.household)
    CaseEventFactory(case=case, note="Colloquio.")
    ConsentFactory(household=case.household, signed_form=SimpleUploadedFile("m.pdf", b"%PDF-1.4"))
    AssessmentScoreFactory(assessment__case=case, notes="Padre senza lavoro.")
    ObjectiveFactory(case=case, description="Tirocinio per Samira.")
    ReviewFactory(case=case, held_on="2026-01-10", notes="Samira ha iniziato.")
    InterventionFactory(case=case, notes="Consegnato a Samira.")
    NoteFactory(case=case, text="Samira è stanca.")
    Closure.objects.create(
        case=case,
        reason="moved",
        note="Samira si è trasferita.",
        final_assessment=AssessmentFactory(case=case),
        approved_at=closed_at,
    )
    return case


def test_a_household_closed_past_the_period_loses_who_it_was(db, settings):
    settings.LINKRETE_CASE_RETENTION_YEARS = 10
    old = _closed_case(NOW - YEARS_10 - datetime.timedelta(days=1))
    recent = _closed_case(NOW - YEARS_10 + datetime.timedelta(days=1))
    still_open = CaseFactory(household=HouseholdFactory(phone="3331112222"))
    MemberFactory(household=still_open.household)

    assert erase_closed_households(NOW) == 1
    household = Household.objects.get(pk=old.household_id)
    assert household.phone == "" and household.housing_notes == ""
    assert not Member.objects.filter(household=household).exists()
    assert not Consent.objects.get(household=household).signed_form
    assert not CaseEvent.objects.filter(case=old).exclude(note="").exists()
    assert AssessmentScore.objects.get(assessment__case=old).notes == ""
    assert AssessmentScore.objects.get(assessment__case=recent).notes != ""
    assert Objective.objects.get(case=old).description == "—"
    assert Review.objects.get(case=old).notes == ""
    assert Review.objects.get(case=recent).notes != ""
    assert Intervention.objects.get(case=old).notes == ""
    assert not Note.objects.filter(case=old).exists()
    assert Closure.objects.get(case=old).note == "—"
    assert Closure.objects.get(case=recent).note != "—"
    assert Note.objects.filter(case=recent).exists()
    old.refresh_from_db()
    assert old.state == "closed" and old.closure_reason == "—"  # still counted
    assert Member.objects.filter(household=recent.household).exists()
    assert Member.objects.filter(household=still_open.household).exists()
    assert erase_closed_households(NOW) == 0  # twice changes nothing
