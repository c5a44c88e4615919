"""Writes the demo data, creating or updating each record by a stable natural key.

Every record is ``full_clean()``-ed before it is saved, so the demo respects the model rules;
records already matching the data are left alone, so a second run changes nothing.
"""

import datetime
import hashlib
from collections import Counter, defaultdict

from django.contrib.auth.models import Group
from django.utils import timezone
from localflavor.it.util import vat_number_check_digit

from directory.demo import activities as act
from directory.demo import events as demo_events
from directory.demo import networks as demo_networks
from directory.demo import survey as demo_survey
from directory.demo.networks import MORE_ROLES, NETWORKS
from directory.demo.organizations import CAPOFILA, all_organizations
from directory.demo.territories import TOWNS, ZONES
from directory.demo.translations import ACTIVITY_TRANSLATIONS
from directory.models import (
    AccessPointReferrer,
    ActionTarget,
    Activity,
    ActivityTranslation,
    Category,
    Event,
    EventSession,
    EventSignup,
    EventWalkIn,
    GeneralInterestArea,
    Language,
    LegalForm,
    Location,
    Membership,
    Municipality,
    Network,
    NetworkAction,
    NetworkCoordinator,
    NetworkMembership,
    OpeningSlot,
    Organization,
    PublicationStatus,
    ScheduleException,
    SteeringBoardSeat,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveyRound,
    TargetGroup,
    Zone,
)
from linkrete.accounts import roles
from linkrete.accounts.models import User

# Verification dates are counted back from a fixed day, so that runs on different days agree.
REFERENCE_DATE = datetime.date(2026, 11, 16)

# Third-sector bodies that get a RUNTS repertory number; social cooperatives and social
# enterprises are registered through the companies register instead.
RUNTS_NUMBERED = {
    LegalForm.ODV,
    LegalForm.APS,
    LegalForm.PHILANTHROPIC,
    LegalForm.ASSOCIATIVE_NETWORK,
    LegalForm.MUTUAL_AID,
    LegalForm.OTHER_ETS,
}
COMPANY_FORMS = {
    LegalForm.SOCIAL_COOP_A,
    LegalForm.SOCIAL_COOP_B,
    LegalForm.SOCIAL_ENTERPRISE,
    LegalForm.COMPANY,
    LegalForm.BANK,
}
FOLIGNO_AREA = {"Foligno", "Bevagna", "Gualdo Cattaneo", "Montefalco", "Nocera Umbra", "Sellano"}
FOLIGNO_AREA |= {"Spello", "Trevi", "Valtopina"}
TRANSPORT_NOTES = [
    "Fermata dell'autobus a 200 metri; parcheggio gratuito davanti alla sede.",
    "A dieci minuti a piedi dalla stazione ferroviaria.",
    "Parcheggio per biciclette nel cortile; posti auto riservati alle persone con disabilità.",
    "Raggiungibile con il bus urbano, fermata Municipio.",
]
ACCESSIBILITY_NOTES = [
    "Ingresso con rampa sul lato del cortile.",
    "",
    "Sala al primo piano senza ascensore: su richiesta ci si incontra al piano terra.",
    "",
    "Campanello a altezza di sedia a rotelle; bagno attrezzato al piano terra.",
]
USERS = [
    (
        "coordinatore",
        "Giulia",
        "Bassi",
        roles.SUPER_COORDINATOR,
        True,
        "coordinator of every network: Django admin, moderation, taxonomies and territories",
    ),
    *[
        (
            username,
            first_name,
            last_name,
            roles.COORDINATOR,
            True,
            f"coordinator of {network} only: its members, desks, referrals and case counts",
        )
        for username, first_name, last_name, network, _slug in demo_networks.COORDINATORS
    ],
    (
        "ente",
        "Marco",
        "Colombo",
        roles.ORGANIZATION_STAFF,
        False,
        "manager of Oratorio San Luigi: keeps its profile, places and activities",
    ),
    (
        "sportello",
        "Sara",
        "Conti",
        roles.DESK_OPERATOR,
        False,
        "desk operator: desk agenda, accesses and referrals",
    ),
    (
        "equipe",
        "Elena",
        "Ferri",
        roles.CASE_TEAM,
        False,
        "team lead of the Cuore Visconteo équipe: family cases (seed_cases)",
    ),
    (
        "punto-accesso",
        "Davide",
        "Moretti",
        roles.ACCESS_POINT,
        False,
        "referrer of the access point BCC di Sesto San Giovanni (#oltreiperimetri): referrals "
        "and anonymous need signals only",
    ),
]
MANAGED_ORGANIZATION = "oratorio-san-luigi"
DEMO_ACCESS_POINT = "bcc-sesto-san-giovanni"
NETWORK_OF = {row[0]: row[4] for row in demo_networks.COORDINATORS}
LABELS = {
    Municipality: "municipalities",
    Zone: "zones",
    Organization: "organizations",
    Location: "locations",
    Activity: "activities",
    ActivityTranslation: "activity translations",
    OpeningSlot: "opening slots",
    ScheduleException: "schedule exceptions",
    User: "accounts",
    Membership: "memberships",
    Event: "events",
    EventSession: "event sessions",
    EventSignup: "event sign-ups",
    EventWalkIn: "event walk-ins",
    Network: "networks",
    NetworkMembership: "network members",
    SteeringBoardSeat: "steering board seats",
    NetworkAction: "project actions",
    ActionTarget: "targets",
    NetworkCoordinator: "network coordinators",
    AccessPointReferrer: "access point referrers",
    SurveyRound: "survey rounds",
    SurveyQuestion: "survey questions",
    SurveyResponse: "survey responses",
    SurveyAnswer: "survey answers",
}


