"""Fill PostgreSQL with a national-scale directory for the search benchmark.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/populate.py --organizations 150000 --activities 600000

What it makes (deterministic for a given --seed): every ISTAT municipality with pseudo-
coordinates (clustered by province around its region, the big cities at their real place),
zones of about 15 municipalities, organizations with one place each (some also online),
activities built from Italian word lists (so that ``bambini``, ``aiuto``, ``corso``, ``calcio``,
``doposcuola``, ``italiano`` are as common as in real life) with categories, languages, target
groups, 1–3 weekly opening slots and a few dated exceptions.

Fast: rows are written with COPY (psycopg 3). The search documents are exactly what
``directory.search._store`` produces: ``search_text`` is built in Python with the same parts in
the same order (``normalize`` of the whole equals the join of ``normalize`` of the parts, so the
parts are normalised once and cached); ``search_vector`` is computed in SQL with the same
expression while the activities move from a staging table; the vocabulary is every word of the
documents. ``--verify N`` compares N random activities with ``document_for``/``_store``.

The tables it fills are emptied first (``TRUNCATE``): use a database of its own.
"""

import argparse
import bisect
import datetime
import itertools
import math
import os
import random
import sys
import tempfile
import time
import zlib
from functools import cache, lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "linkrete.settings")
os.environ.setdefault("DEBUG", "1")
# The load's statements (the search documents of 600,000 activities, the indexes) run for
# minutes: no statement timeout, as for a management command.
os.environ.setdefault("DB_STATEMENT_TIMEOUT", "0")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from directory.models import Category, Language, Municipality, TargetGroup  # noqa: E402
from directory.search import documents as search  # noqa: E402
from directory.search import tags as search_tags  # noqa: E402

# Places ------------------------------------------------------------------------------------

REGION_CENTRES = {
    "Piemonte": (45.05, 7.85),
    "Valle d'Aosta": (45.73, 7.35),
    "Lombardia": (45.62, 9.75),
    "Trentino-Alto Adige": (46.40, 11.25),
    "Veneto": (45.60, 11.85),
    "Friuli-Venezia Giulia": (46.10, 13.10),
    "Liguria": (44.30, 8.70),
    "Emilia-Romagna": (44.50, 11.00),
    "Toscana": (43.40, 11.10),
    "Umbria": (42.97, 12.50),
    "Marche": (43.30, 13.20),
    "Lazio": (41.90, 12.80),
    "Abruzzo": (42.20, 13.90),
    "Molise": (41.65, 14.60),
    "Campania": (40.90, 14.80),
    "Puglia": (41.00, 16.60),
    "Basilicata": (40.50, 16.10),
    "Calabria": (39.00, 16.40),
    "Sicilia": (37.50, 14.10),
    "Sardegna": (40.10, 9.00),
}
# Real coordinates of the big cities: their province is centred on them.
CITIES = {
    "Milano": (45.4642, 9.1900),
    "Roma": (41.9028, 12.4964),
    "Napoli": (40.8518, 14.2681),
    "Torino": (45.0703, 7.6869),
    "Palermo": (38.1157, 13.3615),
    "Genova": (44.4056, 8.9463),
    "Bologna": (44.4949, 11.3426),
    "Firenze": (43.7696, 11.2558),
    "Bari": (41.1171, 16.8719),
    "Venezia": (45.4408, 12.3155),
    "Verona": (45.4384, 10.9916),
    "Catania": (37.5079, 15.0830),
}
# Buccinasco is the example: put it where it is, next to Milan.
EXACT_PLACES = {"Buccinasco": (45.4178, 9.1119)}


def unit(*parts) -> float:
    """A deterministic number in [0, 1) from some values."""
    return zlib.crc32("|".join(map(str, parts)).encode()) / 2**32


def region_centre(region: str) -> tuple[float, float]:
    for name, centre in REGION_CENTRES.items():
        if region.startswith(name):
            return centre
    return (42.5, 12.5)


def municipality_coordinates(municipalities):
    """{id: (lat, lon)}: provinces around their region's centre, municipalities around them."""
    provinces = {}
    for m in municipalities:
        if m.province_code in provinces:
            continue
        lat, lon = region_centre(m.region)
        provinces[m.province_code] = (
            lat + (unit("plat", m.province_code) - 0.5) * 1.2,
            lon + (unit("plon", m.province_code) - 0.5) * 1.6,
        )
    for m in municipalities:
        if m.name in CITIES and m.province == m.name:
            provinces[m.province_code] = CITIES[m.name]
    result = {}
    for m in municipalities:
        if m.name in EXACT_PLACES:
            result[m.id] = EXACT_PLACES[m.name]
            continue
        if m.name in CITIES and m.province == m.name:
            result[m.id] = CITIES[m.name]
            continue
        lat, lon = provinces[m.province_code]
        # Closer to the centre more often, like real suburbs.
        distance = 0.45 * unit("d", m.istat_code) ** 1.5
        angle = 2 * math.pi * unit("a", m.istat_code)
        result[m.id] = (
            round(lat + distance * math.sin(angle), 5),
            round(lon + distance * math.cos(angle) * 1.35, 5),
        )
    return result


# Words ------------------------------------------------------------------------------------

