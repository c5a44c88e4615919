import datetime

import factory
from django.utils.text import slugify

from directory import models as directory
from famiglie import models as famiglie
from linkrete.accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"utente{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Anna"
    last_name = factory.Sequence(lambda n: f"Rossi{n}")
    password = factory.django.Password("linkrete-test-password")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.Municipality
        django_get_or_create = ["istat_code"]

    istat_code = "015036"
    name = "Buccinasco"
    province = "Milano"
    province_code = "MI"
    region = "Lombardia"
    latitude = 45.4177
    longitude = 9.1113


class ZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.Zone

    name = factory.Sequence(lambda n: f"Ambito {n}")
    slug = factory.LazyAttribute(lambda z: slugify(z.name))


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.Organization

    name = factory.Sequence(lambda n: f"Associazione Esempio {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    legal_form = directory.LegalForm.APS
    description = "Un'associazione di promozione sociale del territorio."
    email = factory.LazyAttribute(lambda o: f"info@{o.slug}.example.org")
    last_verified = datetime.date(2026, 9, 1)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.Location

    organization = factory.SubFactory(OrganizationFactory)
    name = "Sede"
    address = "Via Roma 1"
    postal_code = "20090"
    municipality = factory.SubFactory(MunicipalityFactory)
    latitude = 45.4177
    longitude = 9.1113


def category(slug):
    return directory.Category.objects.get(slug=slug)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.Activity
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Laboratorio creativo {n}")
    slug = factory.LazyAttribute(lambda a: slugify(a.title))
    description = "Un laboratorio per bambini e ragazzi, con educatori e volontari."
    min_age = 6
    max_age = 11

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create:
            self.categories.set(extracted or [category("laboratori")])


class ActivityTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.ActivityTranslation

    activity = factory.SubFactory(ActivityFactory)
    language = "en"
    title = factory.Sequence(lambda n: f"Creative workshop {n}")
    description = "A workshop for children and teenagers, with educators and volunteers."


class OrganizationTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.OrganizationTranslation

    organization = factory.SubFactory(OrganizationFactory)
    language = "en"
    description = "A local association for social promotion."


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.Event
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Laboratorio di Natale {n}")
    slug = factory.LazyAttribute(lambda e: slugify(e.title))
    description = "Un pomeriggio di giochi e lavoretti per bambini, con i genitori."
    min_age = 6
    max_age = 11

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create:
            self.categories.set(extracted or [category("laboratori")])


class EventSessionFactory(factory.django.DjangoModelFactory):
    """A session on the Saturday after the suite's pinned now (tests/clock.py)."""

    class Meta:
        model = directory.EventSession

    event = factory.SubFactory(EventFactory)
    date = datetime.date(2026, 12, 5)
    starts_at = datetime.time(15, 0)
    ends_at = datetime.time(17, 0)
    location = factory.SubFactory(
        LocationFactory, organization=factory.SelfAttribute("..event.organization")
    )


class EventSignupFactory(factory.django.DjangoModelFactory):
    """A family of two signed up for the factory session (personal data: tests only)."""

    class Meta:
        model = directory.EventSignup

    session = factory.SubFactory(EventSessionFactory)
    name = "Famiglia Rossi"
    phone = "3331112222"
    email = factory.Sequence(lambda n: f"famiglia{n}@example.org")
    ages = factory.LazyFunction(lambda: [7, 9])
    places = factory.LazyAttribute(lambda s: len(s.ages))
    privacy_consent_at = factory.LazyFunction(lambda: timezone.now())


class SearchSynonymFactory(factory.django.DjangoModelFactory):
    """A coordinator's synonym (not of the starter list)."""

    class Meta:
        model = directory.SearchSynonym
        skip_postgeneration_save = True

    phrase = factory.Sequence(lambda n: f"parola{n}")
    language = directory.SearchSynonym.Language.ITALIAN
    words = factory.LazyFunction(list)

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)


class OpeningSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.OpeningSlot

    activity = factory.SubFactory(ActivityFactory)
    weekday = directory.Weekday.SATURDAY
    opens_at = datetime.time(9, 0)
    closes_at = datetime.time(12, 0)


class ScheduleExceptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.ScheduleException

    activity = factory.SubFactory(ActivityFactory)
    date = datetime.date(2026, 12, 25)
    is_closed = True


# Association area ---------------------------------------------------------------------------


class VolunteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.Volunteer

    organization = factory.SubFactory(OrganizationFactory)
    first_name = "Giulia"
    last_name = factory.Sequence(lambda n: f"Bianchi{n}")
    email = factory.LazyAttribute(lambda v: f"{v.last_name.lower()}@example.org")
    start_date = datetime.date(2024, 1, 1)


class VolunteerHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.VolunteerHours

    volunteer = factory.SubFactory(VolunteerFactory)
    date = datetime.date(2026, 3, 14)
    hours = 2


class TrainingPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.TrainingPlan
        django_get_or_create = ["organization", "year"]

    organization = factory.SubFactory(OrganizationFactory)
    year = 2026


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.Course

    plan = factory.SubFactory(TrainingPlanFactory)
    title = factory.Sequence(lambda n: f"Corso di primo soccorso {n}")
    topic = "Primo soccorso"
    starts_on = datetime.date(2026, 4, 1)
    hours = 8
    places = 20


class BoardPostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.BoardPost

    organization = factory.SubFactory(OrganizationFactory)
    author = factory.SubFactory(UserFactory)
    kind = directory.BoardPost.Kind.NEED
    category = directory.BoardPost.Category.SPACES
    title = factory.Sequence(lambda n: f"Cerchiamo una sala {n}")
    description = "Una sala per 20 persone il martedì sera."


class VolunteeringCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.VolunteeringCall

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Aiuto compiti {n}")
    slug = factory.LazyAttribute(lambda c: slugify(c.title))
    description = "Aiuta i ragazzi delle medie con i compiti."
    min_age = 16
    time_commitment = "Due ore a settimana"
    # Most tests look at public calls; review tests create pending ones explicitly.
    review_status = directory.VolunteeringCall.ReviewStatus.APPROVED


class VolunteeringCallTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.VolunteeringCallTranslation

    call = factory.SubFactory(VolunteeringCallFactory)
    language = "en"
    title = factory.Sequence(lambda n: f"Homework help {n}")
    description = "Help middle-school pupils with their homework."


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.Application

    call = factory.SubFactory(VolunteeringCallFactory)
    first_name = "Luca"
    last_name = "Verdi"
    email = "luca.verdi@example.org"
    birth_date = datetime.date(2005, 5, 5)
    privacy_consent_at = factory.LazyFunction(
        lambda: datetime.datetime(2026, 3, 1, 10, 0, tzinfo=datetime.UTC)
    )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = directory.Membership.Role.EDITOR


class ProblemReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.ProblemReport

    activity = factory.SubFactory(ActivityFactory)
    organization = factory.LazyAttribute(lambda r: r.activity.organization)
    problems = factory.LazyFunction(lambda: [directory.ProblemReport.Problem.HOURS])
    message = "Il sabato sono chiusi da settembre."


# Proximity desks ---------------------------------------------------------------------------

from django.utils import timezone  # noqa: E402

from sportelli import models as sportelli  # noqa: E402


class DeskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sportelli.Desk
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Sportello di prossimità {n}")
    slug = factory.LazyAttribute(lambda d: slugify(d.name))
    host_organization = factory.SubFactory(OrganizationFactory)
    location = factory.SubFactory(
        LocationFactory, organization=factory.SelfAttribute("..host_organization")
    )
    municipality = factory.LazyAttribute(lambda d: d.location.municipality)
    offers_in_person = True
    offers_phone = True
    slot_minutes = 30
    capacity = 1

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create:
            self.topics.set(
                extracted
                or directory.Category.objects.filter(slug__in=["accesso-servizi", "digital-divide"])
            )

    @factory.post_generation
    def operators(self, create, extracted, **kwargs):
        if create and extracted:
            self.operators.set(extracted)


class DeskTranslationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sportelli.DeskTranslation

    desk = factory.SubFactory(DeskFactory)
    language = "en"
    description = "A free desk: guidance to services and help with online procedures."


class DeskOpeningSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sportelli.DeskOpeningSlot

    desk = factory.SubFactory(DeskFactory)
    weekday = directory.Weekday.TUESDAY
    opens_at = datetime.time(9, 0)
    closes_at = datetime.time(12, 0)


class DeskExceptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sportelli.DeskException

    desk = factory.SubFactory(DeskFactory)
    date = datetime.date(2026, 12, 25)
    is_closed = True


