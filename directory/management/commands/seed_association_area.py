import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from directory.demo.translations import CALL_TRANSLATIONS
from directory.models import (
    Activity,
    Attendance,
    BoardPost,
    Category,
    Course,
    LegalForm,
    Membership,
    Municipality,
    Organization,
    TrainingPlan,
    Volunteer,
    VolunteerHours,
    VolunteeringCall,
    VolunteeringCallTranslation,
)
from linkrete.accounts import roles
from linkrete.accounts.models import User

ORGANIZATIONS = [
    ("oratorio-san-luigi", "Oratorio San Luigi", LegalForm.PARISH_CENTRE),
    ("auser-buccinasco", "Auser Buccinasco", LegalForm.ODV),
    (
        "comitato-genitori-ic-montalcini",
        "Comitato Genitori IC Montalcini",
        LegalForm.PARENTS_COMMITTEE,
    ),
]
STAFF = [
    ("staff-oratorio", "Paola", "Ferri", "oratorio-san-luigi", Membership.Role.MANAGER),
    ("staff-auser", "Marco", "Colombo", "auser-buccinasco", Membership.Role.MANAGER),
    ("staff-genitori", "Elena", "Riva", "comitato-genitori-ic-montalcini", Membership.Role.EDITOR),
]
VOLUNTEERS = [
    ("Giulia", "Bianchi", "animatrice", "Giochi, teatro"),
    ("Ahmed", "Benali", "mediatore", "Arabo, francese"),
    ("Luca", "Sala", "autista", "Patente B"),
    ("Rosa", "Galli", "tutor compiti", "Matematica"),
    ("Franco", "Pini", "accoglienza", ""),
]


class Command(BaseCommand):
    help = (
        "Add the association area's demo data (staff, volunteers, hours, training, needs and "
        "offers, volunteering calls) to the demo organizations. Idempotent."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        municipality = Municipality.objects.filter(name="Buccinasco").first()
        staff_group = Group.objects.get_or_create(name=roles.ORGANIZATION_STAFF)[0]
        organizations = {}
        for slug, name, form in ORGANIZATIONS:
            organizations[slug], _ = Organization.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "legal_form": form,
                    "description": f"{name}: attività per le famiglie del territorio.",
                    "last_verified": timezone.localdate() - datetime.timedelta(days=240),
                },
            )
        users = {}
        for username, first, last, slug, role in STAFF:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.org",
                },
            )
            if created:
                # A known password only on a development machine.
                if settings.DEBUG:
                    user.set_password(settings.LINKRETE_DEMO_PASSWORD)
                else:
                    user.set_unusable_password()
                user.save()
            user.groups.add(staff_group)
            Membership.objects.get_or_create(
                user=user, organization=organizations[slug], defaults={"role": role}
            )
            users[slug] = user

        year = timezone.localdate().year
        volunteer_count = hour_count = 0
        for slug, organization in organizations.items():
            activity = organization.activities.first()
            if activity is None:
                activity = Activity.objects.create(
                    organization=organization,
                    title=f"Doposcuola – {organization.name}",
                    slug=f"doposcuola-{slug}",
                    description="Aiuto compiti per ragazzi delle medie.",
                    min_age=11,
                    max_age=14,
                )
                laboratori = Category.objects.filter(slug="laboratori").first()
                if laboratori:
                    activity.categories.add(laboratori)
            for i, (first, last, role, skills) in enumerate(VOLUNTEERS):
                volunteer, created = Volunteer.objects.get_or_create(
                    organization=organization,
                    first_name=first,
                    last_name=last,
                    defaults={
                        "roles": role,
                        "skills": skills,
                        "start_date": datetime.date(year - 2, 1 + i, 1),
                        "end_date": datetime.date(year - 1, 12, 31) if i == 4 else None,
                        "is_insured": i != 4,
                        "insurance_policy": "Polizza volontari n. 1234" if i != 4 else "",
                        "email": f"{first.lower()}.{last.lower()}@example.org",
                    },
                )
                volunteer_count += created
                if created:
                    last_day = volunteer.end_date or timezone.localdate()
                    entries = [
                        VolunteerHours(
                            volunteer=volunteer,
                            activity=activity,
                            date=day,
                            hours=Decimal("2.5"),
                            logged_by=users[slug],
                        )
                        for week in range(40)
                        if (day := last_day - datetime.timedelta(weeks=week))
                        >= volunteer.start_date
                    ]
                    VolunteerHours.objects.bulk_create(entries)
                    hour_count += len(entries)

            plan, _ = TrainingPlan.objects.get_or_create(
                organization=organization, year=year, defaults={"notes": "Formazione di base."}
            )
            course, _ = Course.objects.get_or_create(
                plan=plan,
                title="Primo soccorso pediatrico",
                defaults={
                    "topic": "Sicurezza",
                    "starts_on": datetime.date(year, 10, 4),
                    "hours": Decimal("8"),
                    "trainer": "Croce Rossa",
                    "places": 20,
                    "is_open_to_network": slug == "auser-buccinasco",
                },
            )
            for volunteer in organization.volunteers.active()[:2]:
                Attendance.objects.get_or_create(
                    course=course, volunteer=volunteer, defaults={"hours": Decimal("8")}
                )
            BoardPost.objects.get_or_create(
                organization=organization,
                title=f"{organization.name}: cerchiamo una sala il martedì sera",
                defaults={
                    "author": users[slug],
                    "kind": BoardPost.Kind.NEED,
                    "category": BoardPost.Category.SPACES,
                    "description": "Una sala per 20 persone, il martedì dalle 20 alle 22.",
                    "municipality": municipality,
                },
            )
            call, _created = VolunteeringCall.objects.get_or_create(
                slug=f"{slug}-volontari-doposcuola",
                defaults={
                    "organization": organization,
                    "activity": activity,
                    "title": f"Volontari per il doposcuola – {organization.name}",
                    "description": "Aiuta i ragazzi con i compiti, insieme agli educatori.",
                    "min_age": 16,
                    "time_commitment": "Due pomeriggi a settimana",
                    "municipality": municipality,
                    "review_status": VolunteeringCall.ReviewStatus.APPROVED,
                },
            )
            for language, texts in CALL_TRANSLATIONS.items():
                VolunteeringCallTranslation.objects.update_or_create(
                    call=call,
                    language=language,
                    defaults={
                        name: text.format(organization=organization.name)
                        for name, text in texts.items()
                    },
                )
        # One call waits in the coordinators' review queue.
        VolunteeringCall.objects.get_or_create(
            slug="oratorio-san-luigi-animatori-estate",
            defaults={
                "organization": organizations["oratorio-san-luigi"],
                "title": "Animatori per il centro estivo – Oratorio San Luigi",
                "description": "Giochi e laboratori con i bambini della primaria, a luglio.",
                "min_age": 16,
                "time_commitment": "Tre mattine a settimana, a luglio",
                "municipality": municipality,
                "review_status": VolunteeringCall.ReviewStatus.PENDING,
                "submitted_at": timezone.now(),
            },
        )
        self.stdout.write(
            f"Association area: {len(organizations)} organizations, {len(users)} staff, "
            f"{volunteer_count} new volunteers, {hour_count} new hour entries."
        )