SAINTS = [
    "San Giuseppe",
    "San Francesco",
    "Sant'Antonio",
    "San Giovanni Bosco",
    "Santa Maria",
    "San Carlo",
    "Santa Rita",
    "San Luigi",
    "San Paolo",
    "Sant'Ambrogio",
    "San Marco",
    "Santa Chiara",
    "San Michele",
    "San Domenico Savio",
    "Santa Lucia",
    "San Pio X",
]
ORG_NOUNS = [
    "Il Girasole",
    "L'Arcobaleno",
    "La Rete",
    "Il Sorriso",
    "Il Ponte",
    "La Tenda",
    "Casa Aperta",
    "Il Melograno",
    "La Bussola",
    "Il Seme",
    "Sole e Luna",
    "Il Faro",
    "Spazio Aperto",
    "La Fenice",
    "Il Cammino",
    "Mani Amiche",
    "La Goccia",
    "Il Quadrifoglio",
    "Terra Nuova",
    "La Lanterna",
    "Il Germoglio",
    "Insieme",
    "Piccoli Passi",
    "La Via",
    "Crescere Insieme",
    "L'Aquilone",
    "Il Mosaico",
    "La Zattera",
    "Orizzonti",
    "Il Nido",
    "La Casa di Tutti",
    "Porte Aperte",
    "Il Cortile",
    "Passo dopo Passo",
    "La Strada",
    "Filo d'Arianna",
    "Il Granello",
    "Mille Colori",
    "La Bottega",
    "Il Pozzo",
]
ORG_FORMS = [
    ("Associazione", "aps", 18),
    ("APS", "aps", 10),
    ("ODV", "odv", 10),
    ("Cooperativa sociale", "coop_sociale_a", 10),
    ("Cooperativa", "coop_sociale_b", 4),
    ("Oratorio", "oratorio", 8),
    ("ASD", "associazione", 10),
    ("Polisportiva", "associazione", 5),
    ("Comitato genitori", "comitato_genitori", 4),
    ("Fondazione", "filantropico", 3),
    ("Caritas parrocchiale", "altro_ets", 5),
    ("Centro di aiuto", "odv", 3),
    ("Comitato di quartiere", "comitato_quartiere", 3),
    ("Servizi sociali", "servizio_pubblico", 3),
    ("Istituto comprensivo", "scuola", 2),
    ("Patronato", "sindacato", 2),
]
FIRST_NAMES = [
    "Giovanni",
    "Maria",
    "Anna",
    "Luigi",
    "Giuseppe",
    "Francesca",
    "Paolo",
    "Chiara",
    "Marco",
    "Lucia",
    "Elena",
    "Andrea",
    "Sara",
    "Alessandro",
    "Giulia",
    "Don Milani",
]