class BookingFactory(factory.django.DjangoModelFactory):
    """A booking written directly (no slot check): use services.booking_create to test rules."""

    class Meta:
        model = sportelli.Booking

    desk = factory.SubFactory(DeskFactory)
    starts_at = factory.Sequence(
        lambda n: (
            (timezone.now() + datetime.timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
            + datetime.timedelta(minutes=30 * n)
        )
    )
    ends_at = factory.LazyAttribute(lambda b: b.starts_at + datetime.timedelta(minutes=30))
    seat = 1
    channel = sportelli.Channel.IN_PERSON
    name = factory.Sequence(lambda n: f"Mario Bianchi{n}")
    phone = "3331234567"
    privacy_consent_at = factory.LazyFunction(timezone.now)


class AccessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sportelli.Access
        skip_postgeneration_save = True

    desk = factory.SubFactory(DeskFactory)
    occurred_at = factory.LazyFunction(timezone.now)
    channel = sportelli.Channel.IN_PERSON
    age_band = sportelli.AgeBand.ADULT
    gender = sportelli.Gender.FEMALE
    citizenship = sportelli.CitizenshipGroup.NON_EU
    outcome = sportelli.Outcome.INFORMATION
    minutes = 20

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create:
            self.topics.set(extracted or [category("accesso-servizi")])


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sportelli.Referral

    from_desk = factory.SubFactory(DeskFactory)
    to_organization = factory.SubFactory(OrganizationFactory)
    receiving_organization = factory.SelfAttribute("to_organization")
    person_name = "Fatima Benali"
    person_contact = "3339876543"
    need = "Cerca un corso di italiano serale."
    consent_to_share = True
    consent_recorded_at = factory.LazyFunction(timezone.now)


# Family cases (famiglie) ------------------------------------------------------------------


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.Team

    name = factory.Sequence(lambda n: f"Équipe {n}")
    organization = factory.SubFactory(OrganizationFactory)
    lead = factory.SubFactory(UserFactory)


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.TeamMember

    team = factory.SubFactory(TeamFactory)
    user = factory.SubFactory(UserFactory)
    role = famiglie.Role.EDUCATOR


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.Household

    phone = "3330001122"
    isee_band = famiglie.IseeBand.UP_TO_6K


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.Member

    household = factory.SubFactory(HouseholdFactory)
    first_name = "Amina"
    last_name = factory.Sequence(lambda n: f"Haddad{n}")
    birth_date = datetime.date(2016, 5, 4)
    relationship = famiglie.Relationship.CHILD


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.Case

    household = factory.SubFactory(HouseholdFactory)
    team = factory.SubFactory(TeamFactory)


class CaseTeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.CaseTeamMember

    case = factory.SubFactory(CaseFactory)
    user = factory.SubFactory(UserFactory)
    role = famiglie.Role.SOCIAL_WORKER


class CaseEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.CaseEvent

    case = factory.SubFactory(CaseFactory)
    kind = famiglie.EventKind.STATE
    to_state = famiglie.CaseState.ASSESSMENT


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.Consent

    household = factory.SubFactory(HouseholdFactory)
    kind = famiglie.ConsentKind.CARE
    date = datetime.date(2026, 11, 1)
    collected_by = factory.SubFactory(UserFactory)


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.Assessment

    case = factory.SubFactory(CaseFactory)
    date = datetime.date(2026, 11, 20)
    by = factory.SubFactory(UserFactory)


class AssessmentScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.AssessmentScore

    assessment = factory.SubFactory(AssessmentFactory)
    sub_area = "emergencies.food"
    level = 2


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.Objective

    case = factory.SubFactory(CaseFactory)
    area = "work"
    description = "Trovare un tirocinio per la madre."
    target_date = datetime.date(2027, 3, 31)


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.Review

    case = factory.SubFactory(CaseFactory)
    due_on = datetime.date(2026, 12, 5)


class InterventionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.Intervention

    case = factory.SubFactory(CaseFactory)
    kind = famiglie.InterventionKind.FOOD_PARCEL
    date = datetime.date(2026, 11, 25)
    quantity = 1


class JobOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.JobOffer

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Addetto magazzino {n}")
    description = "Carico e scarico merci, inventario."
    municipality = factory.SubFactory(MunicipalityFactory)
    contract_kind = directory.ContractKind.INTERNSHIP
    hours = "20 ore settimanali, mattina"
    skills = factory.LazyFunction(lambda: ["warehouse"])
    valid_until = datetime.date(2026, 12, 31)


class JobProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.JobProfile

    member = factory.SubFactory(
        MemberFactory, birth_date=datetime.date(1985, 3, 2), relationship="reference"
    )
    skills = factory.LazyFunction(lambda: ["warehouse", "driving"])
    availability = famiglie.Availability.PART_TIME


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.Network

    name = factory.Sequence(lambda n: f"Rete Esempio {n}")
    slug = factory.LazyAttribute(lambda n: slugify(n.name))
    summary = "Oratori, comitati e servizi sociali insieme per le famiglie del territorio."
    starts_on = datetime.date(2025, 1, 1)
    ends_on = datetime.date(2027, 12, 31)


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.NetworkMembership

    network = factory.SubFactory(NetworkFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = directory.MemberRole.PARTNER


class NetworkActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.NetworkAction

    network = factory.SubFactory(NetworkFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Azione {n}")
    objective = "Raggiungere le famiglie che non chiedono aiuto."


class SurveyRoundFactory(factory.django.DjangoModelFactory):
    """Open through December 2026 (the pinned clock's month)."""

    class Meta:
        model = directory.SurveyRound

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Indagine sui bisogni {n}")
    opens_on = datetime.date(2026, 11, 1)
    closes_on = datetime.date(2026, 12, 31)


class SurveyQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = directory.SurveyQuestion

    round = factory.SubFactory(SurveyRoundFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = "Di che cosa ha più bisogno il vostro ente?"
    kind = directory.QuestionKind.SINGLE
    choices = "Volontari\nSpazi\nFormazione"


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = famiglie.Note

    case = factory.SubFactory(CaseFactory)
    text = "La madre ha iniziato il corso di italiano."
    author = factory.SubFactory(UserFactory)
