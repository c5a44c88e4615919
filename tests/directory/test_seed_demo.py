"""``seed_demo`` builds a realistic, valid demo and running it again changes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command

from directory.models import (
    Activity,
    Category,
    Event,
    EventSession,
    EventSignup,
    EventWalkIn,
    LegalForm,
    Location,
    Membership,
    Municipality,
    Network,
    NetworkAction,
    NetworkMembership,
    OpeningSlot,
    Organization,
    PublicationStatus,
    ScheduleException,
    Zone,
)
from linkrete.accounts import roles
from linkrete.accounts.models import User
from tests.migrated_data import restore_migrated_data

SEEDED_MODELS = [Municipality, Zone, Organization, Location, Activity, OpeningSlot]
SEEDED_MODELS += [ScheduleException, Event, EventSession, EventSignup, EventWalkIn]
SEEDED_MODELS += [Network, NetworkMembership, NetworkAction]


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue().strip().splitlines()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed once for the module (it takes seconds); each test then runs in its own rollback."""
    with django_db_blocker.unblock():
        lines = seed()
    yield lines
    with django_db_blocker.unblock():
        restore_migrated_data()


@pytest.fixture
def demo(seeded, db):
    return seeded


def test_it_seeds_enough_organizations_of_varied_legal_forms(demo):
    assert Organization.objects.count() >= 40
    forms = set(Organization.objects.values_list("legal_form", flat=True))
    assert forms == set(LegalForm.values)
    assert Organization.objects.filter(
        slug="sercop",
        network_memberships__role="capofila",
        network_memberships__network__slug="oltreiperimetri",
    ).exists()
    assert Organization.objects.filter(status=PublicationStatus.DRAFT).count() >= 2


def test_only_third_sector_bodies_have_a_runts_number(demo):
    numbered = Organization.objects.exclude(runts_number="")
    assert numbered.exists()
    assert all(org.is_third_sector_body for org in numbered)
    assert Organization.objects.exclude(tax_code="").count() >= 20


def test_every_organization_has_a_place_and_physical_places_have_coordinates(demo):
    assert not Organization.objects.filter(locations__isnull=True).exists()
    physical = Location.objects.filter(kind=Location.Kind.PHYSICAL)
    assert not physical.filter(latitude__isnull=True).exists()
    assert Location.objects.filter(kind=Location.Kind.VIRTUAL).count() >= 3


def test_it_seeds_activities_covering_every_category_of_the_two_main_taxonomies(demo):
    assert Activity.objects.count() >= 150
    subcategories = Category.objects.filter(
        taxonomy__slug__in=["aree-intervento", "tempo-libero"], parent__isnull=False
    )
    unused = subcategories.filter(activities__isnull=True)
    assert list(unused) == []
    assert Activity.objects.filter(categories__taxonomy__slug="temi-sportello").exists()
    assert Activity.objects.filter(categories__taxonomy__slug="azioni-rhodense").exists()


@pytest.mark.parametrize("years", [1, 4, 8, 12, 16, 40, 80])
def test_there_are_activities_for_every_age(demo, years):
    assert Activity.objects.public().for_age(years).count() >= 5


def test_activities_have_one_to_four_weekly_slots_and_varied_states(demo):
    for activity in Activity.objects.all():
        assert 1 <= activity.opening_slots.count() <= 4, activity.slug
    assert Activity.objects.filter(status=Activity.Status.TEMPORARILY_CLOSED).count() >= 2
    assert Activity.objects.filter(status=Activity.Status.ENDED).count() >= 2
    assert Activity.objects.filter(is_free=False).count() >= 10
    assert Activity.objects.filter(languages__code="uk").exists()
    assert Activity.objects.filter(languages__code="ise").exists()
    christmas = ScheduleException.objects.filter(date="2026-12-25", is_closed=True)
    assert christmas.count() >= 5


def test_zones_group_the_municipalities_of_the_projects(demo):
    umbria_8 = Zone.objects.get(slug="zona-sociale-8-foligno")
    assert "Nocera Umbra" in set(umbria_8.municipalities.values_list("name", flat=True))
    rhodense = Zone.objects.get(slug="ambito-rhodense")
    assert rhodense.municipalities.count() == 9
    assert Zone.objects.count() == 7
    buccinasco = Municipality.objects.get(name="Buccinasco", province_code="MI")
    assert buccinasco.latitude == pytest.approx(45.42, abs=0.01)


