"""Each indicator of a network's dashboard against figures counted by hand (issue 14).

The fixture: network A (``organization`` as lead, the host of ``desk``) with its zone, and
network B's ``other_desk`` and ``other_organization``, whose rows must never be counted in A.
The period is 2026; a row of 2025 is outside it.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from directory.indicators import dashboard, desk_figures, directory_figures, family_figures
from directory.indicators.period import Period
from directory.models import ActionTarget, Figure, LegalForm, MemberRole, SourceType
from famiglie.areas import Area
from famiglie.rollups import refresh_intervention_months
from linkrete.accounts.scope import scope_of_network
from sportelli.models import NeedSignal, Referral, ReferralEvent, ReferralStatus
from tests.factories import (
    AccessFactory,
    ActivityFactory,
    CaseFactory,
    EventSessionFactory,
    EventSignupFactory,
    InterventionFactory,
    LocationFactory,
    MemberFactory,
    MunicipalityFactory,
    NetworkActionFactory,
    NetworkMembershipFactory,
    ObjectiveFactory,
    OrganizationFactory,
    ReferralFactory,
    TeamFactory,
    VolunteerFactory,
    VolunteerHoursFactory,
    ZoneFactory,
    category,
)

YEAR = Period(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


def at(month, day, hour=10):
    return timezone.make_aware(datetime.datetime(2026, month, day, hour))


def table(indicator):
    return {row.label: row.values for row in indicator.rows}


@pytest.fixture
def scope(network):
    return scope_of_network(network)


def test_activities_by_area_and_zone(network, organization, other_organization):
    zone = ZoneFactory(name="Ambito Rhodense")
    town = MunicipalityFactory(istat_code="015182", name="Rho")
    zone.municipalities.add(town)
    network.zones.add(zone)
    place = LocationFactory(organization=organization, municipality=town)
    for slug in ("laboratori", "sport"):
        ActivityFactory(organization=organization, categories=[category(slug)]).locations.add(place)
    ActivityFactory(organization=organization, categories=[category("occupabilita")])
    ActivityFactory(organization=organization, valid_to=datetime.date(2025, 6, 30))  # ended
    ActivityFactory(organization=organization, publication_status="draft")
    ActivityFactory(organization=other_organization)  # network B
    scope = scope_of_network(network)

    assert table(directory_figures.activities_by_area(scope, YEAR)) == {
        "Tempo libero e socialità": (2, 1),
        "Inclusione lavorativa": (1, 1),
    }
    assert table(directory_figures.activities_by_zone(scope, YEAR)) == {"Ambito Rhodense": (2, 1)}


def test_desk_accesses_by_each_dimension(scope, desk, other_desk):
    AccessFactory(desk=desk, occurred_at=at(3, 2), channel="phone", age_band="18-29")
    AccessFactory(
        desk=desk,
        occurred_at=at(3, 20),
        topics=[category("accesso-servizi"), category("digital-divide")],
        outcome="referral",
    )
    AccessFactory(desk=desk, occurred_at=at(11, 5))
    AccessFactory(desk=desk, occurred_at=timezone.make_aware(datetime.datetime(2025, 12, 31, 23)))
    AccessFactory(desk=other_desk, occurred_at=at(3, 2))

    assert table(desk_figures.accesses_by_channel(scope, YEAR)) == {
        "in presenza": (2,),
        "per telefono": (1,),
    }
    assert table(desk_figures.accesses_by_topic(scope, YEAR)) == {
        "Accesso ai servizi": (3,),
        "Digital divide": (1,),
    }
    assert table(desk_figures.accesses_by_desk(scope, YEAR)) == {"Sportello Pagnana": (3,)}
    assert table(desk_figures.accesses_by_month(scope, YEAR)) == {
        "Marzo 2026": (2,),
        "Novembre 2026": (1,),
    }
    assert table(desk_figures.accesses_by_age_band(scope, YEAR)) == {
        "18–29": (1,),
        "30–44": (2,),
    }
    assert table(desk_figures.accesses_by_outcome(scope, YEAR)) == {
        "informazioni fornite": (2,),
        "segnalazione inviata": (1,),
    }


def _answered(referral, status, after_days):
    event = ReferralEvent.objects.create(
        referral=referral, from_status=ReferralStatus.SENT, to_status=status
    )
    ReferralEvent.objects.filter(pk=event.pk).update(
        at=referral.created_at + datetime.timedelta(days=after_days)
    )


def test_referrals_by_state_with_median_days_to_answer(scope, desk, other_desk, time_machine):
    time_machine.move_to(at(5, 4), tick=False)
    waiting = ReferralFactory(from_desk=desk)
    accepted = [
        ReferralFactory(from_desk=desk, status=ReferralStatus.ACCEPTED) for _days in range(3)
    ]
    for referral, days in zip(accepted, (1, 2, 6), strict=True):
        _answered(referral, ReferralStatus.ACCEPTED, days)
    declined = ReferralFactory(
        from_desk=desk, status=ReferralStatus.DECLINED, decline_reason="Fuori zona"
    )
    _answered(declined, ReferralStatus.DECLINED, 3)
    ReferralFactory(from_desk=other_desk)  # network B

    rows = table(desk_figures.referrals_by_state(scope, YEAR))

    assert rows == {"inviata": (1, None), "accettata": (3, 2.0), "rifiutata": (1, 3.0)}
    assert waiting.status == ReferralStatus.SENT


def test_families_minors_interventions_and_objectives(
    scope, organization, other_organization, pinned_now
):
    team = TeamFactory(organization=organization)
    first = CaseFactory(team=team, state="active_plan")
    second = CaseFactory(team=team, state="intake")
    CaseFactory(team=team, state="closed", closure_reason="Trasferita")  # still in 2026
    CaseFactory(team=TeamFactory(organization=other_organization))  # network B
    # Ages on 31 December 2026: 2, 5 (3–5), 12, 17 and an adult.
    for household, born in (
        (first.household, datetime.date(2024, 6, 1)),
        (first.household, datetime.date(2021, 12, 31)),
        (first.household, datetime.date(2014, 1, 1)),
        (second.household, datetime.date(2009, 1, 1)),
        (second.household, datetime.date(1980, 1, 1)),
    ):
        MemberFactory(household=household, birth_date=born)
    InterventionFactory(case=first, kind="food_parcel")
    InterventionFactory(case=first, kind="economic_contribution", amount=Decimal("150.00"))
    InterventionFactory(case=second, kind="economic_contribution", amount=Decimal("50.50"))
    InterventionFactory(case=second, kind="food_parcel", date=datetime.date(2025, 3, 1))
    ObjectiveFactory(case=first, area="work", status="achieved")
    ObjectiveFactory(case=first, area="work")
    ObjectiveFactory(case=second, area="emergencies", status="partly")
    refresh_intervention_months()

    assert table(family_figures.families_by_state(scope, YEAR)) == {
        "primo contatto": (1,),
        "progetto attivo": (1,),
        "chiusa": (1,),
    }
    assert table(family_figures.families_by_area(scope, YEAR)) == {
        "Emergenze": (1,),
        "Inclusione lavorativa": (1,),
    }
    assert table(family_figures.minors_by_age_band(scope, YEAR)) == {
        "0–2 anni": (1,),
        "3–5 anni": (1,),
        "11–13 anni": (1,),
        "14–17 anni": (1,),
    }
    assert table(family_figures.interventions_by_kind(scope, YEAR)) == {
        "pacco alimentare": (1, 0),
        "contributo economico": (2, Decimal("200.50")),
    }
    assert table(family_figures.objectives_by_area(scope, YEAR)) == {
        "Emergenze": (1, 0, 1),
        "Inclusione lavorativa": (2, 1, 0),
    }


def test_a_case_closed_before_the_period_is_not_in_care(scope, organization, time_machine):
    time_machine.move_to(at(1, 1) - datetime.timedelta(days=400), tick=False)
    CaseFactory(
        team=TeamFactory(organization=organization),
        state="closed",
        closure_reason="Trasferita",
        closed_at=timezone.now() + datetime.timedelta(days=10),
    )

    assert family_figures.families_by_state(scope, YEAR).rows == []


def test_volunteers_and_hours_by_organization(scope, organization, other_organization):
    giulia = VolunteerFactory(organization=organization)
    VolunteerHoursFactory(volunteer=giulia, hours=Decimal("2.5"))
    VolunteerHoursFactory(volunteer=giulia, hours=3)
    VolunteerHoursFactory(volunteer=giulia, hours=7, date=datetime.date(2025, 5, 1))
    VolunteerFactory(organization=organization)
    VolunteerFactory(organization=organization, end_date=datetime.date(2025, 12, 31))
    VolunteerHoursFactory(volunteer__organization=other_organization)

    assert table(directory_figures.volunteers_by_organization(scope, YEAR)) == {
        "Oratorio San Luigi": (2, Decimal("5.50")),
    }


def test_events_sessions_and_attendance_by_month(scope, organization, other_organization):
    session = EventSessionFactory(event__organization=organization, date=datetime.date(2026, 5, 9))
    EventSessionFactory(event=session.event, date=datetime.date(2026, 5, 16))
    EventSessionFactory(event__organization=organization, date=datetime.date(2026, 5, 23))
    EventSessionFactory(event=session.event, date=datetime.date(2026, 6, 6), status="cancelled")
    EventSignupFactory(session=session, attended=True, ages=[7, 9, 40])
    EventSignupFactory(session=session, attended=False)
    session.walk_ins.create(age_band="adulti", people=4)
    EventSessionFactory(event__organization=other_organization, date=datetime.date(2026, 5, 9))

    assert table(directory_figures.events_by_month(scope, YEAR)) == {"Maggio 2026": (3, 2, 7)}


def test_targets_stand_beside_the_figures_they_measure(network, desk):
    AccessFactory(desk=desk, occurred_at=at(3, 2))
    action = NetworkActionFactory(network=network, name="Sportelli di prossimità")
    ActionTarget.objects.create(
        action=action, name="Accessi", unit="accessi", value=4, figure=Figure.ACCESSES
    )
    ActionTarget.objects.create(action=action, name="Incontri", unit="incontri", value=10)

    found = dashboard(network, YEAR)

    accesses = next(h for h in found.headlines if h.figure == Figure.ACCESSES)
    assert accesses.value == 1
    assert [(t.name, t.share) for t in accesses.targets] == [("Accessi", 25)]
    by_channel = next(i for i in found.indicators() if i.key == "accesses_by_channel")
    assert by_channel.targets == [accesses]


def test_access_points_referrals_and_signals_by_source_and_area(
    network, other_network, organization, scope
):
    """Two referrals from the bank and one from the school of network A, a desk's referral
    (no source type), one of 2025 and one from network B's company; two signals on emergencies and
    one on work for A, one for B and one of 2025."""
    bank = OrganizationFactory(name="Banca", legal_form=LegalForm.BANK)
    school = OrganizationFactory(name="Scuola", legal_form=LegalForm.SCHOOL)
    company = OrganizationFactory(name="Impresa", legal_form=LegalForm.COMPANY)
    for member, where in ((bank, network), (school, network), (company, other_network)):
        NetworkMembershipFactory(network=where, organization=member, role=MemberRole.ACCESS_POINT)
    scope = scope_of_network(network)  # with the access points
    town = MunicipalityFactory()

    def referral(sender, source_type, when):
        made = ReferralFactory(from_desk=None, from_organization=sender, source_type=source_type)
        Referral.objects.filter(pk=made.pk).update(created_at=when)

    def signal(where, sender, area, when):
        made = NeedSignal.objects.create(
            network=where,
            access_point=sender,
            source_type=SourceType.BANK,
            area=area,
            municipality=town,
            age_band="30-44",
        )
        NeedSignal.objects.filter(pk=made.pk).update(created_at=when)

    referral(bank, SourceType.BANK, at(2, 1))
    referral(bank, SourceType.BANK, at(3, 1))
    referral(school, SourceType.SCHOOL, at(4, 1))
    referral(bank, SourceType.BANK, at(4, 1) - datetime.timedelta(days=365))
    referral(company, SourceType.COMPANY, at(4, 1))
    ReferralFactory(from_desk=None, from_organization=organization)  # a member's: no source type
    signal(network, bank, Area.EMERGENCIES, at(5, 1))
    signal(network, school, Area.EMERGENCIES, at(6, 1))
    signal(network, bank, Area.WORK, at(6, 2))
    signal(network, bank, Area.WORK, at(6, 2) - datetime.timedelta(days=365))
    signal(other_network, company, Area.WORK, at(6, 3))

    by_source = desk_figures.referrals_by_source_type(scope, YEAR)
    signals = desk_figures.emerging_need_signals(scope, YEAR)

    assert table(by_source) == {"banca": (2,), "scuola": (1,)}
    assert table(signals) == {str(Area.EMERGENCIES.label): (2,), str(Area.WORK.label): (1,)}
    keys = {indicator.key for indicator in dashboard(network, YEAR).indicators()}
    assert {"referrals_by_source_type", "emerging_need_signals"} <= keys


def test_interventions_of_past_months_come_from_the_rollup_and_the_rest_live(
    scope, organization, pinned_now
):
    """Now is 2 December 2026: January–November from the rollup, December live, and a period
    from 15 March counts March's second half live."""
    case = CaseFactory(team=TeamFactory(organization=organization))
    for day in (datetime.date(2026, 3, 10), datetime.date(2026, 3, 20), datetime.date(2026, 12, 1)):
        InterventionFactory(case=case, date=day, kind="economic_contribution", amount=10)
    refresh_intervention_months()
    InterventionFactory(case=case, date=datetime.date(2026, 4, 2))  # after the nightly count

    assert table(family_figures.interventions_by_kind(scope, YEAR)) == {
        "contributo economico": (3, Decimal("30.00")),
    }
    from_march_15 = Period(datetime.date(2026, 3, 15), datetime.date(2026, 12, 31))
    assert table(family_figures.interventions_by_kind(scope, from_march_15)) == {
        "contributo economico": (2, Decimal("20.00")),
    }
    refresh_intervention_months()
    assert table(family_figures.interventions_by_kind(scope, YEAR))["pacco alimentare"] == (
        1,
        Decimal("0"),
    )


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "whole", "live"),
    [
        ("2026-01-01", "2026-12-31", ("2026-01-01", "2026-12-01"), [("2026-12-01", "2026-12-31")]),
        (
            "2026-03-15",
            "2026-06-10",
            ("2026-04-01", "2026-06-01"),
            [("2026-03-15", "2026-03-31"), ("2026-06-01", "2026-06-10")],
        ),
        ("2026-03-15", "2026-03-20", None, [("2026-03-15", "2026-03-20")]),
        ("2025-01-01", "2025-12-31", ("2025-01-01", "2026-01-01"), []),
    ],
)
def test_a_period_splits_into_rolled_up_and_live_months(starts_on, ends_on, whole, live):
    day = datetime.date.fromisoformat
    period = Period(day(starts_on), day(ends_on))

    found = family_figures._split_months(period, datetime.date(2026, 12, 1))

    assert found == (
        whole and (day(whole[0]), day(whole[1])),
        [(day(a), day(b)) for a, b in live],
    )
