"""The five seed projects as networks: each organization of an ``orgs_*`` module takes part in
its module's network with the role written on it (``Org.role``); ``MORE_ROLES`` adds the roles
the seeds describe beyond that one (access points, a body in two networks)."""

import datetime
from dataclasses import dataclass, field

from directory.models import MemberRole


@dataclass(frozen=True)
class Net:
    module: str  # the orgs_* module whose organizations are its members
    slug: str
    name: str
    summary: str
    zones: tuple
    starts_on: datetime.date
    ends_on: datetime.date | None
    actions: list = field(
        default_factory=list
    )  # (name, objective, [(target, unit, value[, figure])])
    board: list = field(default_factory=list)  # (organization slug, office)


NETWORKS = [
    Net(
        "orgs_corsichese",
        "link",
        "LINK – Rete delle risorse sociali",
        "Oratori, comitati genitori e di quartiere, associazioni e cooperative di Buccinasco in "
        "rete per l'aggregazione e la socialità delle famiglie con figli da 0 a 18 anni.",
        ("ambito-corsichese",),
        datetime.date(2025, 9, 1),
        datetime.date(2027, 8, 31),
        actions=[
            (
                "Indagine conoscitiva",
                "Incontrare le realtà sociali e raccogliere il bisogno di utilità sociale di "
                "ciascuna.",
                [("Enti incontrati", "enti", 30)],
            ),
            (
                "Laboratorio delle risorse sociali",
                "Favorire lo scambio tra enti simili e far conoscere i servizi pubblici.",
                [("Incontri di laboratorio", "incontri", 6)],
            ),
            (
                "Struttura informatica",
                "Mettere in rete le informazioni sui servizi alle famiglie.",
                [("Attività pubblicate", "attività", 60, "activities")],
            ),
        ],
        board=[
            ("comune-di-buccinasco-servizi-sociali", "Assessore alle politiche sociali"),
            ("oratorio-san-luigi", "Responsabile dell'oratorio"),
        ],
    ),
    Net(
        "orgs_empolese",
        "spoon",
        "SpOON – Servizi, prossimità, orientamento e operatività in network",
        "Una rete integrata di soggetti, servizi e azioni contro la marginalità sociale e la "
        "precarietà socio-economica nell'Empolese Valdelsa, con sportelli di prossimità nei "
        "circoli.",
        ("empolese-valdelsa",),
        datetime.date(2024, 10, 1),
        datetime.date(2026, 9, 30),
        actions=[
            (
                "Tavolo di coordinamento",
                "Condividere modalità e strumenti di presa in carico dei bisogni delle comunità.",
                [("Riunioni del tavolo", "riunioni", 8)],
            ),
            (
                "Sportelli di prossimità",
                "Punti di primo accesso per orientamento e supporto ai servizi del territorio.",
                [
                    ("Sportelli attivi", "sportelli", 3),
                    ("Accessi agli sportelli", "accessi", 600, "accesses"),
                ],
            ),
        ],
        board=[("arci-empolese-valdelsa", "Presidente del comitato territoriale")],
    ),
    Net(
        "orgs_rhodense",
        "oltreiperimetri",
        "#oltreiperimetri – Generare capitale sociale nel Rhodense",
        "Banche, patronati, imprese e scuole come antenne: le persone in condizione di "
        "vulnerabilità esprimono i propri bisogni anche fuori dai perimetri dei servizi.",
        ("ambito-rhodense",),
        datetime.date(2024, 1, 1),
        datetime.date(2026, 12, 31),
        actions=[
            (
                "Deperimetrazione",
                "Estendere nel territorio le possibilità di accesso e far emergere la domanda "
                "invisibile.",
                [("Punti di accesso attivi", "punti", 10)],
            ),
            (
                "Ricostruzione dei legami di prossimità",
                "Promuovere l'auto-organizzazione di risposte non professionali.",
                [("Gruppi di prossimità", "gruppi", 5)],
            ),
        ],
        board=[
            ("sercop", "Direttore dell'azienda speciale"),
            ("consorzio-cooperho", "Coordinatrice di progetto"),
        ],
    ),
    Net(
        "orgs_umbria",
        "net-working",
        "NET WORKING – Ricostruzione del patrimonio sociale post Covid-19",
        "Reti solidali per il welfare di comunità nelle zone sociali 6, 8 e 9 dell'Umbria: "
        "volontariato dei giovani, contrasto alle solitudini, legami sociali.",
        ("zona-sociale-6-norcia", "zona-sociale-8-foligno", "zona-sociale-9-spoleto"),
        datetime.date(2023, 3, 1),
        datetime.date(2025, 2, 28),
        actions=[
            (
                "Cultura del volontariato tra i giovani",
                "Avvicinare i giovani al volontariato.",
                [("Giovani coinvolti", "giovani", 150)],
            ),
            (
                "Contrasto alle solitudini involontarie",
                "Percorsi di coinvolgimento attivo della popolazione anziana.",
                [("Anziani raggiunti", "persone", 200)],
            ),
        ],
        board=[("net-working-aps", "Presidente")],
    ),
    Net(
        "orgs_visconteo",
        "cuore-visconteo",
        "Cuore Visconteo",
        "Contrasto alle povertà delle famiglie con figli minorenni dell'Ambito Visconteo Sud "
        "Milano: povertà educative, sanitarie e alimentari, lavoro per genitori e NEET.",
        ("ambito-visconteo-sud-milano",),
        datetime.date(2024, 2, 1),
        datetime.date(2027, 1, 31),
        actions=[
            (
                "Équipe socio-psicopedagogica",
                "Prendere in carico le famiglie con figli minorenni in povertà.",
                [("Famiglie prese in carico", "famiglie", 120, "families")],
            ),
            (
                "Inserimento lavorativo",
                "Accompagnare al lavoro genitori e giovani NEET.",
                [("Persone inserite al lavoro", "persone", 40)],
            ),
        ],
        board=[
            ("ufficio-di-piano-ambito-visconteo", "Responsabile dell'Ufficio di Piano"),
            ("spazio-aperto-servizi", "Coordinatore dell'équipe"),
        ],
    ),
]

