import datetime
import io
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from directory.demo.translations import DESK_TRANSLATIONS
from directory.models import (
    Category,
    Language,
    LegalForm,
    Location,
    Municipality,
    Organization,
    Zone,
)
from linkrete.accounts.roles import DESK_OPERATOR
from sportelli import services
from sportelli.models import (
    TOPIC_TAXONOMY,
    Access,
    AgeBand,
    Booking,
    CitizenshipGroup,
    Desk,
    DeskException,
    DeskOpeningSlot,
    DeskTranslation,
    Gender,
    Outcome,
    Referral,
    ReferralStatus,
)
from sportelli.slots import bookable_window, desk_slots

# (org slug, org name, legal form, municipality, province, address, lat, lng,
#  desk slug, desk name, channels, [(weekday, opens, closes)], topics, languages, capacity)
# What the desks that meet newcomers offer in languages their operators do not speak.
INTERPRETING = (
    "Per le altre lingue, su richiesta al momento della prenotazione: una mediatrice "
    "culturale della rete SpOON o un interprete al telefono."
)

DESKS = [
    (
        "circolo-arci-pagnana",
        "Circolo Arci Pagnana",
        LegalForm.APS,
        "Empoli",
        "FI",
        "Via della Motta 94",
        43.7090,
        10.9630,
        "sportello-pagnana",
        "Sportello SpOON – Circolo Arci Pagnana",
        {"in_person", "phone", "video"},
        [(2, "09:00", "12:00"), (4, "15:00", "18:00")],
        ["accesso-servizi", "digital-divide", "cittadini-stranieri", "orientamento-lavoro"],
        ["it", "ar", "sq"],
        2,
    ),
    (
        "circolo-arci-il-bastione",
        "Circolo Arci Il Bastione",
        LegalForm.APS,
        "Castelfiorentino",
        "FI",
        "Piazza Gramsci 80",
        43.6060,
        10.9700,
        "sportello-il-bastione",
        "Sportello SpOON – Il Bastione",
        {"in_person", "phone"},
        [(1, "15:00", "18:00"), (5, "09:30", "12:30")],
        ["accesso-servizi", "servizi-giovani", "conciliazione", "supporto-psicologico"],
        ["it", "ro"],
        1,
    ),
    (
        "circolo-arci-cerreto-guidi",
        "Circolo Arci Cerreto Guidi",
        LegalForm.APS,
        "Cerreto Guidi",
        "FI",
        "Via Vittorio Veneto 12",
        43.7580,
        10.8830,
        "sportello-cerreto-guidi",
        "Sportello SpOON – Cerreto Guidi",
        {"in_person", "video"},
        [(3, "09:00", "13:00")],
        ["digital-divide", "cittadini-stranieri", "orientamento-lavoro"],
        ["it", "en", "fr"],
        1,
    ),
    (
        "associazione-il-ponte-rho",
        "Associazione Il Ponte",
        LegalForm.ODV,
        "Rho",
        "MI",
        "Via Madonna 45",
        45.5280,
        9.0400,
        "sportello-rho-centro",
        "Sportello di prossimità Rho centro",
        {"in_person", "phone"},
        [(1, "09:00", "12:00"), (3, "14:00", "17:00")],
        ["accesso-servizi", "orientamento-lavoro"],
        ["it", "ar", "es"],
        2,
    ),
    (
        "comitato-genitori-buccinasco",
        "Comitato Genitori Buccinasco",
        LegalForm.PARENTS_COMMITTEE,
        "Buccinasco",
        "MI",
        "Via Vittorio Emanuele 9",
        45.4177,
        9.1113,
        "sportello-famiglie-buccinasco",
        "Sportello famiglie Buccinasco",
        {"in_person"},
        [(6, "09:30", "12:30")],
        ["conciliazione", "servizi-giovani"],
        ["it"],
        1,
    ),
    (
        "associazione-giovani-foligno",
        "Associazione Giovani Foligno",
        LegalForm.APS,
        "Foligno",
        "PG",
        "Piazza della Repubblica 10",
        42.9560,
        12.7030,
        "sportello-net-working-foligno",
        "Sportello NET WORKING Foligno",
        {"in_person", "phone", "video"},
        [(2, "15:00", "18:00"), (4, "09:00", "12:00")],
        ["servizi-giovani", "orientamento-lavoro", "digital-divide"],
        ["it", "en"],
        1,
    ),
]

EMPOLESE = [
    "Empoli",
    "Castelfiorentino",
    "Cerreto Guidi",
    "Vinci",
    "Fucecchio",
    "Montelupo Fiorentino",
]
FIRST_NAMES = ["Aisha", "Marco", "Elena", "Ion", "Fatou", "Giorgio", "Mei", "Lucia", "Omar"]
LAST_NAMES = ["Rossi", "Popescu", "Diop", "Bianchi", "Hoxha", "Chen", "Esposito", "Kaur"]


