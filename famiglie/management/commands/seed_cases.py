import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from directory.models import Activity, Category, Language, Municipality, Organization, Zone
from famiglie import demo_pathways
from famiglie.areas import SubArea
from famiglie.models import (
    Assessment,
    AssessmentScore,
    Case,
    CaseEvent,
    CaseState,
    CaseTeamMember,
    Consent,
    ConsentKind,
    EventKind,
    Household,
    Intervention,
    InterventionKind,
    IseeBand,
    Member,
    Objective,
    ObjectiveStatus,
    Relationship,
    Review,
    Role,
    Team,
    TeamMember,
)
from linkrete.accounts.roles import CASE_TEAM
from sportelli import services as desk_services
from sportelli.models import TOPIC_TAXONOMY, Desk, Referral

REF = Relationship.REFERENCE_PERSON
TEAM_ORGANIZATION = "ufficio-di-piano-ambito-visconteo"
TEAM_ZONE = "ambito-visconteo-sud-milano"
# The équipe's other people: accounts that cannot sign in (no password), so that case teams
# have someone beside the demo account `equipe`, its lead.
COLLEAGUES = [
    ("equipe.assistente", "Paola", "Riva", Role.SOCIAL_WORKER),
    ("equipe.educatore", "Luca", "Gatti", Role.EDUCATOR),
    ("equipe.psicologa", "Chiara", "Monti", Role.PSYCHOLOGIST),
    ("equipe.tutor", "Davide", "Sala", Role.TUTOR),
]
# (reference, municipality, ISEE band, state, [(first, last, birth, relationship, citizenship,
#  languages)], topics). Fictitious families: any likeness is chance.
HOUSEHOLDS = [
    ("DEMO2A01", "Rozzano", IseeBand.UP_TO_6K, CaseState.INTAKE,
     [("Samira", "El Idrissi", "1988-03-14", REF, "Marocco", ["ar", "fr"]),
      ("Yasmin", "El Idrissi", "2019-09-02", Relationship.CHILD, "Italia", ["ar", "it"])],
     ["accesso-servizi"]),
    ("DEMO2A02", "Binasco", IseeBand.UP_TO_9K, CaseState.INTAKE,
     [("Giorgio", "Lanza", "1979-11-30", REF, "Italia", ["it"]),
      ("Marta", "Lanza", "2012-01-21", Relationship.CHILD, "Italia", ["it"]),
      ("Pietro", "Lanza", "2015-06-08", Relationship.CHILD, "Italia", ["it"])],
     ["orientamento-lavoro"]),
    ("DEMO2A03", "Opera", IseeBand.UP_TO_6K, CaseState.ASSESSMENT,
     [("Olena", "Kovalenko", "1990-02-17", REF, "Ucraina", ["uk", "ru"]),
      ("Artem", "Kovalenko", "2017-04-25", Relationship.CHILD, "Ucraina", ["uk"])],
     ["cittadini-stranieri"]),
    ("DEMO2A04", "Pieve Emanuele", IseeBand.UNKNOWN, CaseState.ASSESSMENT,
     [("Rosa", "Ferrante", "1985-07-09", REF, "Italia", ["it"]),
      ("Luigi", "Ferrante", "1983-05-12", Relationship.PARTNER, "Italia", ["it"]),
      ("Sofia", "Ferrante", "2023-02-01", Relationship.CHILD, "Italia", [])],
     ["conciliazione"]),
    ("DEMO2A05", "Rozzano", IseeBand.UP_TO_6K, CaseState.ACTIVE_PLAN,
     [("Mariana", "Pop", "1992-10-03", REF, "Romania", ["ro", "it"]),
      ("Andrei", "Pop", "2010-12-19", Relationship.CHILD, "Romania", ["ro", "it"])],
     ["orientamento-lavoro", "accesso-servizi"]),
    ("DEMO2A06", "Lacchiarella", IseeBand.UP_TO_15K, CaseState.ACTIVE_PLAN,
     [("Fatou", "Diop", "1987-08-27", REF, "Senegal", ["fr", "wo"]),
      ("Awa", "Diop", "2014-03-11", Relationship.CHILD, "Italia", ["it", "fr"]),
      ("Moussa", "Diop", "2020-07-30", Relationship.CHILD, "Italia", ["it"])],
     ["servizi-giovani"]),
    ("DEMO2A07", "Zibido San Giacomo", IseeBand.UP_TO_9K, CaseState.ACTIVE_PLAN,
     [("Anna", "Rinaldi", "1975-01-05", REF, "Italia", ["it"]),
      ("Teresa", "Rinaldi", "1946-09-18", Relationship.PARENT, "Italia", ["it"]),
      ("Nicolò", "Rinaldi", "2009-05-23", Relationship.CHILD, "Italia", ["it"])],
     ["supporto-psicologico"]),
    ("DEMO2A08", "Rozzano", IseeBand.UP_TO_6K, CaseState.MONITORING,
     [("Jorge", "Quispe", "1982-04-02", REF, "Perù", ["es"]),
      ("Lucía", "Quispe", "1986-12-12", Relationship.PARTNER, "Perù", ["es"]),
      ("Mateo", "Quispe", "2013-08-15", Relationship.CHILD, "Italia", ["es", "it"])],
     ["orientamento-lavoro"]),
    ("DEMO2A09", "Basiglio", IseeBand.UP_TO_15K, CaseState.MONITORING,
     [("Carla", "Vitali", "1991-06-29", REF, "Italia", ["it"]),
      ("Elia", "Vitali", "2021-11-04", Relationship.CHILD, "Italia", [])],
     ["conciliazione"]),
    ("DEMO2A10", "Casarile", IseeBand.UP_TO_6K, CaseState.CLOSED,
     [("Li", "Wang", "1984-02-20", REF, "Cina", ["zh"]),
      ("Hao", "Wang", "2011-10-10", Relationship.CHILD, "Italia", ["zh", "it"])],
     ["accesso-servizi"]),
    ("DEMO2A11", "Noviglio", IseeBand.UP_TO_25K, CaseState.CLOSED,
     [("Franco", "Bellini", "1958-03-03", REF, "Italia", ["it"]),
      ("Giada", "Bellini", "2008-04-14", Relationship.CHILD, "Italia", ["it", "en"])],
     ["servizi-giovani"]),
    ("DEMO2A12", "Rozzano", IseeBand.UP_TO_6K, CaseState.ASSESSMENT,
     [("Blessing", "Okafor", "1993-12-01", REF, "Nigeria", ["en"]),
      ("David", "Okafor", "2018-02-22", Relationship.CHILD, "Italia", ["en", "it"]),
      ("Grace", "Okafor", "2024-06-09", Relationship.CHILD, "Italia", [])],
     ["cittadini-stranieri", "supporto-psicologico"]),
]  # fmt: skip
# Notes of the demo assessments where a need is moderate or severe.
DEMO_NOTES = {
    SubArea.FOOD: "Spesa difficile a fine mese; già seguiti dall'emporio solidale.",
    SubArea.ECONOMIC: "Bollette arretrate di due mesi.",
    SubArea.SCHOOLING: "Il figlio maggiore ha molte assenze a scuola.",
    SubArea.PARENTING: "La madre chiede un confronto sulla gestione dei compiti.",
    SubArea.EMPLOYABILITY: "Cerca lavoro nella ristorazione; serve un CV aggiornato.",
    SubArea.NETWORKS: "Pochi contatti nel quartiere.",
}
# The demo plans' objectives (area, description), one set per case in turn.
DEMO_OBJECTIVES = [
    [
        ("emergencies", "Pacco alimentare mensile fino alla ripresa del lavoro."),
        ("work", "Un tirocinio per la madre entro la primavera."),
    ],
    [
        ("future", "Iscrizione del figlio al doposcuola dell'oratorio."),
        ("family_support", "Domanda di assegno unico e ISEE aggiornato."),
        ("work", "Corso di italiano per il lavoro."),
    ],
    [
        ("emergencies", "Rientro delle bollette arretrate con il fondo di solidarietà."),
        ("future", "Colloqui con la scuola sulle assenze."),
    ],
]
# The path each state went through, for the timeline.
PATHS = {
    CaseState.INTAKE: [],
    CaseState.ASSESSMENT: [CaseState.ASSESSMENT],
    CaseState.ACTIVE_PLAN: [CaseState.ASSESSMENT, CaseState.ACTIVE_PLAN],
    CaseState.MONITORING: [CaseState.ASSESSMENT, CaseState.ACTIVE_PLAN, CaseState.MONITORING],
    CaseState.CLOSED: [
        CaseState.ASSESSMENT,
        CaseState.ACTIVE_PLAN,
        CaseState.MONITORING,
        CaseState.CLOSED,
    ],
}


