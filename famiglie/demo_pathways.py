"""The demo's diary, closures and job pathway (``seed_cases`` calls it after the cases):
diary notes for the team and for the psychologists only, the closure of the two closed cases
with each objective's outcome, two job offers of the network's cooperatives in Rozzano, the
skills of two adults in care there (their match lists show the offers) and one placement.
Fictitious people and words; idempotent."""

import datetime

from directory.models import ContractKind, JobOffer, Organization
from famiglie.models import (
    Availability,
    Case,
    CaseEvent,
    CaseState,
    Closure,
    ClosureOutcome,
    EventKind,
    ExitReason,
    Intervention,
    InterventionKind,
    JobProfile,
    Member,
    Note,
    Role,
    Visibility,
)

# (case code, visibility, days ago, text)
DIARY = [
    ("DEMOCASO05", Visibility.TEAM, 12, "Colloquio con la madre: cerca lavoro al mattino."),
    ("DEMOCASO05", Visibility.TEAM, 4, "Consegnato il CV aggiornato; la figlia va al doposcuola."),
    ("DEMOCASO07", Visibility.TEAM, 9, "Visita domiciliare: la nonna ha bisogno di assistenza."),
    ("DEMOCASO08", Visibility.TEAM, 15, "Il padre ha fatto il colloquio per il tirocinio."),
    (
        "DEMOCASO08",
        Visibility.PSYCHOLOGIST,
        6,
        "Secondo colloquio di sostegno: ansia per la perdita del lavoro, in miglioramento.",
    ),
    (
        "DEMOCASO12",
        Visibility.PSYCHOLOGIST,
        3,
        "Primo colloquio: la madre racconta il viaggio; fissato un secondo incontro.",
    ),
    ("DEMOCASO12", Visibility.TEAM, 2, "Contattata la scuola dell'infanzia per l'iscrizione."),
]

# (case code, reason, note)
CLOSURES = [
    ("DEMOCASO10", ExitReason.OBJECTIVES_REACHED, "La madre ha un contratto stabile."),
    ("DEMOCASO11", ExitReason.REFERRED, "Seguiti dai servizi sociali del comune."),
]

# (organization slug, title, description, contract, hours, skills, days valid)
OFFERS = [
    (
        "arti-e-mestieri-sociali",
        "Tirocinio manutenzione del verde",
        "Sei mesi nella squadra del verde pubblico di Rozzano, con tutor e attrezzatura.",
        ContractKind.INTERNSHIP,
        "25 ore settimanali, dal lunedì al venerdì",
        ["gardening", "construction", "driving"],
        60,
    ),
    (
        "spazio-aperto-servizi",
        "Ausiliaria per il centro diurno",
        "Pulizie e aiuto nei pasti al centro diurno per anziani di Rozzano.",
        ContractKind.FIXED_TERM,
        "20 ore settimanali, mattina",
        ["cleaning", "care", "italian"],
        45,
    ),
]

# (case code, first name of the member, skills, availability, notes)
PROFILES = [
    (
        "DEMOCASO05",
        "Mariana",
        ["cleaning", "care", "italian", "catering"],
        Availability.MORNINGS,
        "Ha assistito un'anziana per tre anni.",
    ),
    (
        "DEMOCASO08",
        "Jorge",
        ["gardening", "construction", "driving"],
        Availability.FULL_TIME,
        "Muratore in Perù; patente B.",
    ),
]


def seed(team, lead, today: datetime.date) -> None:
    cases = {c.code: c for c in Case.objects.filter(team=team, code__startswith="DEMOCASO")}
    _diary(cases, lead, today)
    _closures(cases, lead, today)
    _job_pathway(cases, lead, today)


def _author(case, visibility, lead):
    if visibility == Visibility.PSYCHOLOGIST:
        member = case.team_members.filter(role=Role.PSYCHOLOGIST).select_related("user").first()
        return member.user if member else None
    member = case.team_members.exclude(role=Role.PSYCHOLOGIST).select_related("user").first()
    return member.user if member else lead


def _diary(cases, lead, today):
    # A case with notes already was seeded before (the text is encrypted: no lookup by it).
    seeded = set(Note.objects.filter(case__in=cases.values()).values_list("case__code", flat=True))
    for code, visibility, days, text in DIARY:
        case = cases.get(code)
        if case is None or code in seeded:
            continue
        author = _author(case, visibility, lead)
        if author is None:
            continue
        note = Note.objects.create(case=case, visibility=visibility, text=text, author=author)
        written = datetime.datetime.combine(
            today - datetime.timedelta(days=days), datetime.time(10), tzinfo=datetime.UTC
        )
        Note.objects.filter(pk=note.pk).update(written_at=written)


def _closures(cases, lead, today):
    for code, reason, note in CLOSURES:
        case = cases.get(code)
        if case is None or case.state != CaseState.CLOSED or case.closures.exists():
            continue
        final = case.assessments.order_by("-date", "-pk").first()
        if final is None:
            continue
        asker = case.team_members.select_related("user").first()
        closure = Closure.objects.create(
            case=case,
            reason=reason,
            note=note,
            final_assessment=final,
            asked_by=asker.user if asker else lead,
            approved_by=lead,
            approved_at=datetime.datetime.combine(
                today - datetime.timedelta(days=5), datetime.time(11), tzinfo=datetime.UTC
            ),
        )
        for objective in case.objectives.order_by("pk"):
            ClosureOutcome.objects.create(
                closure=closure, objective=objective, outcome=objective.status
            )
        case.closure_reason = note
        case.save(update_fields=["closure_reason"])


def _job_pathway(cases, lead, today):
    offers = []
    for slug, title, description, kind, hours, skills, days in OFFERS:
        organization = Organization.objects.filter(slug=slug).first()
        town = cases["DEMOCASO05"].household.municipality if "DEMOCASO05" in cases else None
        if organization is None or town is None:
            return
        offer, _ = JobOffer.objects.update_or_create(
            organization=organization,
            title=title,
            defaults={
                "description": description,
                "municipality": town,
                "contract_kind": kind,
                "hours": hours,
                "skills": skills,
                # The demo's offers stay current whatever day it is seeded.
                "valid_until": today + datetime.timedelta(days=days),
            },
        )
        offers.append(offer)
    for code, first_name, skills, availability, notes in PROFILES:
        case = cases.get(code)
        member = (
            case and Member.objects.filter(household=case.household, first_name=first_name).first()
        )
        if member is None:
            continue
        JobProfile.objects.update_or_create(
            member=member,
            defaults={
                "skills": skills,
                "availability": availability,
                "notes": notes,
                "updated_by": lead,
            },
        )
    _placement(cases.get("DEMOCASO08"), offers[0] if offers else None, today)


def _placement(case, offer, today):
    """Jorge's internship, from the first offer: an intervention linked to it."""
    if case is None or offer is None or case.interventions.filter(job_offer=offer).exists():
        return
    operator = case.team_members.select_related("user").first()
    objective = case.objectives.filter(area="work").first()
    day = today - datetime.timedelta(days=2)
    Intervention.objects.create(
        case=case,
        kind=InterventionKind.PLACEMENT,
        date=day,
        organization=offer.organization,
        job_offer=offer,
        objective=objective,
        operator=operator.user if operator else None,
        notes="Tirocinio di sei mesi, avvio a gennaio.",
    )
    CaseEvent.objects.create(
        case=case,
        kind=EventKind.INTERVENTION,
        by=operator.user if operator else None,
        organization=offer.organization,
        note=f"{InterventionKind.PLACEMENT.label}, {day:%d/%m/%Y}.",
    )
