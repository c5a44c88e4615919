"""A season of events for the five networks: workshops, labs and meetings from the projects'
descriptions (seeds/), each with its dated sessions.

Dates are counted from the Monday of the week the demo is seeded (``season_start``), so the
calendar always has something this week and in the coming months; a second run in the same week
changes nothing.
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from directory.event_attendance import band_of
from directory.models.event_signup import CODE_ALPHABET, CODE_LENGTH


@dataclass(frozen=True)
class DemoEvent:
    slug: str
    organization: str  # the organization's slug (directory/demo/orgs_*.py)
    title: str
    summary: str
    description: str
    categories: list[str]
    min_age: int | None
    max_age: int | None
    # (weeks after the season's Monday, weekday 0-6, start "HH:MM", end "HH:MM")
    sessions: list[tuple[int, int, str, str]]
    languages: list[str] = field(default_factory=lambda: ["it"])
    price: str = ""  # empty: free
    sign_up: bool = False
    capacity: int | None = None
    accessibility: str = ""
    with_activity: bool = False
    online: bool = False
    cancelled_session: int | None = None  # index of a session cancelled
    moved_session: int | None = None  # index of a session moved one day later
    internal_network: str = ""  # a network's slug: a meeting only its organizations see
    minutes: str = ""


def weekly(first_week: int, count: int, weekday: int, start: str, end: str):
    return [(first_week + n, weekday, start, end) for n in range(count)]


EVENTS = [
    # LINK – Buccinasco (Corsichese)
    DemoEvent(
        "laboratorio-risorse-sociali-buccinasco",
        "comune-di-buccinasco-servizi-sociali",
        "Laboratorio delle risorse sociali",
        "Gli enti della rete si incontrano per conoscersi e lavorare insieme.",
        "Un incontro aperto a tutte le associazioni del territorio e ai cittadini: ogni ente "
        "presenta cosa fa, si raccolgono bisogni e offerte, si costruiscono collaborazioni.",
        ["socialita"],
        18,
        None,
        [(1, 2, "18:00", "20:00"), (5, 2, "18:00", "20:00"), (9, 2, "18:00", "20:00")],
        accessibility="Sala al piano terra, accessibile in sedia a rotelle.",
    ),
    DemoEvent(
        "compiti-insieme-oratorio-san-luigi",
        "oratorio-san-luigi",
        "Compiti insieme il sabato",
        "Aiuto compiti con i volontari dell'oratorio.",
        "Ragazzi delle medie e volontari fanno i compiti insieme, poi merenda e gioco.",
        ["diritto-istruzione"],
        11,
        14,
        weekly(0, 10, 5, "10:00", "12:00"),
        with_activity=True,
        cancelled_session=3,
    ),
    DemoEvent(
        "festa-di-quartiere-robarello",
        "comitato-di-quartiere-robarello",
        "Festa di quartiere",
        "Giochi, musica e cena condivisa nel cortile.",
        "Il comitato organizza la festa di quartiere: giochi per bambini, musica dal vivo e una "
        "cena in cui ognuno porta qualcosa.",
        ["socialita"],
        None,
        None,
        [(3, 6, "16:00", "22:00")],
        moved_session=0,
    ),
    # SpOON – Empolese Valdelsa
    DemoEvent(
        "genitori-si-diventa-pagnana",
        "circolo-arci-pagnana",
        "Genitori si diventa",
        "Incontri per genitori con una psicologa, su iscrizione.",
        "Quattro incontri per genitori di bambini da 0 a 6 anni: sonno, regole, emozioni e "
        "tempo insieme. Durante gli incontri c'è uno spazio gioco per i bambini.",
        ["genitorialita"],
        18,
        None,
        weekly(1, 4, 3, "18:30", "20:00"),
        sign_up=True,
        capacity=15,
    ),
    DemoEvent(
        "merende-in-circolo-cerreto-guidi",
        "circolo-arci-cerreto-guidi",
        "Merende in circolo",
        "Pomeriggi di socialità per anziani e famiglie.",
        "Il circolo apre il pomeriggio per una merenda, due chiacchiere e giochi da tavolo. "
        "Per chi è solo, i volontari passano a prenderlo a casa.",
        ["socialita"],
        65,
        None,
        weekly(0, 12, 1, "15:30", "17:30"),
    ),
    DemoEvent(
        "italiano-per-mamme-empoli",
        "associazione-vnp",
        "Italiano per mamme",
        "Lezioni di italiano per mamme straniere, con i bambini accanto.",
        "Corso di italiano per la vita di tutti i giorni: la scuola, il medico, il Comune. "
        "I bambini giocano nella stanza accanto con le volontarie.",
        ["socialita"],
        18,
        None,
        weekly(0, 10, 0, "09:30", "11:30"),
        languages=["it", "ar", "en"],
    ),
    # #oltreiperimetri – Rhodense
    DemoEvent(
        "debito-consapevole-rho",
        "patronato-acli-rho",
        "Debito consapevole: il bilancio di casa",
        "Un laboratorio per mettere in ordine le spese di famiglia.",
        "Come leggere le bollette, preparare il bilancio del mese, evitare i debiti e chiedere "
        "aiuto in tempo. Con un educatore finanziario.",
        ["socialita"],
        18,
        None,
        [(2, 1, "18:00", "19:30"), (3, 1, "18:00", "19:30")],
        sign_up=True,
        capacity=20,
    ),
    DemoEvent(
        "job-community-online",
        "afol-nord-ovest",
        "Job Community: il curriculum",
        "Scrivere il curriculum e prepararsi al colloquio, online.",
        "Un incontro online con gli orientatori: come scrivere il curriculum e prepararsi al "
        "colloquio di lavoro. Basta un telefono.",
        ["socialita"],
        16,
        None,
        [(1, 3, "17:00", "18:30"), (4, 3, "17:00", "18:30")],
        online=True,
    ),
    DemoEvent(
        "smart-house-vanzago",
        "gruppo-volontari-vanzago",
        "Smart House: casa in ordine",
        "Piccole riparazioni e risparmio energetico in casa.",
        "I volontari insegnano piccole riparazioni e come risparmiare sulle bollette.",
        ["socialita"],
        18,
        None,
        [(6, 5, "09:30", "12:30")],
        price="5 euro per i materiali; gratis per chi è seguito dai servizi.",
    ),
    # NET WORKING – Umbria
    DemoEvent(
        "laboratorio-creativo-bambini-spoleto",
        "cooperativa-sociale-la-rondine",
        "Laboratorio creativo per bambini",
        "Pittura, riciclo e storie per bambini dai 6 agli 11 anni.",
        "Ogni mercoledì pomeriggio un laboratorio diverso con gli educatori della cooperativa.",
        ["laboratori"],
        6,
        11,
        weekly(0, 12, 2, "16:30", "18:00"),
        with_activity=True,
        sign_up=True,
        capacity=12,
    ),
    DemoEvent(
        "giovani-volontari-foligno",
        "net-working-aps",
        "Giovani e volontariato",
        "Un pomeriggio per scoprire le associazioni del territorio.",
        "Le associazioni della zona presentano ai ragazzi come fare volontariato.",
        ["socialita"],
        14,
        25,
        [(2, 4, "15:00", "18:00")],
    ),
    DemoEvent(
        "tombola-anziani-spoleto",
        "centro-sociale-anziani-spoleto",
        "Tombola e merenda",
        "La tombola del centro anziani, aperta a tutti.",
        "Una tombola con premi offerti dai negozi del quartiere, e una merenda insieme.",
        ["socialita"],
        None,
        None,
        weekly(0, 8, 6, "15:00", "17:00"),
        cancelled_session=1,
    ),
    # Cuore Visconteo – Ambito Visconteo
    DemoEvent(
        "gruppo-genitori-adolescenti-binasco",
        "ufficio-di-piano-ambito-visconteo",
        "Gruppo genitori di adolescenti",
        "Confronto tra genitori con un'educatrice dell'équipe.",
        "Un gruppo di confronto per genitori di ragazzi dagli 11 ai 17 anni, con un'educatrice "
        "e la psicologa dell'équipe Cuore Visconteo.",
        ["genitorialita"],
        18,
        None,
        # Three past meetings (their attendance is marked) and six to come.
        weekly(-3, 9, 1, "20:30", "22:00"),
        sign_up=True,
        capacity=12,
    ),
    DemoEvent(
        "sport-insieme-lacchiarella",
        "polisportiva-lacchiarella",
        "Sport insieme",
        "Prova gratuita di calcio, pallavolo e basket per ragazzi.",
        "Un pomeriggio per provare gli sport della polisportiva, con gli allenatori.",
        ["sport"],
        6,
        14,
        [(2, 5, "14:30", "17:30")],
    ),
    DemoEvent(
        "oratorio-estivo-open-day-zibido",
        "oratorio-don-bosco-zibido",
        "Open day dell'oratorio",
        "Conoscere educatori e attività dell'oratorio.",
        "Le famiglie incontrano gli educatori e provano le attività dell'oratorio.",
        ["laboratori"],
        6,
        14,
        [(7, 6, "15:00", "18:00")],
    ),
]


# Internal to a network: only the staff of its organizations and the coordinators see it.
EVENTS.append(
    DemoEvent(
        "cabina-di-regia-link",
        "comune-di-buccinasco-servizi-sociali",
        "Cabina di regia del progetto LINK",
        "Riunione della cabina di regia con i partner del progetto.",
        "Stato delle azioni, monitoraggio degli indicatori e calendario dei prossimi mesi.",
        ["socialita"],
        18,
        None,
        [(-2, 3, "17:00", "19:00"), (4, 3, "17:00", "19:00")],
        internal_network="link",
        minutes="Presenti i referenti di sei enti partner. Approvato il calendario dei "
        "laboratori delle risorse sociali; il monitoraggio delle azioni sarà presentato "
        "alla prossima riunione.",
    )
)

# Families of the demo (invented: no real person), signed up for the sessions of the events
# that take sign-ups, as many as the places hold, then two on the waiting list.
FAMILIES = [
    "Famiglia Esposito",
    "Famiglia Colombo",
    "Famiglia Ferrari",
    "Famiglia Ricci",
    "Famiglia Marino",
    "Famiglia Greco",
    "Famiglia Bruno",
    "Famiglia Gallo",
    "Famiglia Conti",
    "Famiglia De Luca",
]
WAITING_FAMILIES = 2
# Without a limit of places, this many families sign up.
FAMILIES_WITHOUT_LIMIT = 3


def demo_code(*parts: str) -> str:
    """A sign-up code that is the same at every run (the seeding stays idempotent)."""
    digest = hashlib.sha256("|".join(parts).encode()).digest()
    return "".join(CODE_ALPHABET[byte % len(CODE_ALPHABET)] for byte in digest[:CODE_LENGTH])


def _ages(event: DemoEvent, n: int) -> list[int]:
    low = event.min_age or 0
    high = event.max_age if event.max_age is not None else low + 40
    span = high - low + 1
    return [low + (n * 7 + k * 3) % span for k in range(1 + n % 2)]


def signup_rows(event: DemoEvent, session, today: datetime.date, now) -> list[dict]:
    """The families of one session; a past one has who came marked (one in four did not)."""
    if not event.sign_up or session.status == "cancelled":
        return []
    past = session.date < today
    rows = []
    taken = 0
    waiting = 0
    limit = event.capacity
    for n, name in enumerate(FAMILIES):
        ages = _ages(event, n)
        fits = limit is None or taken + len(ages) <= limit
        if limit is None and n >= FAMILIES_WITHOUT_LIMIT:
            break
        if not fits:
            if waiting == WAITING_FAMILIES:
                break
            waiting += 1
        else:
            taken += len(ages)
        rows.append(
            {
                "code": demo_code(event.slug, session.date.isoformat(), str(n)),
                "name": name,
                "phone": f"333 000 {n:04d}",
                "email": "",
                "ages": ages,
                "places": len(ages),
                "status": "confirmed" if fits else "waiting",
                "privacy_consent_at": now,
                "attended": (n % 4 != 3) if past and fits else None,
            }
        )
    return rows


def walk_in_rows(event: DemoEvent, session, today: datetime.date) -> list[dict]:
    """People who came without signing up to a past session, by age band."""
    if session.date >= today or session.status == "cancelled" or event.internal_network:
        return []
    first = band_of(event.min_age or 0)
    rows = [{"age_band": first, "people": 2 + session.date.day % 3}]
    if first != "adulti":
        rows.append({"age_band": "adulti", "people": 1 + session.date.day % 2})
    return rows


def season_start(today: datetime.date) -> datetime.date:
    return today - datetime.timedelta(days=today.weekday())


def session_rows(event: DemoEvent, start: datetime.date, location, url: str) -> list[dict]:
    rows = []
    for index, (week, weekday, opens, closes) in enumerate(event.sessions):
        day = start + datetime.timedelta(weeks=week, days=weekday)
        row = {
            "date": day,
            "starts_at": datetime.time.fromisoformat(opens),
            "ends_at": datetime.time.fromisoformat(closes),
            "location": None if event.online else location,
            "online_url": url if event.online else "",
            "status": "scheduled",
            "moved_from": None,
            "note": "",
        }
        if index == event.cancelled_session:
            row.update(status="cancelled", note="Annullato per indisponibilità della sala.")
        if index == event.moved_session:
            row.update(
                date=day + datetime.timedelta(days=1),
                status="moved",
                moved_from=day,
                note="Spostato per le previsioni di pioggia.",
            )
        rows.append(row)
    return rows