def _number(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest(), 16)


def _digits(text: str, count: int) -> str:
    return str(_number(text) % 10**count).zfill(count)


def _province(town: str) -> str:
    matches = [province for name, province in TOWNS if name == town]
    # A check of the demo's own tables that must hold under ``python -O`` too (no assert).
    if len(matches) != 1:
        raise ValueError(f"{town!r} is not exactly one of the demo's towns")
    return matches[0]


def _phone(town: str, seed: str) -> str:
    province = _province(town)
    if province == "MI":
        digits = _digits(seed, 8)
        return f"02 {digits[:4]} {digits[4:]}"
    prefix = "0571" if province == "FI" else "0742" if town in FOLIGNO_AREA else "0743"
    digits = _digits(seed, 6)
    return f"{prefix} {digits[:3]} {digits[3:]}"


def _tax_code(org) -> str:
    # Bodies without a VAT number usually have a code starting with 9; companies with 0.
    base = ("0" if org.legal_form in COMPANY_FORMS else "9") + _digits(org.slug, 9)
    return base + vat_number_check_digit(base)


def _jitter(seed: str) -> tuple[float, float]:
    # A few hundred metres around the town centre, the same on every run.
    number = _number(seed)
    return ((number % 1000) / 1000 - 0.5) * 0.008, ((number // 1000 % 1000) / 1000 - 0.5) * 0.01


def _time(text: str) -> datetime.time:
    hours, minutes = text.split(":")
    return datetime.time(int(hours), int(minutes))


def parse_hours(hours: str) -> list[list[tuple[int, datetime.time, datetime.time]]]:
    """``"1-4 14:30-17:30; 6 09:00-12:00"`` -> one list of (weekday, opens, closes) a pattern."""
    patterns = []
    for pattern in filter(None, (part.strip() for part in hours.split(";"))):
        days, times = pattern.split()
        opens, closes = (_time(value) for value in times.split("-"))
        if "-" in days:
            first, last = (int(value) for value in days.split("-"))
            weekdays = range(first, last + 1)
        else:
            weekdays = [int(value) for value in days.split(",")]
        patterns.append([(day, opens, closes) for day in weekdays])
    return patterns


def exception_rows(names) -> list[tuple]:
    """(date, is_closed, opens_at, closes_at, reason) for the named exceptions."""
    rows = []
    if act.CHRISTMAS_CLOSURE in names:
        day = datetime.date(2026, 12, 24)
        while day <= datetime.date(2027, 1, 6):
            rows.append((day, True, None, None, "Vacanze di Natale"))
            day += datetime.timedelta(days=1)
    if act.EASTER_CLOSURE in names:
        rows.append((datetime.date(2027, 3, 29), True, None, None, "Lunedì dell'Angelo"))
    if act.CHRISTMAS_SPECIAL in names:
        rows.append(
            (
                datetime.date(2026, 12, 23),
                False,
                datetime.time(9, 0),
                datetime.time(12, 30),
                "Apertura straordinaria prima di Natale",
            )
        )
        rows.append((datetime.date(2026, 12, 24), True, None, None, "Vigilia di Natale"))
        rows.append((datetime.date(2026, 12, 31), True, None, None, "Ultimo dell'anno"))
    return rows


class Seeder:
    def __init__(self):
        self.counts = defaultdict(Counter)
        self.categories = {c.slug: c for c in Category.objects.all()}
        self.target_groups = {t.slug: t for t in TargetGroup.objects.all()}
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        self.areas = {a.letter: a for a in GeneralInterestArea.objects.all()}
        self.towns = {}

    # --- generic helpers -------------------------------------------------------------------
    def upsert(self, model, lookup, values, m2m=None, new=None):
        """Create or update one record; ``m2m`` maps a relation name to the wanted objects.

        ``new`` is the unsaved instance to create when there is none (default: built from
        ``lookup`` and ``values``).
        """
        obj = model.objects.filter(**lookup).first()
        state = "unchanged"
        if obj is None:
            obj = new if new is not None else model(**lookup, **values)
            state = "created"
        elif any(getattr(obj, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            state = "updated"
        if state != "unchanged":
            obj.full_clean()
            obj.save()
        for name, wanted in (m2m or {}).items():
            manager = getattr(obj, name)
            wanted_pks = {item.pk for item in wanted}
            if state == "created" or set(manager.values_list("pk", flat=True)) != wanted_pks:
                manager.set(wanted)
                state = "updated" if state == "unchanged" else state
        self.counts[LABELS[model]][state] += 1
        return obj

    def sync_children(self, manager, model, rows, key_fields):
        """Make ``manager`` hold exactly ``rows`` (dicts): delete the others, create the missing."""
        wanted = {tuple(row[name] for name in key_fields): row for row in rows}
        label = LABELS[model]
        for obj in manager.all():
            key = tuple(getattr(obj, name) for name in key_fields)
            if key in wanted:
                wanted.pop(key)
                self.counts[label]["unchanged"] += 1
            else:
                obj.delete()
                self.counts[label]["deleted"] += 1
        new = [model(**{manager.field.name: manager.instance}, **row) for row in wanted.values()]
        for obj in new:
            # The database enforces the check constraints; checking each one from Python costs
            # a query per constraint and row, which would triple the run time.
            obj.full_clean(validate_constraints=False)
        model.objects.bulk_create(new)
        self.counts[label]["created"] += len(new)

    # --- territories -----------------------------------------------------------------------
    def territories(self):
        for (name, province), (latitude, longitude, _postal) in TOWNS.items():
            municipality = Municipality.objects.get(name=name, province_code=province)
            self.towns[name] = self.upsert(
                Municipality,
                {"istat_code": municipality.istat_code},
                {"latitude": latitude, "longitude": longitude},
            )
        for slug, name, kind, description, towns in ZONES:
            self.upsert(
                Zone,
                {"slug": slug},
                {"name": name, "kind": kind, "description": description},
                m2m={"municipalities": [self.towns[town] for town, _province in towns]},
            )

    # --- organizations ---------------------------------------------------------------------
    def organizations(self):
        activity_index = 0
        for index, org in enumerate(all_organizations()):
            organization = self.organization(index, org)
            places = self.locations(index, org, organization)
            for entry in org.activities:
                key, overrides = (entry, {}) if isinstance(entry, str) else entry
                self.activity(activity_index, org, organization, places, key, overrides)
                activity_index += 1

    def organization(self, index, org):
        short = org.slug[:40].rstrip("-")
        values = {
            "name": org.name,
            "legal_form": org.legal_form,
            "tax_code": _tax_code(org) if org.tax_code else "",
            "runts_number": (
                str(10000 + _number("runts" + org.slug) % 190000)
                if org.runts and org.legal_form in RUNTS_NUMBERED
                else ""
            ),
            "description": org.description,
            "social_utility": org.social_utility,
            "website": f"https://www.{short}.example.org/" if index % 3 else "",
            "email": f"info@{short}.example.org",
            "phone": _phone(org.town, org.slug),
            "status": org.status,
            "last_verified": REFERENCE_DATE - datetime.timedelta(days=(index * 53) % 425),
        }
        return self.upsert(
            Organization,
            {"slug": org.slug},
            values,
            m2m={"general_interest_areas": [self.areas[letter] for letter in org.areas]},
        )

    # --- networks --------------------------------------------------------------------------
    def networks(self):
        import importlib

        organizations = dict(Organization.objects.values_list("slug", "pk"))
        more = defaultdict(list)
        for network_slug, org_slug, role in MORE_ROLES:
            more[network_slug].append({"organization_id": organizations[org_slug], "role": role})
        for net in NETWORKS:
            members = importlib.import_module(f"directory.demo.{net.module}").ORGANIZATIONS
            lead = next(org for org in members if org.role == CAPOFILA)
            network = self.upsert(
                Network,
                {"slug": net.slug},
                {
                    "name": net.name,
                    "summary": net.summary,
                    "starts_on": net.starts_on,
                    "ends_on": net.ends_on,
                    "lead_organization_id": organizations[lead.slug],
                },
                m2m={"zones": list(Zone.objects.filter(slug__in=net.zones))},
            )
            rows = [{"organization_id": organizations[o.slug], "role": o.role} for o in members]
            self.sync_children(
                network.memberships,
                NetworkMembership,
                rows + more[net.slug],
                ("organization_id", "role"),
            )
            seats = [{"organization_id": organizations[s], "office": o} for s, o in net.board]
            self.sync_children(
                network.board_seats, SteeringBoardSeat, seats, ("organization_id", "office")
            )
            for number, (name, objective, targets) in enumerate(net.actions, start=1):
                action = self.upsert(
                    NetworkAction,
                    {"network": network, "number": number},
                    {"name": name, "objective": objective},
                )
                # (name, unit, value) or (name, unit, value, the dashboard's figure it measures)
                rows = [
                    {"name": t[0], "unit": t[1], "value": t[2], "figure": (*t, "")[3]}
                    for t in targets
                ]
                self.sync_children(
                    action.targets, ActionTarget, rows, ("name", "unit", "value", "figure")
                )

    def locations(self, index, org, organization):
        """The organization's places: physical ones first, then the virtual one if any."""
        physical = [(org.place, org.address, org.town)]
        if org.second:
            physical.append(org.second)
        places = []
        for number, (name, address, town) in enumerate(physical):
            latitude, longitude, postal_code = TOWNS[(town, _province(town))]
            d_lat, d_lon = _jitter(org.slug + name)
            flag = index + number
            values = {
                "kind": Location.Kind.PHYSICAL,
                "address": address,
                "postal_code": postal_code,
                "municipality": self.towns[town],
                "latitude": round(latitude + d_lat, 5),
                "longitude": round(longitude + d_lon, 5),
                "url": "",
                "wheelchair_accessible": flag % 4 != 3,
                "has_lift": flag % 3 == 0,
                "accessible_toilet": flag % 2 == 0,
                "accessibility_notes": ACCESSIBILITY_NOTES[flag % len(ACCESSIBILITY_NOTES)],
                "transport_notes": TRANSPORT_NOTES[flag % len(TRANSPORT_NOTES)],
            }
            places.append(
                self.upsert(Location, {"organization": organization, "name": name}, values)
            )
        if org.virtual:
            name, url = org.virtual
            values = {
                "kind": Location.Kind.VIRTUAL,
                "address": "",
                "postal_code": "",
                "municipality": None,
                "latitude": None,
                "longitude": None,
                "url": url,
                "wheelchair_accessible": False,
                "has_lift": False,
                "accessible_toilet": False,
                "accessibility_notes": "",
                "transport_notes": "",
            }
            places.append(
                self.upsert(Location, {"organization": organization, "name": name}, values)
            )
        return places

    # --- activities ------------------------------------------------------------------------
    def activity(self, index, org, organization, places, key, overrides):
        kind = {**act.KINDS[key], **overrides}
        min_age, max_age = kind.pop("ages", (kind["min_age"], kind["max_age"]))
        valid_from, valid_to = kind["period"] or (None, None)
        enrolment_opens, enrolment_closes = kind.get("enrolment") or (None, None)
        physical = [place for place in places if place.kind == Location.Kind.PHYSICAL]
        virtual = [place for place in places if place.kind == Location.Kind.VIRTUAL]
        if kind["virtual"] and virtual:
            where = virtual[:1]
        elif len(physical) > 1 and index % 2 == 0:
            where = physical
        else:
            where = physical[:1]
        values = {
            "organization": organization,
            "title": kind["title"],
            "summary": kind["summary"],
            "description": kind["description"],
            "min_age": min_age,
            "max_age": max_age,
            "is_free": not kind["fee"],
            "fee_description": kind["fee"],
            "access": kind["access"],
            "access_description": kind["access_description"],
            "eligibility": kind["eligibility"],
            "required_documents": "\n".join(kind["documents"]),
            "capacity": kind["capacity"],
            "status": kind.get("status", Activity.Status.ACTIVE),
            "alert": kind.get("alert", ""),
            "valid_from": valid_from,
            "valid_to": valid_to,
            "enrolment_opens": enrolment_opens,
            "enrolment_closes": enrolment_closes,
            "phone": _phone(org.town, org.slug + key) if index % 4 == 0 else "",
            "email": "",
            "website": "",
            "publication_status": kind.get("publication_status", PublicationStatus.PUBLISHED),
            "last_verified": REFERENCE_DATE - datetime.timedelta(days=(index * 29) % 425),
        }
        activity = self.upsert(
            Activity,
            {"slug": f"{key}-{org.slug}"[:200]},
            values,
            m2m={
                "categories": [self.categories[slug] for slug in kind["categories"]],
                "target_groups": [self.target_groups[slug] for slug in kind["targets"]],
                "languages": [self.languages[code] for code in kind["languages"]],
                "locations": where,
            },
        )
        self.schedule(activity, kind, where)
        for language, texts in ACTIVITY_TRANSLATIONS.get(key, {}).items():
            self.upsert(ActivityTranslation, {"activity": activity, "language": language}, texts)

    def schedule(self, activity, kind, where):
        slots = []
        for number, pattern in enumerate(parse_hours(kind["hours"])):
            # With two places, the first pattern is at the first place and the rest at the second.
            location = where[min(number, 1)] if len(where) > 1 else None
            for weekday, opens_at, closes_at in pattern:
                slots.append(
                    {
                        "weekday": weekday,
                        "opens_at": opens_at,
                        "closes_at": closes_at,
                        "location": location,
                        "valid_from": None,
                        "valid_to": None,
                        "notes": kind.get("slot_notes", ""),
                    }
                )
        self.sync_children(
            activity.opening_slots,
            OpeningSlot,
            slots,
            ["weekday", "opens_at", "closes_at", "location", "notes"],
        )
        rows = []
        if activity.status != Activity.Status.ENDED:
            fields = ["date", "is_closed", "opens_at", "closes_at", "reason"]
            rows = [
                dict(zip(fields, row, strict=True)) for row in exception_rows(kind["exceptions"])
            ]
        self.sync_children(
            activity.schedule_exceptions,
            ScheduleException,
            rows,
            ["date", "is_closed", "opens_at", "closes_at", "reason"],
        )

    # --- demo accounts ---------------------------------------------------------------------
    def accounts(self, password):
        for username, first_name, last_name, group_name, is_staff, _does in USERS:
            group = Group.objects.get(name=group_name)
            values = {
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@linkrete.example.org",
                "is_staff": is_staff,
                "is_superuser": False,
                "is_active": True,
            }
            new = None
            user = User.objects.filter(username=username).first()
            if user is None:
                new = User(username=username, **values)
                new.set_password(password)
            elif not user.check_password(password):
                user.set_password(password)
                user.save(update_fields=["password"])
            user = self.upsert(
                User, {"username": username}, values, m2m={"groups": [group]}, new=new
            )
            if coordinated := NETWORK_OF.get(username):
                self.upsert(
                    NetworkCoordinator,
                    {"user": user, "network": Network.objects.get(slug=coordinated)},
                    {},
                )
            if username == "ente":
                self.upsert(
                    Membership,
                    {
                        "user": user,
                        "organization": Organization.objects.get(slug=MANAGED_ORGANIZATION),
                    },
                    {"role": Membership.Role.MANAGER},
                )
            if username == "punto-accesso":
                self.upsert(
                    AccessPointReferrer,
                    {
                        "user": user,
                        "organization": Organization.objects.get(slug=DEMO_ACCESS_POINT),
                    },
                    {},
                )

    # --- report ----------------------------------------------------------------------------
    # --- events ----------------------------------------------------------------------------
    def events(self, today: datetime.date):
        """A season of events (directory/demo/events.py), from this week's Monday on."""
        start = demo_events.season_start(today)
        for event in demo_events.EVENTS:
            organization = Organization.objects.get(slug=event.organization)
            location = organization.locations.order_by("pk").first()
            activity = (
                organization.activities.order_by("pk").first() if event.with_activity else None
            )
            values = {
                "organization": organization,
                "activity": activity,
                "title": event.title,
                "summary": event.summary,
                "description": event.description,
                "min_age": event.min_age,
                "max_age": event.max_age,
                "is_free": not event.price,
                "fee_description": event.price,
                "admission": Event.Admission.SIGN_UP if event.sign_up else Event.Admission.WALK_IN,
                "capacity": event.capacity,
                "accessibility": event.accessibility,
                "internal_network": (
                    Network.objects.get(slug=event.internal_network)
                    if event.internal_network
                    else None
                ),
                "minutes": event.minutes,
            }
            saved = self.upsert(
                Event,
                {"slug": event.slug},
                values,
                m2m={
                    "categories": [self.categories[slug] for slug in event.categories],
                    "languages": [self.languages[code] for code in event.languages],
                },
            )
            url = f"https://meet.example.org/{event.slug}"
            rows = demo_events.session_rows(event, start, location, url)
            self.sync_children(
                saved.sessions, EventSession, rows, ("date", "starts_at", "status", "location")
            )
            self.event_attendance(event, saved, today)

    def event_attendance(self, event, saved, today: datetime.date):
        """Families signed up (and waiting) for the sessions; who came to the past ones, and
        the walk-ins counted by age band."""
        now = timezone.now()
        for session in saved.sessions.all():
            self.sync_children(
                session.signups,
                EventSignup,
                demo_events.signup_rows(event, session, today, now),
                ("code", "status", "attended"),
            )
            self.sync_children(
                session.walk_ins,
                EventWalkIn,
                demo_events.walk_in_rows(event, session, today),
                ("age_band", "people"),
            )

    def survey(self, today: datetime.date):
        """LINK's open needs survey with its member bodies' answers (directory/demo/survey.py)."""
        network = Network.objects.get(slug=demo_survey.NETWORK)
        opens_on, closes_on = demo_survey.dates(today)
        survey_round = self.upsert(
            SurveyRound,
            {"network": network, "title": demo_survey.TITLE},
            {"opens_on": opens_on, "closes_on": closes_on},
        )
        fields = ("position", "text", "kind", "choices", "required")
        rows = [dict(zip(fields, question, strict=True)) for question in demo_survey.QUESTIONS]
        if survey_round.is_editable():
            self.sync_children(survey_round.questions, SurveyQuestion, rows, fields)
        questions = list(survey_round.questions.order_by("position"))
        members = Organization.objects.filter(network_memberships__network=network).order_by("slug")
        answered_at = timezone.make_aware(datetime.datetime.combine(opens_on, datetime.time(10)))
        for index, organization in enumerate(members.distinct()[: len(demo_survey.NEEDS)]):
            response = self.upsert(
                SurveyResponse,
                {"round": survey_round, "organization": organization},
                {"submitted_at": None if index in demo_survey.DRAFTS else answered_at},
            )
            values = [
                ([demo_survey.NEEDS[index]], ""),
                (demo_survey.MISSING[index], ""),
                ([demo_survey.SCALE[index]], ""),
                ([], demo_survey.TEXTS[index]),
            ]
            for question, (chosen, text) in zip(questions, values, strict=True):
                self.upsert(
                    SurveyAnswer,
                    {"response": response, "question": question},
                    {"chosen": chosen, "text": text},
                )

    def summary(self) -> str:
        totals = Counter()
        for counter in self.counts.values():
            totals.update(counter)
        parts = ", ".join(
            f"{label} {counter['created']}/{counter['updated']}"
            for label, counter in self.counts.items()
        )
        return (
            f"Demo data: {totals['created']} created, {totals['updated']} updated, "
            f"{totals['deleted']} deleted, {totals['unchanged']} unchanged "
            f"(created/updated: {parts})."
        )