# An activity kind: weight, title heads, title tails, category slugs, age ranges, target groups,
# languages besides Italian, summaries.
KINDS = [
    {
        "weight": 14,
        "heads": [
            "Doposcuola",
            "Aiuto compiti",
            "Spazio compiti",
            "Doposcuola solidale",
            "Doposcuola e aiuto allo studio",
        ],
        "tails": [
            "per bambini della primaria",
            "per ragazzi delle medie",
            "per bambini e ragazzi",
            "in oratorio",
            "",
            "con volontari",
            "per bambini stranieri",
        ],
        "categories": ["diritto-istruzione", "educazione-preadolescenti"],
        "ages": [(6, 11), (6, 14), (11, 14), (6, 13)],
        "groups": ["bambini", "ragazzi"],
        "languages": ["en", "ar"],
        "summaries": [
            "Compiti, studio e gioco con educatori e volontari.",
            "Un aiuto nei compiti per i bambini che ne hanno bisogno.",
            "Pomeriggi di studio insieme, in piccoli gruppi.",
        ],
    },
    {
        "weight": 16,
        "heads": [
            "Scuola calcio",
            "Calcio",
            "Minivolley",
            "Basket",
            "Nuoto",
            "Ginnastica artistica",
            "Judo",
            "Atletica leggera",
            "Pallavolo",
            "Danza moderna",
            "Calcio a 5",
            "Rugby",
            "Karate",
            "Tennis",
            "Arrampicata",
            "Psicomotricità",
        ],
        "tails": [
            "per bambini",
            "under 10",
            "under 12",
            "per ragazzi",
            "per ragazze",
            "per tutti",
            "giovanile",
            "per bambini 5–7 anni",
            "amatoriale",
            "integrato",
        ],
        "categories": ["sport"],
        "ages": [(5, 7), (6, 12), (8, 14), (14, 18), (None, None), (4, 10)],
        "groups": ["bambini", "ragazzi", "giovani"],
        "languages": [],
        "summaries": [
            "Allenamenti settimanali con istruttori qualificati.",
            "Sport e divertimento per crescere insieme.",
            "Il primo sport per i più piccoli, senza classifiche.",
        ],
    },
    {
        "weight": 7,
        "heads": [
            "Corso di italiano",
            "Scuola di italiano",
            "Italiano L2",
            "Corso di lingua italiana",
            "Italiano per tutti",
        ],
        "tails": [
            "per stranieri",
            "per donne straniere",
            "per adulti",
            "per mamme con bambini",
            "livello A1",
            "livello A2",
            "serale",
            "per ragazzi neoarrivati",
        ],
        "categories": ["cittadini-stranieri", "formazione"],
        "ages": [(16, None), (18, None), (11, 18), (None, None)],
        "groups": ["cittadini-stranieri", "adulti", "donne"],
        "languages": ["ar", "en", "fr", "es", "uk", "bn", "ur", "zh", "ro", "sq", "tl", "wo"],
        "summaries": [
            "Lezioni di italiano gratuite con insegnanti volontari.",
            "Imparare l'italiano per la vita di tutti i giorni.",
            "Corso di lingua con servizio di baby sitting per le mamme.",
        ],
    },
    {
        "weight": 9,
        "heads": [
            "Corso di informatica",
            "Corso di cucito",
            "Corso di cucina",
            "Corso di inglese",
            "Corso di fotografia",
            "Corso di chitarra",
            "Corso di teatro",
            "Corso di pittura",
            "Corso di smartphone",
            "Corso di primo soccorso",
        ],
        "tails": [
            "per adulti",
            "per anziani",
            "per ragazzi",
            "per principianti",
            "per genitori",
            "",
        ],
        "categories": ["formazione", "digital-divide", "laboratori", "musica-arte-teatro"],
        "ages": [(18, None), (60, None), (11, 18), (None, None)],
        "groups": ["adulti", "anziani", "giovani"],
        "languages": ["en"],
        "summaries": [
            "Un corso pratico in piccoli gruppi.",
            "Lezioni settimanali per imparare le basi.",
            "Corso base con attestato di partecipazione.",
        ],
    },
    {
        "weight": 8,
        "heads": [
            "Distribuzione pacchi alimentari",
            "Banco alimentare",
            "Emporio solidale",
            "Mensa solidale",
            "Aiuto alimentare",
            "Spesa sospesa",
            "Dispensa solidale",
        ],
        "tails": [
            "per famiglie in difficoltà",
            "",
            "per famiglie con bambini",
            "per persone sole",
            "del quartiere",
        ],
        "categories": ["sostegno-alimentare", "nuove-poverta"],
        "ages": [(None, None)],
        "groups": ["persone-in-poverta", "famiglie-con-figli"],
        "languages": ["ar", "en", "fr", "ro"],
        "summaries": [
            "Un aiuto concreto per le famiglie in difficoltà.",
            "Pacchi di alimenti freschi e a lunga conservazione ogni settimana.",
            "Si accede con la tessera rilasciata dal centro di ascolto.",
        ],
    },
    {
        "weight": 8,
        "heads": [
            "Sportello di aiuto",
            "Centro di ascolto",
            "Sportello sociale",
            "Sportello di orientamento",
            "Aiuto per le pratiche",
            "Segretariato sociale",
            "Sportello stranieri",
        ],
        "tails": [
            "per famiglie",
            "per stranieri",
            "per anziani",
            "per la ricerca di lavoro",
            "sulla casa",
            "sui bonus",
            "",
        ],
        "categories": ["segretariato-sociale", "accesso-servizi", "orientamento-lavoro"],
        "ages": [(None, None), (18, None)],
        "groups": ["adulti", "famiglie-con-figli", "cittadini-stranieri"],
        "languages": ["en", "ar", "fr", "es"],
        "summaries": [
            "Ascolto, informazioni e aiuto per orientarsi tra i servizi.",
            "Un aiuto per le domande di bonus, casa e documenti.",
            "Operatori e volontari per ascoltare e accompagnare.",
        ],
    },
    {
        "weight": 7,
        "heads": [
            "Centro estivo",
            "Campus estivo",
            "Grest",
            "Oratorio estivo",
            "Centro ricreativo estivo",
            "Settimane verdi",
        ],
        "tails": [
            "per bambini 3–6 anni",
            "per bambini 6–11 anni",
            "per ragazzi",
            "sportivo",
            "in inglese",
            "in fattoria",
        ],
        "categories": ["centri-estivi", "socialita"],
        "ages": [(3, 6), (6, 11), (11, 14), (6, 14)],
        "groups": ["bambini", "ragazzi"],
        "languages": ["en"],
        "summaries": [
            "Giochi, gite e laboratori per tutta l'estate.",
            "Il centro estivo per i bambini del quartiere.",
            "Settimane di sport, natura e amicizia.",
        ],
    },
    {
        "weight": 6,
        "heads": [
            "Spazio gioco",
            "Spazio bimbi",
            "Tempo per le famiglie",
            "Massaggio infantile",
            "Letture ad alta voce",
            "Nido in famiglia",
            "Gruppo mamme",
        ],
        "tails": ["0–3 anni", "per bambini e genitori", "per neomamme", ""],
        "categories": ["educazione-0-3", "genitorialita"],
        "ages": [(0, 3), (0, 6), (0, 1)],
        "groups": ["bambini", "genitori", "famiglie-con-figli"],
        "languages": ["en", "ar"],
        "summaries": [
            "Un luogo per giocare insieme ai propri bambini.",
            "Incontri per genitori e bambini piccoli con un'educatrice.",
            "Letture e giochi per i più piccoli.",
        ],
    },
    {
        "weight": 5,
        "heads": [
            "Supporto psicologico",
            "Consultorio familiare",
            "Gruppo di auto aiuto",
            "Sportello di ascolto psicologico",
            "Mediazione familiare",
        ],
        "tails": ["per adolescenti", "per genitori", "per famiglie", "per donne", "gratuito"],
        "categories": ["supporto-psicologico", "genitorialita"],
        "ages": [(11, 18), (18, None), (None, None)],
        "groups": ["genitori", "donne", "ragazzi"],
        "languages": ["en"],
        "summaries": [
            "Colloqui riservati con psicologi e psicoterapeuti.",
            "Un aiuto nei momenti difficili, per sé e per la famiglia.",
            "Gruppi di confronto guidati da professionisti.",
        ],
    },
    {
        "weight": 6,
        "heads": [
            "Centro anziani",
            "Ginnastica dolce",
            "Compagnia telefonica",
            "Trasporto solidale",
            "Università della terza età",
            "Pranzo insieme",
            "Tombolata",
        ],
        "tails": ["per anziani", "per over 65", "", "e persone sole"],
        "categories": ["socialita-anziani", "welfare-prossimita"],
        "ages": [(65, None), (60, None), (None, None)],
        "groups": ["anziani"],
        "languages": [],
        "summaries": [
            "Compagnia, attività e un aiuto per chi è solo.",
            "Un pomeriggio insieme, con tè e chiacchiere.",
            "Accompagnamento alle visite e alle commissioni.",
        ],
    },
    {
        "weight": 6,
        "heads": [
            "Laboratorio di teatro",
            "Coro",
            "Banda musicale",
            "Laboratorio creativo",
            "Laboratorio di musica",
            "Atelier di pittura",
            "Laboratorio di fumetto",
            "Laboratorio di robotica",
        ],
        "tails": ["per bambini", "per ragazzi", "per adolescenti", "per famiglie", ""],
        "categories": ["musica-arte-teatro", "laboratori"],
        "ages": [(6, 11), (11, 18), (6, 14), (None, None)],
        "groups": ["bambini", "ragazzi", "giovani"],
        "languages": ["en"],
        "summaries": [
            "Creatività e gioco in un laboratorio per tutti.",
            "Incontri settimanali con spettacolo finale.",
            "Musica d'insieme per principianti.",
        ],
    },
    {
        "weight": 4,
        "heads": [
            "Orientamento al lavoro",
            "Tirocini",
            "Bilancio di competenze",
            "Laboratorio di ricerca lavoro",
            "Curriculum e colloqui",
            "Borse lavoro",
        ],
        "tails": ["per giovani", "per donne", "per disoccupati", "per over 50", ""],
        "categories": ["occupabilita", "orientamento-lavoro", "inserimenti-lavorativi"],
        "ages": [(16, 29), (18, None)],
        "groups": ["giovani", "disoccupati", "donne"],
        "languages": ["en", "fr"],
        "summaries": [
            "Un aiuto per scrivere il curriculum e prepararsi ai colloqui.",
            "Percorsi di tirocinio con borsa lavoro.",
            "Orientamento e accompagnamento al lavoro.",
        ],
    },
    {
        "weight": 4,
        "heads": [
            "Centro di aggregazione giovanile",
            "Spazio giovani",
            "Consulta dei ragazzi",
            "Volontariato per ragazzi",
            "Educativa di strada",
            "Sala prove",
        ],
        "tails": ["", "del quartiere", "per adolescenti", "per ragazzi 14–18 anni"],
        "categories": [
            "partecipazione-giovanile",
            "servizi-giovani",
            "volontariato-giovani",
            "educazione-adolescenti",
        ],
        "ages": [(11, 18), (14, 25), (14, 18)],
        "groups": ["ragazzi", "giovani"],
        "languages": [],
        "summaries": [
            "Uno spazio dei ragazzi, con educatori.",
            "Musica, giochi e progetti per il quartiere.",
            "Ragazzi protagonisti di progetti di volontariato.",
        ],
    },
    {
        "weight": 3,
        "heads": [
            "Ambulatorio solidale",
            "Farmaco sospeso",
            "Fondo di solidarietà",
            "Microcredito",
            "Aiuto per le bollette",
            "Prestito sociale",
        ],
        "tails": ["", "per famiglie", "per persone in difficoltà"],
        "categories": ["sostegno-sanitario", "sostegno-economico", "indebitamento-consapevole"],
        "ages": [(None, None)],
        "groups": ["persone-in-poverta", "famiglie-con-figli"],
        "languages": ["en", "ar"],
        "summaries": [
            "Un aiuto economico per superare un momento difficile.",
            "Visite mediche gratuite con medici volontari.",
            "Un prestito senza interessi con un tutor.",
        ],
    },
    {
        "weight": 3,
        "heads": [
            "Pre e post scuola",
            "Babysitting solidale",
            "Ludoteca",
            "Pedibus",
            "Spazio famiglie",
        ],
        "tails": ["", "per bambini della primaria", "per famiglie che lavorano"],
        "categories": ["conciliazione", "welfare-prossimita"],
        "ages": [(3, 6), (6, 11), (0, 11)],
        "groups": ["bambini", "famiglie-con-figli", "genitori"],
        "languages": [],
        "summaries": [
            "Un aiuto per le famiglie che lavorano.",
            "Accoglienza dei bambini prima e dopo la scuola.",
            "Giochi e compagnia per i bambini mentre i genitori lavorano.",
        ],
    },
]
DESCRIPTION_SENTENCES = [
    "L'attività è aperta a tutti e si svolge nella nostra sede.",
    "Per partecipare basta presentarsi negli orari indicati.",
    "È consigliato prenotare telefonando o scrivendo una e-mail.",
    "Le famiglie possono chiedere un aiuto per le spese.",
    "Gli operatori parlano anche inglese e francese.",
    "I bambini sono seguiti da educatori qualificati.",
    "Il servizio è realizzato con il contributo del Comune.",
    "Cerchiamo sempre nuovi volontari: contattateci.",
    "La sede è raggiungibile con i mezzi pubblici.",
    "Nei mesi estivi gli orari possono cambiare.",
    "Il progetto è sostenuto da una fondazione del territorio.",
    "Si lavora in piccoli gruppi, con attenzione a ciascuno.",
    "Durante l'anno sono previste feste e uscite sul territorio.",
    "Chi ha bisogno di aiuto può rivolgersi anche al centro di ascolto.",
    "Le iscrizioni sono aperte tutto l'anno fino a esaurimento posti.",
    "È richiesto il certificato medico per le attività sportive.",
    "L'attività fa parte della rete dei servizi per le famiglie.",
    "Portare con sé un documento di identità.",
]
ORG_DESCRIPTIONS = [
    "Associazione di volontariato attiva sul territorio da molti anni.",
    "Lavoriamo con le famiglie, i bambini e i ragazzi del quartiere.",
    "Una cooperativa sociale che gestisce servizi educativi e di aiuto.",
    "Promuoviamo lo sport e la socialità per tutte le età.",
]
OPENING_TIMES = [
    "08:30",
    "09:00",
    "09:30",
    "10:00",
    "14:00",
    "14:30",
    "15:00",
    "16:00",
    "16:30",
    "17:00",
    "17:30",
    "18:00",
    "20:00",
    "20:30",
]