def _time(value):
    return datetime.time.fromisoformat(value)


class Command(BaseCommand):
    help = (
        "Create the demo proximity desks (SpOON clubs in the Empolese, Rho, Buccinasco, "
        "Foligno) with hours, bookings, accesses and referrals, and the 'sportello' demo "
        "operator. Idempotent: run it again and it adds nothing twice."
    )

    def handle(self, *args, **options):
        # Demo people have demo addresses: never send them mail, whatever the backend.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            self._seed()

    def _seed(self):
        if not Municipality.objects.exists():
            call_command("load_municipalities", stdout=io.StringIO())
        call_command("sync_roles", stdout=io.StringIO())
        with transaction.atomic():
            zone = self._zone()
            desks = [self._desk(row, zone) for row in DESKS]
            operator = self._demo_operator(desks[0])
        counts = {"bookings": 0, "accesses": 0, "referrals": 0}
        for desk in desks:
            counts["bookings"] += self._bookings(desk)
            counts["accesses"] += self._accesses(desk, operator)
        counts["referrals"] = self._referrals(desks, operator)
        self.stdout.write(
            f"Desks: {len(desks)} in all; added {counts['bookings']} bookings, "
            f"{counts['accesses']} accesses, {counts['referrals']} referrals."
        )

    def _municipality(self, name, province):
        return Municipality.objects.filter(name=name, province_code=province).first()

    def _zone(self):
        zone, _created = Zone.objects.get_or_create(
            slug="empolese-valdelsa",
            defaults={"name": "Empolese Valdelsa", "kind": Zone.Kind.SOCIAL_ZONE},
        )
        towns = Municipality.objects.filter(name__in=EMPOLESE, province_code="FI")
        zone.municipalities.add(*towns)
        return zone

    def _desk(self, row, zone):
        (
            org_slug,
            org_name,
            legal_form,
            town,
            province,
            address,
            lat,
            lng,
            slug,
            name,
            channels,
            hours,
            topics,
            languages,
            capacity,
        ) = row
        municipality = self._municipality(town, province)
        organization, _created = Organization.objects.get_or_create(
            slug=org_slug,
            defaults={
                "name": org_name,
                "legal_form": legal_form,
                "description": f"{org_name}: spazio di incontro e socialità aperto al territorio.",
                "email": f"info@{org_slug}.example.org",
            },
        )
        location, _created = Location.objects.get_or_create(
            organization=organization,
            name=f"Sede di {town}",
            defaults={
                "address": address,
                "municipality": municipality,
                "latitude": lat,
                "longitude": lng,
                "transport_notes": "Fermata dell'autobus a 200 metri; parcheggio gratuito.",
            },
        )
        desk, created = Desk.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "host_organization": organization,
                "location": location,
                "municipality": municipality,
                "zone": zone if province == "FI" else None,
                "description": (
                    "Uno sportello di prossimità gratuito: orientamento ai servizi, aiuto con "
                    "le pratiche online, informazioni su lavoro e opportunità del territorio."
                ),
                "offers_in_person": "in_person" in channels,
                "offers_phone": "phone" in channels,
                "offers_video": "video" in channels,
                "capacity": capacity,
                "phone": "0571 000000",
                "email": f"sportello@{org_slug}.example.org",
                "interpreting": INTERPRETING if "ar" in languages else "",
            },
        )
        if created:
            desk.full_clean()
            desk.topics.set(Category.objects.filter(taxonomy__slug=TOPIC_TAXONOMY, slug__in=topics))
            desk.languages.set(Language.objects.filter(code__in=languages))
            for weekday, opens, closes in hours:
                DeskOpeningSlot.objects.create(
                    desk=desk, weekday=weekday, opens_at=_time(opens), closes_at=_time(closes)
                )
            christmas = datetime.date(timezone.localdate().year, 12, 25)
            DeskException.objects.create(desk=desk, date=christmas, reason="Natale")
        for language, texts in DESK_TRANSLATIONS.items():
            DeskTranslation.objects.update_or_create(
                desk=desk,
                language=language,
                defaults={
                    "description": texts["description"],
                    "interpreting": texts["interpreting"] if desk.interpreting else "",
                },
            )
        return desk

    def _demo_operator(self, desk):
        User = get_user_model()
        user = User.objects.filter(username="sportello").first()
        if user is None and settings.DEBUG:
            user = User.objects.create_user(
                "sportello",
                email="sportello@example.org",
                password=settings.LINKRETE_DEMO_PASSWORD,
                first_name="Sara",
                last_name="Operatrice",
            )
        if user is None:
            return None
        user.groups.add(Group.objects.get(name=DESK_OPERATOR))
        desk.operators.add(user)
        return user

    def _bookings(self, desk):
        if desk.bookings.exists():
            return 0
        rng = random.Random(desk.slug)  # nosec B311 # repeatable demo data, not a secret
        added = 0
        topics = list(desk.topics.all())
        for slot in desk_slots(desk, *bookable_window(desk))[::3][:8]:
            services.booking_create(
                desk=desk,
                starts_at=slot.starts_at,
                channel=rng.choice(desk.channels).value,
                name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                phone=f"333{rng.randint(1000000, 9999999)}",
                topic=rng.choice(topics) if topics else None,
                note=rng.choice(
                    ["", "Devo rinnovare il permesso di soggiorno.", "Aiuto con SPID."]
                ),
                privacy_consent=True,
            )
            added += 1
        # Some past appointments, with their outcome, for the agenda's history.
        today = timezone.localdate()
        past_days = [today - datetime.timedelta(days=d) for d in range(1, 21)]
        past = desk_slots(
            desk, past_days[-1], past_days[0], now=timezone.now() - datetime.timedelta(days=30)
        )
        past = [s for s in past if s.starts_at < timezone.now()][::2][:6]
        for slot in past:
            Booking.objects.create(
                desk=desk,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                seat=1,
                channel=rng.choice(desk.channels).value,
                name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                phone=f"347{rng.randint(1000000, 9999999)}",
                topic=rng.choice(topics) if topics else None,
                privacy_consent_at=slot.starts_at - datetime.timedelta(days=3),
                status=rng.choice(
                    [Booking.Status.DONE, Booking.Status.DONE, Booking.Status.NO_SHOW]
                ),
            )
            added += 1
        return added

    def _accesses(self, desk, operator):
        if desk.accesses.exists():
            return 0
        rng = random.Random(f"accessi-{desk.slug}")  # nosec B311 # repeatable demo data
        topics = list(desk.topics.all())
        nearby = list(Municipality.objects.filter(zones=desk.zone_id)) if desk.zone_id else []
        nearby.append(desk.municipality)
        now = timezone.now()
        for n in range(18):
            access = Access.objects.create(
                desk=desk,
                occurred_at=now
                - datetime.timedelta(days=rng.randint(0, 60), hours=rng.randint(1, 6)),
                channel=rng.choice(desk.channels).value,
                age_band=rng.choice(AgeBand.values),
                gender=rng.choice(Gender.values),
                citizenship=rng.choice(CitizenshipGroup.values),
                municipality=rng.choice(nearby),
                outcome=rng.choice(Outcome.values),
                minutes=rng.choice([10, 15, 20, 30, 45]),
                logged_by=operator
                if desk.operators.filter(pk=getattr(operator, "pk", None)).exists()
                else None,
            )
            access.topics.set(rng.sample(topics, k=min(len(topics), 1 + n % 2)))
        return 18

    def _referrals(self, desks, operator):
        pagnana, bastione, cerreto, rho = desks[0], desks[1], desks[2], desks[3]
        if Referral.objects.filter(from_desk=pagnana).exists():
            return 0
        sent = [
            services.referral_create(
                sent_by=operator,
                from_desk=pagnana,
                to_desk=cerreto,
                person_name="Amina Haddad",
                person_contact="333 111 2222",
                need="Corso di alfabetizzazione digitale per la richiesta dello SPID.",
                consent_to_share=True,
            ),
            services.referral_create(
                sent_by=operator,
                from_desk=pagnana,
                to_organization=bastione.host_organization,
                person_name="Luca Neri",
                person_contact="luca.neri@example.org",
                need="Cerca un gruppo di sostegno per genitori separati.",
                consent_to_share=True,
                note="Preferisce incontri serali.",
            ),
            services.referral_create(
                sent_by=None,
                from_desk=rho,
                to_organization=pagnana.host_organization,
                person_name="Ion Popescu",
                person_contact="347 555 6666",
                need="Trasferito a Empoli, cerca orientamento al lavoro.",
                consent_to_share=True,
            ),
        ]
        services.referral_transition(referral=sent[0], to_status=ReferralStatus.ACCEPTED, by=None)
        services.referral_transition(
            referral=sent[0],
            to_status=ReferralStatus.IN_PROGRESS,
            by=None,
            note="Primo incontro fissato.",
        )
        services.referral_transition(
            referral=sent[1],
            to_status=ReferralStatus.DECLINED,
            by=None,
            reason="Il gruppo è al completo fino a gennaio: proviamo con il consultorio.",
        )
        return len(sent)