class Command(BaseCommand):
    help = (
        "Demo family cases (DEBUG only): the Cuore Visconteo équipe led by the demo account "
        "'equipe', four colleagues who cannot sign in, and a dozen fictitious households "
        "across every state, with members, consents, timelines, diary notes, closures and the "
        "job pathway (two offers, two people's skills, a placement). Idempotent."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stdout.write("DEBUG is off: no demo family cases.")
            return
        with transaction.atomic():
            created = self._seed()
        self.stdout.write(
            f"Family cases: team 'Équipe Cuore Visconteo', {len(HOUSEHOLDS)} households "
            f"({created} new)."
        )

    def _seed(self) -> int:
        users = get_user_model()
        lead = users.objects.get(username="equipe")
        group = Group.objects.get(name=CASE_TEAM)
        team, _ = Team.objects.update_or_create(
            name="Équipe Cuore Visconteo",
            defaults={
                "organization": Organization.objects.get(slug=TEAM_ORGANIZATION),
                "zone": Zone.objects.filter(slug=TEAM_ZONE).first(),
                "lead": lead,
                "is_active": True,
            },
        )
        colleagues = []
        for username, first, last, role in COLLEAGUES:
            user = users.objects.filter(username=username).first()
            if user is None:
                user = users(username=username, first_name=first, last_name=last)
                user.set_unusable_password()
                user.save()
            user.groups.add(group)
            TeamMember.objects.update_or_create(team=team, user=user, defaults={"role": role})
            colleagues.append((user, role))
        towns = {m.name: m for m in Municipality.objects.filter(province_code="MI")}
        languages = {lang.code: lang for lang in Language.objects.all()}
        topics = {c.slug: c for c in Category.objects.filter(taxonomy__slug=TOPIC_TAXONOMY)}
        care_org = Organization.objects.filter(slug="spazio-aperto-servizi").first()
        today = timezone.localdate()
        created = 0
        for number, (reference, town, isee, state, people, topic_slugs) in enumerate(HOUSEHOLDS):
            if Household.objects.filter(reference=reference).exists():
                continue
            created += 1
            household = Household.objects.create(
                reference=reference,
                municipality=towns.get(town),
                isee_band=isee,
                phone=f"333000{number:04d}",
                housing_notes="Affitto con morosità pregressa." if number % 3 == 0 else "",
                work_notes="Lavoro part-time a chiamata." if number % 2 == 0 else "",
            )
            for first, last, birth, relationship, citizenship, codes in people:
                member = Member.objects.create(
                    household=household,
                    first_name=first,
                    last_name=last,
                    birth_date=datetime.date.fromisoformat(birth),
                    relationship=relationship,
                    citizenship=citizenship,
                )
                member.languages.set([languages[c] for c in codes if c in languages])
            case = Case.objects.create(
                code=f"DEMOCASO{number + 1:02d}",
                household=household,
                team=team,
                state=state,
                closure_reason="Obiettivi del progetto raggiunti." if state == "closed" else "",
                closed_at=timezone.now() if state == "closed" else None,
            )
            case.topics.set([topics[s] for s in topic_slugs if s in topics])
            CaseEvent.objects.create(case=case, kind=EventKind.OPENED, by=lead, to_state="intake")
            previous = CaseState.INTAKE
            for step in PATHS[state]:
                CaseEvent.objects.create(
                    case=case, kind=EventKind.STATE, by=lead, from_state=previous, to_state=step
                )
                previous = step
            for user, role in colleagues[number % 2 : number % 2 + 2]:
                CaseTeamMember.objects.create(case=case, user=user, role=role, assigned_by=lead)
                CaseEvent.objects.create(case=case, kind=EventKind.ASSIGNED, by=lead, user=user)
            Consent.objects.create(
                household=household,
                kind=ConsentKind.CARE,
                date=today - datetime.timedelta(days=30 + number),
                collected_by=lead,
            )
            if care_org and number % 3 == 1:
                Consent.objects.create(
                    household=household,
                    kind=ConsentKind.SHARING,
                    organization=care_org,
                    date=today - datetime.timedelta(days=20),
                    # Two of them expire soon: the home page lists them.
                    expires_on=today + datetime.timedelta(days=10 if number < 6 else 200),
                    collected_by=lead,
                )
        # A move waiting for the lead's approval (asked by a colleague).
        waiting = Case.objects.filter(code="DEMOCASO03", requested_state="").first()
        if waiting and waiting.state == CaseState.ASSESSMENT:
            waiting.requested_state = CaseState.ACTIVE_PLAN
            waiting.requested_by = colleagues[0][0]
            waiting.requested_note = "Piano concordato con la famiglia il 28 novembre."
            waiting.save()
            CaseEvent.objects.create(
                case=waiting,
                kind=EventKind.REQUESTED,
                by=colleagues[0][0],
                from_state=waiting.state,
                to_state=CaseState.ACTIVE_PLAN,
                note=waiting.requested_note,
            )
        self._referral_to_team(team, users)
        for case in Case.objects.filter(team=team, code__startswith="DEMOCASO").order_by("code"):
            self._assessments(case, lead, colleagues, today)
            self._plan(case, lead, today)
            self._interventions(case, colleagues, today)
        demo_pathways.seed(team, lead, today)
        return created

    def _interventions(self, case, colleagues, today):
        """One intervention per objective of the plan, by its area, with the network's
        organizations as providers (an enrolment in one of their activities)."""
        if case.interventions.exists():
            return
        providers = {
            o.slug: o
            for o in Organization.objects.filter(
                slug__in=[TEAM_ORGANIZATION, "spazio-aperto-servizi", "arti-e-mestieri-sociali"]
            )
        }
        school = providers.get("spazio-aperto-servizi")
        activity = Activity.objects.public().filter(organization=school).order_by("pk").first()
        operator = colleagues[int(case.code[-2:]) % 2][0]
        for index, objective in enumerate(case.objectives.order_by("pk")):
            values = {"kind": InterventionKind.PSYCHOLOGICAL, "quantity": 2}
            if objective.area == "emergencies":
                values = (
                    {"kind": InterventionKind.FOOD_PARCEL, "quantity": 4}
                    if index % 2 == 0
                    else {"kind": InterventionKind.ECONOMIC, "amount": Decimal("250.00")}
                ) | {"organization": providers.get(TEAM_ORGANIZATION)}
            elif objective.area == "work":
                values = {
                    "kind": InterventionKind.JOB_ORIENTATION,
                    "quantity": 3,
                    "organization": providers.get("arti-e-mestieri-sociali"),
                }
            elif objective.area == "future" and activity:
                values = {
                    "kind": InterventionKind.ENROLMENT,
                    "organization": school,
                    "activity": activity,
                }
            day = today - datetime.timedelta(days=40 - 10 * index)
            intervention = Intervention.objects.create(
                case=case, objective=objective, date=day, operator=operator, **values
            )
            CaseEvent.objects.create(
                case=case,
                kind=EventKind.INTERVENTION,
                by=operator,
                organization=intervention.organization,
                note=f"{intervention.get_kind_display()}, {day:%d/%m/%Y}.",
            )

    def _plan(self, case, lead, today):
        """Objectives and reviews once the plan is active: a review held two months ago and
        the next one pending (two of them due this week, so the home lists them); a closed
        case's objectives have their outcome."""
        planned = (CaseState.ACTIVE_PLAN, CaseState.MONITORING, CaseState.CLOSED)
        if case.state not in planned or case.objectives.exists():
            return
        number = int(case.code[-2:])
        closed = case.state == CaseState.CLOSED
        for index, (area, description) in enumerate(DEMO_OBJECTIVES[number % 3]):
            status = ObjectiveStatus.IN_PROGRESS
            if closed:
                status = (ObjectiveStatus.ACHIEVED, ObjectiveStatus.PARTLY)[index % 2]
            elif index == 0 and case.state == CaseState.MONITORING:
                status = ObjectiveStatus.ACHIEVED
            Objective.objects.create(
                case=case,
                area=area,
                description=description,
                target_date=today
                + datetime.timedelta(days=60 + 30 * index - (200 if closed else 0)),
                status=status,
                created_by=lead,
            )
            CaseEvent.objects.create(
                case=case, kind=EventKind.OBJECTIVE_SET, by=lead, note=f"Obiettivo {index + 1}."
            )
        Review.objects.create(
            case=case,
            due_on=today - datetime.timedelta(days=60),
            held_on=today - datetime.timedelta(days=58),
            held_by=lead,
            notes="Obiettivi confermati con la famiglia.",
            scheduled_by=lead,
        )
        CaseEvent.objects.create(case=case, kind=EventKind.REVIEW_HELD, by=lead)
        if not closed:
            Review.objects.create(
                case=case,
                due_on=today + datetime.timedelta(days=3 if number in (5, 8) else 30 + number),
                scheduled_by=lead,
            )
            CaseEvent.objects.create(case=case, kind=EventKind.REVIEW_SCHEDULED, by=lead)

    def _assessments(self, case, lead, colleagues, today):
        """One assessment once the intake is over, two (months apart, needs easing) once the
        plan has started; none for an intake. Fictitious levels and notes."""
        if case.state == CaseState.INTAKE or case.assessments.exists():
            return
        number = int(case.code[-2:])
        dates = [today - datetime.timedelta(days=20 + number)]
        if case.state != CaseState.ASSESSMENT:
            dates.insert(0, today - datetime.timedelta(days=120 + number))
        for round_number, day in enumerate(dates):
            by = colleagues[number % 2][0] if round_number else lead
            assessment = Assessment.objects.create(case=case, date=day, by=by)
            for index, sub_area in enumerate(SubArea):
                level = (number * 7 + index * 3) % 4
                if round_number and len(dates) > 1:
                    level = max(level - 1, 0)
                AssessmentScore.objects.create(
                    assessment=assessment,
                    sub_area=sub_area,
                    level=level,
                    notes=DEMO_NOTES.get(sub_area, "") if level >= 2 else "",
                )
            CaseEvent.objects.create(
                case=case,
                kind=EventKind.ASSESSMENT,
                by=by,
                note=f"Valutazione del {day:%d/%m/%Y}.",
            )

    def _referral_to_team(self, team, users):
        """A referral from the SpOON desk waiting for the team lead on the team's home."""
        desk = Desk.objects.filter(slug="sportello-pagnana").first()
        if desk is None or Referral.objects.filter(to_team=team).exists():
            return
        desk_services.referral_create(
            sent_by=users.objects.filter(username="sportello").first(),
            from_desk=desk,
            to_team=team,
            person_name="Nadia Benali",
            person_contact="333 222 4444",
            need="Madre sola con due figli, sfratto esecutivo a gennaio.",
            consent_to_share=True,
        )