@cache
def norm(text: str) -> str:
    return search.normalize(text)


def slug_of(text: str, pk: int) -> str:
    return f"{_slug(text)[:180]}-{pk}"


@lru_cache(maxsize=200_000)
def _slug(text: str) -> str:
    return slugify(text)


def weighted_picker(rng: random.Random, items, weights):
    cumulative = list(itertools.accumulate(weights))
    total = cumulative[-1]

    def pick():
        return items[bisect.bisect_right(cumulative, rng.random() * total)]

    return pick


class CopyFile:
    """Rows in PostgreSQL's COPY text format, spooled to a temporary file."""

    def __init__(self, directory, name, columns):
        self.name, self.columns, self.rows = name, columns, 0
        self.handle = open(Path(directory) / f"{name}.tsv", "w+", encoding="utf-8")  # noqa: SIM115

    def write(self, *values):
        self.rows += 1
        self.handle.write("\t".join(r"\N" if v is None else str(v) for v in values) + "\n")

    def load(self, cursor, table=None):
        self.handle.flush()
        self.handle.seek(0)
        with cursor.copy(
            f"COPY {table or self.name} ({', '.join(self.columns)}) FROM STDIN"
        ) as copy:
            while block := self.handle.read(1 << 20):
                copy.write(block)
        self.handle.close()
        return self.rows


