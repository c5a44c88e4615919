"""The demo's needs survey: LINK's first phase, an open round of questions to the member bodies
of Buccinasco, answered by most of them (one still a draft), so that the coordinator's results
page has counts by zone and area and, past five answers, the free-text list."""

import datetime

from directory.models import QuestionKind

NETWORK = "link"
TITLE = "Indagine conoscitiva sui bisogni delle realtà sociali"
OPENED_DAYS_AGO = 20
OPEN_FOR_DAYS = 60

# (position, text, kind, choices, required)
QUESTIONS = [
    (
        1,
        "Di che cosa ha più bisogno la vostra realtà per le famiglie con figli?",
        QuestionKind.SINGLE,
        "Volontari\nSpazi\nFormazione\nFondi\nCollaborazioni con altri enti",
        True,
    ),
    (
        2,
        "Quali servizi mancano di più nel vostro quartiere?",
        QuestionKind.MULTIPLE,
        "Doposcuola\nCentri estivi\nSpazi per adolescenti\nSostegno alla genitorialità\nTrasporti",
        False,
    ),
    (3, "Quanto vi servirebbe lavorare in rete con gli altri enti?", QuestionKind.SCALE, "", True),
    (4, "C'è altro che la rete dovrebbe sapere?", QuestionKind.TEXT, "", False),
]

NEEDS = ["Volontari", "Spazi", "Volontari", "Formazione", "Fondi", "Volontari", "Spazi"]
MISSING = [
    ["Doposcuola", "Spazi per adolescenti"],
    ["Centri estivi"],
    ["Spazi per adolescenti", "Trasporti"],
    ["Sostegno alla genitorialità"],
    ["Doposcuola"],
    ["Spazi per adolescenti"],
    [],
]
SCALE = ["5", "4", "5", "3", "4", "5", "2"]
TEXTS = [
    "Un calendario comune delle attività eviterebbe le sovrapposizioni del sabato.",
    "Cerchiamo una sala per i compiti il mercoledì pomeriggio.",
    "",
    "Ci servirebbe formazione sulla gestione dei conflitti tra ragazzi.",
    "Le famiglie nuove arrivate non conoscono i servizi del quartiere.",
    "",
    "Serve un pulmino condiviso per le uscite.",
]
DRAFTS = {6}  # the last body has only saved a draft


def dates(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    opens_on = today - datetime.timedelta(days=OPENED_DAYS_AGO)
    return opens_on, opens_on + datetime.timedelta(days=OPEN_FOR_DAYS)