def test_the_five_seed_projects_are_networks_with_their_members_roles(demo):
    assert set(Network.objects.values_list("slug", flat=True)) == {
        "link",
        "spoon",
        "oltreiperimetri",
        "net-working",
        "cuore-visconteo",
    }
    spoon = Network.objects.get(slug="spoon")
    assert spoon.lead_organization.slug == "arci-empolese-valdelsa"
    assert set(
        spoon.memberships.filter(role="punto_accesso").values_list("organization__slug", flat=True)
    ) == {"circolo-arci-pagnana", "circolo-arci-il-bastione", "circolo-arci-cerreto-guidi"}
    # One body in two networks with two roles.
    acli = NetworkMembership.objects.filter(organization__slug="acli-milano-monza-brianza")
    assert set(acli.values_list("network__slug", "role")) == {
        ("oltreiperimetri", "partner"),
        ("cuore-visconteo", "firmatario"),
    }
    assert Network.objects.get(slug="net-working").zones.count() == 3
    assert NetworkAction.objects.filter(network__slug="link").count() == 3


def test_every_seeded_record_passes_full_clean(demo):
    for model in SEEDED_MODELS:
        queryset = model.objects.all()
        if model is Municipality:
            queryset = queryset.filter(latitude__isnull=False)
        for record in queryset:
            record.full_clean()


def test_running_it_again_changes_nothing(demo):
    before = {model: sorted(model.objects.values_list("pk", flat=True)) for model in SEEDED_MODELS}
    summary = seed()[-1]
    after = {model: sorted(model.objects.values_list("pk", flat=True)) for model in SEEDED_MODELS}
    assert after == before
    assert summary.startswith("Demo data: 0 created, 0 updated, 0 deleted,")


def test_without_debug_it_creates_no_accounts(demo):
    assert "no demo accounts" in "\n".join(demo)
    assert not User.objects.exists()


def test_with_debug_it_creates_the_demo_accounts(demo, settings):
    settings.DEBUG = True
    output = "\n".join(seed())
    assert {"coordinatore", "ente", "sportello"} <= set(
        User.objects.values_list("username", flat=True)
    )
    coordinator = User.objects.get(username="coordinatore")
    assert coordinator.is_staff and not coordinator.is_superuser
    assert coordinator.groups.filter(name=roles.SUPER_COORDINATOR).exists()
    # A coordinator per seed network, of that network only.
    from directory.models import NetworkCoordinator
    from linkrete.accounts.scope import scope_of

    assert set(NetworkCoordinator.objects.values_list("user__username", "network__slug")) == {
        ("coord-link", "link"),
        ("coord-spoon", "spoon"),
        ("coord-oltreiperimetri", "oltreiperimetri"),
        ("coord-networking", "net-working"),
        ("coord-visconteo", "cuore-visconteo"),
    }
    spoon = User.objects.get(username="coord-spoon")
    assert spoon.groups.filter(name=roles.COORDINATOR).exists()
    scope = scope_of(spoon)
    assert scope.desks and scope.organizations
    assert Organization.objects.get(slug="oratorio-san-luigi").pk not in scope.organizations
    assert "coord-visconteo" in output.split("Second factor of", 1)[1]
    assert coordinator.check_password(settings.LINKRETE_DEMO_PASSWORD)
    ente = User.objects.get(username="ente")
    assert ente.groups.filter(name=roles.ORGANIZATION_STAFF).exists()
    membership = Membership.objects.get(user=ente)
    assert membership.organization.slug == "oratorio-san-luigi"
    assert membership.role == Membership.Role.MANAGER
    assert User.objects.get(username="sportello").groups.filter(name=roles.DESK_OPERATOR).exists()
    assert "linkrete-demo" in output
    # The family cases of the demo account `equipe`, lead of the Cuore Visconteo équipe.
    from famiglie.models import Assessment, Case, CaseState, Intervention, Objective, Review

    equipe = User.objects.get(username="equipe")
    assert equipe.teams_led.get().cases.count() == 12
    assert set(Case.objects.values_list("state", flat=True)) == set(CaseState.values)
    assessed = Case.objects.exclude(state=CaseState.INTAKE)
    assert all(case.assessments.exists() for case in assessed)
    assert not Assessment.objects.filter(case__state=CaseState.INTAKE).exists()
    assessments = Assessment.objects.count()
    planned = Case.objects.filter(state__in=["active_plan", "monitoring", "closed"])
    assert all(case.objectives.exists() for case in planned)
    assert Review.objects.due(datetime.date.today()).count() >= 2
    objectives = Objective.objects.count()
    assert all(case.interventions.exists() for case in planned)
    assert Intervention.objects.filter(kind="activity_enrolment", activity__isnull=False).exists()
    assert "equipe" in output.split("Second factor of", 1)[1]
    # The diary (team and psychologist-only notes), the closures, the job pathway.
    from directory.models import JobOffer
    from famiglie.models import Closure, ClosureOutcome, JobProfile, Note

    assert set(Note.objects.values_list("visibility", flat=True)) == {"team", "psychologist"}
    assert Closure.objects.filter(case__state="closed", approved_at__isnull=False).count() == 2
    assert ClosureOutcome.objects.exists()
    for profile in JobProfile.objects.select_related("member__household"):
        municipality = profile.member.household.municipality_id
        assert JobOffer.objects.matching(profile.skills, municipality).exists()
    assert Intervention.objects.filter(kind="placement", job_offer__isnull=False).count() == 1
    seeded = [m.objects.count() for m in (Note, Closure, ClosureOutcome, JobOffer, JobProfile)]
    assert seed()[-1].startswith("Demo data: 0 created, 0 updated, 0 deleted,")
    assert Case.objects.count() == 12
    assert Assessment.objects.count() == assessments
    assert Objective.objects.count() == objectives
    # One intervention per objective, and the placement from the job pathway.
    assert Intervention.objects.count() == Objective.objects.count() + 1
    assert [
        m.objects.count() for m in (Note, Closure, ClosureOutcome, JobOffer, JobProfile)
    ] == seeded