# The demo's coordinator of each network (username, first and last name, network's name, slug):
# each sees that network's members, desks and referrals only (linkrete/accounts/scope.py).
COORDINATORS = [
    ("coord-link", "Paolo", "Ricci", "LINK", "link"),
    ("coord-spoon", "Chiara", "Marini", "SpOON", "spoon"),
    ("coord-oltreiperimetri", "Luca", "Galli", "#oltreiperimetri", "oltreiperimetri"),
    ("coord-networking", "Anna", "Rinaldi", "NET WORKING", "net-working"),
    ("coord-visconteo", "Marta", "Sala", "Cuore Visconteo", "cuore-visconteo"),
]

# (network slug, organization slug, role) beyond each organization's role in its own network.
MORE_ROLES = [
    # SpOON's proximity desks are in three Arci clubs.
    ("spoon", "circolo-arci-pagnana", MemberRole.ACCESS_POINT),
    ("spoon", "circolo-arci-il-bastione", MemberRole.ACCESS_POINT),
    ("spoon", "circolo-arci-cerreto-guidi", MemberRole.ACCESS_POINT),
    # #oltreiperimetri's antennas: a bank, a patronato, a school, a company.
    ("oltreiperimetri", "bcc-sesto-san-giovanni", MemberRole.ACCESS_POINT),
    ("oltreiperimetri", "patronato-acli-rho", MemberRole.ACCESS_POINT),
    ("oltreiperimetri", "ic-tommaso-grossi-rho", MemberRole.ACCESS_POINT),
    ("oltreiperimetri", "freddy-spa", MemberRole.ACCESS_POINT),
    # The lead body signs the agreement too.
    ("cuore-visconteo", "ufficio-di-piano-ambito-visconteo", MemberRole.SIGNATORY),
    # One body in two networks with two roles: ACLI, partner in the Rhodense, signs Cuore
    # Visconteo's agreement in the Sud Milano.
    ("cuore-visconteo", "acli-milano-monza-brianza", MemberRole.SIGNATORY),
]