# The populate --------------------------------------------------------------------------------

TABLES = [
    "directory_scheduleexception",
    "directory_openingslot",
    "directory_activity_categories",
    "directory_activity_locations",
    "directory_activity_languages",
    "directory_activity_target_groups",
    "directory_problemreport",
    "directory_activity",
    "directory_location",
    "directory_organization_general_interest_areas",
    "directory_membership",
    "directory_organization",
    "directory_zone_municipalities",
    "directory_zone",
    "directory_searchterm",
]
DEFERRED_INDEXES = {
    "activity_search_vector_gin": "CREATE INDEX activity_search_vector_gin ON directory_activity "
    "USING gin (search_vector)",
    "searchterm_word_trgm": "CREATE INDEX searchterm_word_trgm ON directory_searchterm "
    "USING gin (word gin_trgm_ops)",
    "organization_name_trgm": "CREATE INDEX organization_name_trgm ON directory_organization "
    "USING gin (name gin_trgm_ops)",
    # Migrations 0009, 0010 and 0011 (directory.geo.EARTH_POINT_SQL, directory.search_tags).
    "location_earth_gist": "CREATE INDEX location_earth_gist ON directory_location USING gist ("
    "cube(cube(cube(cos(radians(latitude)) * cos(radians(longitude))), "
    "cos(radians(latitude)) * sin(radians(longitude))), sin(radians(latitude))))",
    "activity_search_tags_gin": "CREATE INDEX activity_search_tags_gin ON directory_activity "
    "USING gin (search_tags)",
    "activity_search_row_idx": "CREATE INDEX activity_search_row_idx ON directory_activity "
    "(id) INCLUDE (organization_id, status, publication_status, valid_from, valid_to, min_age, "
    "max_age, is_free, title, search_tags)",
}


def log(started, message):
    print(f"[{time.monotonic() - started:6.1f}s] {message}", flush=True)


def populate(organizations: int, activities: int, seed: int) -> None:
    started = time.monotonic()
    rng = random.Random(seed)
    today = timezone.localdate()
    call_command("migrate", verbosity=0)
    call_command("load_municipalities", verbosity=0)
    log(started, "migrated; municipalities loaded")

    municipalities = list(Municipality.objects.order_by("istat_code"))
    coordinates = municipality_coordinates(municipalities)
    categories = list(Category.objects.select_related("parent"))  # model ordering
    category_order = {c.slug: i for i, c in enumerate(categories)}
    category_by_slug = {c.slug: c for c in categories}
    language_ids = {language.code: language.pk for language in Language.objects.all()}
    group_ids = {group.slug: group.pk for group in TargetGroup.objects.all()}

    with connection.cursor() as django_cursor:
        cursor = django_cursor.cursor
        cursor.execute("TRUNCATE " + ", ".join(TABLES) + " RESTART IDENTITY CASCADE")
        for name in DEFERRED_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")
        cursor.execute(
            "CREATE TEMP TABLE bench_coords (id bigint, latitude float8, longitude float8)"
        )
        with cursor.copy("COPY bench_coords FROM STDIN") as copy:
            for pk, (lat, lon) in coordinates.items():
                copy.write_row((pk, lat, lon))
        cursor.execute(
            "UPDATE directory_municipality m SET latitude = c.latitude, longitude = c.longitude "
            "FROM bench_coords c WHERE c.id = m.id"
        )
    log(started, f"coordinates for {len(coordinates)} municipalities")

    with tempfile.TemporaryDirectory(prefix="linkrete-bench-") as directory:
        files = generate(
            directory,
            rng,
            today,
            organizations,
            activities,
            municipalities,
            coordinates,
            category_order,
            category_by_slug,
            language_ids,
            group_ids,
            started,
        )
        load(files, started)

    log(started, "done")