def test_the_summer_camps_are_found_in_december_with_their_start_and_enrolment(
    demo, client, pinned_now
):
    """The home page's "Centri estivi" link, on 2 December: the camps start in June."""
    from django.urls import reverse

    html = client.get(reverse("directory:search"), {"categoria": "centri-estivi"}).content.decode()

    assert 'data-total="0"' not in html
    assert "Da giugno 2027" in html and "Iscrizioni dal 1 marzo 2027" in html


def test_it_seeds_a_season_of_events_for_the_five_networks_from_this_week(demo):
    from django.utils import timezone

    from directory.demo.events import season_start

    monday = season_start(timezone.localdate())
    zones = set(
        Zone.objects.filter(
            municipalities__locations__organization__events__isnull=False
        ).values_list("slug", flat=True)
    )
    assert len(zones) >= 5
    assert EventSession.objects.filter(
        date__gte=monday, date__lt=monday + datetime.timedelta(days=7)
    ).exists()
    assert EventSession.objects.filter(status=EventSession.Status.CANCELLED).exists()
    assert EventSession.objects.filter(status=EventSession.Status.MOVED).exists()
    assert EventSession.objects.filter(location__isnull=True).exists()


def test_the_events_have_sign_ups_a_waiting_list_and_the_attendance_of_past_sessions(demo):
    from django.utils import timezone

    today = timezone.localdate()
    assert EventSignup.objects.filter(status=EventSignup.Status.CONFIRMED).exists()
    assert EventSignup.objects.filter(status=EventSignup.Status.WAITING).exists()
    past = EventSignup.objects.filter(session__date__lt=today, status="confirmed")
    assert past.filter(attended=True).exists() and past.filter(attended=False).exists()
    assert not EventSignup.objects.filter(session__date__gte=today, attended__isnull=False)
    assert EventWalkIn.objects.filter(session__date__lt=today).exists()
    for session in EventSession.objects.filter(event__capacity__isnull=False):
        assert session.signups.places_taken() <= session.event.capacity


def test_an_internal_meeting_of_a_network_with_its_minutes(demo):
    internal = Event.objects.get(internal_network__slug="link")
    assert internal.minutes
    assert not Event.objects.public().filter(pk=internal.pk).exists()


def test_links_needs_survey_is_open_with_its_bodies_answers(demo):
    from directory.models import SurveyRound
    from directory.surveys.results import TEXTS_FROM, results

    survey_round = SurveyRound.objects.get(network__slug="link")
    found = results(survey_round)

    assert survey_round.is_open()
    assert survey_round.questions.count() == 4
    assert (found.sent, found.drafts) == (6, 1)
    assert found.sent >= TEXTS_FROM and found.texts[0].texts
    assert sum(row.values[0] for row in found.indicators[0].rows) == 6