def generate(
    directory,
    rng,
    today,
    organizations,
    activities,
    municipalities,
    coordinates,
    category_order,
    category_by_slug,
    language_ids,
    group_ids,
    started,
):
    zones = CopyFile(directory, "directory_zone", ["id", "name", "slug", "kind", "description"])
    zone_members = CopyFile(
        directory, "directory_zone_municipalities", ["id", "zone_id", "municipality_id"]
    )
    by_province = {}
    for m in municipalities:
        by_province.setdefault((m.province_code, m.province), []).append(m)
    zone_id = member_id = 0
    for (code, province), members in sorted(by_province.items()):
        for index in range(0, len(members), 15):
            zone_id += 1
            number = index // 15 + 1
            zones.write(
                zone_id,
                f"Ambito {province} {number}",
                f"ambito-{code.lower()}-{number}",
                "ambito",
                "",
            )
            for m in members[index : index + 15]:
                member_id += 1
                zone_members.write(member_id, zone_id, m.pk)

    # Bigger places get more organizations (a crude population law).
    weights = []
    for m in municipalities:
        weight = rng.lognormvariate(0, 1.1)
        if m.name == m.province:
            weight *= 40
        if m.name in CITIES:
            weight *= 8
        weights.append(weight)
    pick_municipality = weighted_picker(rng, municipalities, weights)
    pick_form = weighted_picker(rng, ORG_FORMS, [f[2] for f in ORG_FORMS])
    pick_kind = weighted_picker(rng, KINDS, [k["weight"] for k in KINDS])

    org_file = CopyFile(
        directory,
        "directory_organization",
        [
            "id",
            "uuid",
            "name",
            "slug",
            "legal_form",
            "tax_code",
            "runts_number",
            "description",
            "social_utility",
            "logo",
            "website",
            "email",
            "phone",
            "status",
            "last_verified",
            "created_at",
            "updated_at",
            "is_trusted",
        ],
    )
    location_file = CopyFile(
        directory,
        "directory_location",
        [
            "id",
            "uuid",
            "name",
            "kind",
            "address",
            "postal_code",
            "latitude",
            "longitude",
            "url",
            "wheelchair_accessible",
            "has_lift",
            "accessible_toilet",
            "accessibility_notes",
            "transport_notes",
            "municipality_id",
            "organization_id",
        ],
    )
    activity_file = CopyFile(
        directory,
        "bench_activity_stage",
        [
            "id",
            "title",
            "slug",
            "summary",
            "description",
            "min_age",
            "max_age",
            "is_free",
            "fee_description",
            "access",
            "status",
            "alert",
            "valid_from",
            "valid_to",
            "publication_status",
            "organization_id",
            "search_text",
        ],
    )
    links = {
        "categories": CopyFile(
            directory, "directory_activity_categories", ["id", "activity_id", "category_id"]
        ),
        "locations": CopyFile(
            directory, "directory_activity_locations", ["id", "activity_id", "location_id"]
        ),
        "languages": CopyFile(
            directory, "directory_activity_languages", ["id", "activity_id", "language_id"]
        ),
        "groups": CopyFile(
            directory, "directory_activity_target_groups", ["id", "activity_id", "targetgroup_id"]
        ),
    }
    link_ids = dict.fromkeys(links, 0)
    slot_file = CopyFile(
        directory,
        "directory_openingslot",
        [
            "id",
            "weekday",
            "opens_at",
            "closes_at",
            "valid_from",
            "valid_to",
            "notes",
            "activity_id",
            "location_id",
        ],
    )
    exception_file = CopyFile(
        directory,
        "directory_scheduleexception",
        [
            "id",
            "date",
            "is_closed",
            "opens_at",
            "closes_at",
            "reason",
            "activity_id",
        ],
    )
    vocabulary = set()
    seen_parts = set()

    def document(parts):
        normalized = []
        for part in parts:
            if not part:
                continue
            n = norm(part)
            if n:
                normalized.append(n)
                if n not in seen_parts:
                    seen_parts.add(n)
                    vocabulary.update(search._vocabulary([n]))
        return " ".join(normalized)

    # Activities per organization: most have a few, some many (to reach the total exactly).
    per_org = [
        1 + int(rng.expovariate(1 / max(activities / organizations - 1, 0.01)))
        for _ in range(organizations)
    ]
    scale = activities / sum(per_org)
    per_org = [max(1, round(n * scale)) for n in per_org]
    difference = activities - sum(per_org)
    index = 0
    while difference:
        step = 1 if difference > 0 else -1
        if step > 0 or per_org[index % organizations] > 1:
            per_org[index % organizations] += step
            difference -= step
        index += 1

    location_id = activity_id = slot_id = exception_id = 0
    now = timezone.now().isoformat()
    for org_id in range(1, organizations + 1):
        prefix, legal_form, _weight = pick_form()
        municipality = pick_municipality()
        if prefix == "Oratorio" or prefix == "Caritas parrocchiale":
            name = f"{prefix} {rng.choice(SAINTS)}"
        elif prefix == "Comitato genitori":
            name = f"{prefix} scuola {rng.choice(FIRST_NAMES)}"
        elif prefix == "Fondazione":
            name = f"{prefix} {rng.choice(FIRST_NAMES)} {rng.choice(ORG_NOUNS)}"
        else:
            name = f"{prefix} {rng.choice(ORG_NOUNS)}"
        if rng.random() < 0.8:
            name = f"{name} {municipality.name}"
        roll = rng.random()
        status = "published" if roll < 0.96 else ("draft" if roll < 0.98 else "archived")
        org_file.write(
            org_id,
            _uuid(rng),
            name,
            slug_of(name, org_id),
            legal_form,
            "",
            "",
            rng.choice(ORG_DESCRIPTIONS),
            "",
            "",
            "",
            "",
            "",
            status,
            None,
            now,
            now,
            "f",
        )
        lat, lon = coordinates[municipality.pk]
        location_id += 1
        place_name = f"Sede di {municipality.name}"
        accessible = rng.random() < 0.45
        location_file.write(
            location_id,
            _uuid(rng),
            place_name,
            "physical",
            f"Via {rng.choice(FIRST_NAMES)} {rng.randint(1, 200)}",
            "",
            round(lat + rng.gauss(0, 0.015), 6),
            round(lon + rng.gauss(0, 0.02), 6),
            "",
            "t" if accessible else "f",
            "t" if accessible and rng.random() < 0.5 else "f",
            "t" if accessible and rng.random() < 0.5 else "f",
            "",
            "",
            municipality.pk,
            org_id,
        )
        places = [(location_id, place_name, municipality.name)]
        if rng.random() < 0.08:
            location_id += 1
            location_file.write(
                location_id,
                _uuid(rng),
                "Online",
                "virtual",
                "",
                "",
                None,
                None,
                "https://example.org/online",
                "f",
                "f",
                "f",
                "",
                "",
                None,
                org_id,
            )
            places.append((location_id, "Online", None))
        places.sort(key=lambda p: p[1])  # Location ordering: organization name, then name

        for _ in range(per_org[org_id - 1]):
            activity_id += 1
            kind = pick_kind()
            head, tail = rng.choice(kind["heads"]), rng.choice(kind["tails"])
            title = f"{head} {tail}".strip()
            if rng.random() < 0.3:
                title = f"{title} a {municipality.name}"
            summary = rng.choice(kind["summaries"])
            description = " ".join(rng.sample(DESCRIPTION_SENTENCES, rng.randint(2, 4)))
            min_age, max_age = rng.choice(kind["ages"])
            is_free = rng.random() < 0.7
            fee = "" if is_free else f"{rng.choice([5, 10, 20, 30, 50, 80])} euro al mese"
            roll = rng.random()
            status = "active" if roll < 0.95 else ("temporarily_closed" if roll < 0.98 else "ended")
            alert = "Chiuso per lavori fino a nuova comunicazione." if status != "active" else ""
            valid_from = valid_to = None
            roll = rng.random()
            if roll < 0.05:
                valid_to = today - datetime.timedelta(days=rng.randint(1, 300))
            elif roll < 0.15:
                valid_from = today - datetime.timedelta(days=rng.randint(0, 200))
                valid_to = today + datetime.timedelta(days=rng.randint(1, 300))
            elif roll < 0.18:
                valid_from = today + datetime.timedelta(days=rng.randint(1, 60))
            publication = "published" if rng.random() < 0.97 else "draft"

            chosen = sorted(
                {kind["categories"][0]}
                | ({rng.choice(kind["categories"])} if rng.random() < 0.5 else set()),
                key=category_order.__getitem__,
            )
            parts = [title, summary, name]
            for slug in chosen:
                category = category_by_slug[slug]
                links["categories"].write(_next(link_ids, "categories"), activity_id, category.pk)
                parts += search.category_words(category)
                if category.parent_id:
                    parts += [category.parent.name, category.parent.name_en]
            # Most activities are at the main place; online-capable ones sometimes online too.
            activity_places = places if len(places) > 1 and rng.random() < 0.5 else places[:1]
            if len(places) > 1 and rng.random() < 0.2:
                activity_places = [p for p in places if p[2] is None]
            for place_id, _place_name, municipality_name in activity_places:
                links["locations"].write(_next(link_ids, "locations"), activity_id, place_id)
                if municipality_name:
                    parts.append(municipality_name)
            parts.append(description)
            search_text = document(parts)

            activity_file.write(
                activity_id,
                title,
                slug_of(title, activity_id),
                summary,
                description,
                min_age,
                max_age,
                "t" if is_free else "f",
                fee,
                rng.choice(["open", "open", "booking", "referral"]),
                status,
                alert,
                valid_from,
                valid_to,
                publication,
                org_id,
                search_text,
            )
            if rng.random() < 0.6:
                links["languages"].write(
                    _next(link_ids, "languages"), activity_id, language_ids["it"]
                )
            if kind["languages"] and rng.random() < 0.3:
                links["languages"].write(
                    _next(link_ids, "languages"),
                    activity_id,
                    language_ids[rng.choice(kind["languages"])],
                )
            for slug in rng.sample(kind["groups"], min(len(kind["groups"]), rng.randint(1, 2))):
                links["groups"].write(_next(link_ids, "groups"), activity_id, group_ids[slug])

            days = (
                rng.sample(range(1, 8), rng.randint(1, 3))
                if rng.random() < 0.85
                else rng.sample(range(1, 6), rng.randint(1, 3))
            )
            for weekday in days:
                slot_id += 1
                opens = rng.choice(OPENING_TIMES)
                hours, minutes = map(int, opens.split(":"))
                closing = min(hours * 60 + minutes + rng.choice([60, 90, 120, 180, 240]), 23 * 60)
                slot_valid_to = (
                    today + datetime.timedelta(days=rng.randint(-60, 120))
                    if rng.random() < 0.05
                    else None
                )
                slot_file.write(
                    slot_id,
                    weekday,
                    opens,
                    f"{closing // 60:02d}:{closing % 60:02d}",
                    None,
                    slot_valid_to,
                    "",
                    activity_id,
                    None,
                )
            if rng.random() < 0.01:
                exception_id += 1
                day = today + datetime.timedelta(days=rng.randint(0, 14))
                if rng.random() < 0.7:
                    exception_file.write(
                        exception_id, day, "t", None, None, "Chiuso per festa", activity_id
                    )
                else:
                    exception_file.write(
                        exception_id, day, "f", "10:00", "12:00", "Orario ridotto", activity_id
                    )
        if org_id % 25000 == 0:
            log(started, f"generated {org_id} organizations, {activity_id} activities")

    terms = CopyFile(directory, "directory_searchterm", ["id", "word"])
    for pk, word in enumerate(sorted(vocabulary), start=1):
        terms.write(pk, word[:100])
    log(
        started,
        f"generated {activity_id} activities, {slot_id} opening slots, "
        f"{len(vocabulary)} vocabulary words",
    )
    return [
        zones,
        zone_members,
        org_file,
        location_file,
        activity_file,
        *links.values(),
        slot_file,
        exception_file,
        terms,
    ]


def load(files, started):
    with connection.cursor() as django_cursor:
        cursor = django_cursor.cursor
        cursor.execute("DROP TABLE IF EXISTS bench_activity_stage")  # left by a failed run
        cursor.execute(
            "CREATE UNLOGGED TABLE bench_activity_stage (id bigint, title varchar(200), "
            "slug varchar(200), summary varchar(300), description text, min_age smallint, "
            "max_age smallint, is_free boolean, fee_description text, access varchar(20), "
            "status varchar(20), alert varchar(300), valid_from date, valid_to date, "
            "publication_status varchar(20), organization_id bigint, search_text text)"
        )
        for copy_file in files:
            rows = copy_file.load(cursor)
            log(started, f"copied {rows} rows into {copy_file.name}")
            if copy_file.name == "bench_activity_stage":
                # The same expression as directory.search._store.
                cursor.execute(
                    "INSERT INTO directory_activity (id, uuid, title, slug, summary, description, "
                    "min_age, max_age, is_free, fee_description, access, access_description, "
                    "eligibility, required_documents, capacity, status, alert, valid_from, "
                    "valid_to, phone, email, website, publication_status, last_verified, "
                    "created_at, updated_at, organization_id, photo, search_text, search_vector) "
                    "SELECT id, gen_random_uuid(), title, slug, summary, description, min_age, "
                    "max_age, is_free, fee_description, access, '', '', '', NULL, status, alert, "
                    "valid_from, valid_to, '', '', '', publication_status, NULL, now(), now(), "
                    "organization_id, '', search_text, "
                    f"setweight(to_tsvector('{search.CONFIG}', title), 'A') || "
                    f"setweight(to_tsvector('{search.CONFIG}', search_text), 'B') "
                    "FROM bench_activity_stage ORDER BY id"
                )
                cursor.execute("DROP TABLE bench_activity_stage")
                log(started, "activities inserted with their search vectors")
        for table in [
            "directory_zone",
            "directory_zone_municipalities",
            "directory_organization",
            "directory_location",
            "directory_activity",
            "directory_activity_categories",
            "directory_activity_locations",
            "directory_activity_languages",
            "directory_activity_target_groups",
            "directory_openingslot",
            "directory_scheduleexception",
            "directory_searchterm",
        ]:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
            )
        # The search tags, with directory.search's own statement, once the links are there.
        cursor.execute(f"UPDATE directory_activity a SET search_tags = {search_tags.TAGS_SQL}")
        # The update left a dead copy of every row: compact the table, as a fresh load would be
        # (searches that read activities until a page is full read half as many pages).
        cursor.execute("VACUUM FULL directory_activity")
        log(started, "search tags computed, activities compacted")
        for name, statement in DEFERRED_INDEXES.items():
            cursor.execute(statement)
            log(started, f"index {name} built")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    log(started, "vacuumed and analysed")


def _next(counters, name):
    counters[name] += 1
    return counters[name]


def _uuid(rng):
    return f"{rng.getrandbits(128):032x}"


def verify(sample: int, seed: int) -> int:
    """Compare some activities' documents with what directory.search computes; 0 when equal."""
    from directory.models import Activity

    rng = random.Random(seed)
    top = Activity.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ids = rng.sample(range(1, top + 1), min(sample, top))
    mismatches = 0
    activities = list(search._documents_queryset().filter(pk__in=ids))
    for activity in activities:
        if search.document_for(activity) != activity.search_text:
            mismatches += 1
            print(f"search_text differs for activity {activity.pk}")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM directory_activity WHERE id = ANY(%s) AND search_vector IS "
            "DISTINCT FROM "
            f"setweight(to_tsvector('{search.CONFIG}', title), 'A') || "
            f"setweight(to_tsvector('{search.CONFIG}', search_text), 'B')",
            [ids],
        )
        vector_mismatches = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM directory_activity a WHERE id = ANY(%s) AND search_tags IS "
            f"DISTINCT FROM {search_tags.TAGS_SQL}",
            [ids],
        )
        vector_mismatches += cursor.fetchone()[0]
        words = set(search._vocabulary(a.search_text for a in activities))
        cursor.execute(
            "SELECT count(*) FROM directory_searchterm WHERE word = ANY(%s)", [sorted(words)]
        )
        known = cursor.fetchone()[0]
    print(
        f"verified {len(activities)} activities: {mismatches} search_text and "
        f"{vector_mismatches} search_vector/search_tags mismatches; {known}/{len(words)} words "
        "in the vocabulary"
    )
    return mismatches + vector_mismatches + (len(words) - known)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organizations", type=int, default=150_000)
    parser.add_argument("--activities", type=int, default=600_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--verify",
        type=int,
        default=300,
        metavar="N",
        help="check N random activities' search documents afterwards (0: skip)",
    )
    args = parser.parse_args()
    populate(args.organizations, args.activities, args.seed)
    if args.verify and verify(args.verify, args.seed):
        sys.exit(1)


if __name__ == "__main__":
    main()
