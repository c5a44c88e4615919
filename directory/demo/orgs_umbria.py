"""Umbria, social zones 6, 8 and 9: the NET WORKING project."""

import datetime

from directory.demo.organizations import ADERENTE, CAPOFILA, PARTNER, L, Org
from directory.models import Activity

ORGANIZATIONS = [
    Org(
        "net-working-aps",
        "Net Working APS",
        L.APS,
        "Foligno",
        CAPOFILA,
        "L'associazione interterritoriale nata dal progetto NET WORKING collega le zone sociali "
        "6, 8 e 9. Gestisce la piattaforma dei servizi e le piattaforme territoriali.",
        "Ricostruiamo il patrimonio sociale dopo la pandemia, con reti solidali tra comuni, "
        "associazioni e cittadini.",
        "aim",
        "Via Gramsci 45",
        ["tavolo-associazioni", "estate-solidale", "laboratorio-fundraising"],
        place="Piattaforma territoriale di Foligno",
    ),
    Org(
        "zona-sociale-8-foligno",
        "Comune di Foligno – Ufficio della cittadinanza",
        L.PUBLIC_SERVICE,
        "Foligno",
        PARTNER,
        "L'ufficio della cittadinanza è la porta d'accesso ai servizi sociali dei nove comuni "
        "della zona sociale 8.",
        "Orientiamo ogni cittadino verso il servizio giusto, con attenzione a chi fa più fatica.",
        "a",
        "Piazza della Repubblica 10",
        ["segretariato-sociale", "sportello-stranieri", "sportello-isee"],
        runts=False,
    ),
    Org(
        "caritas-diocesana-foligno",
        "Caritas diocesana di Foligno",
        L.OTHER,
        "Foligno",
        PARTNER,
        "La Caritas gestisce la mensa, il centro di ascolto diocesano e un dormitorio. Dopo il "
        "sisma del 2016 ha aperto punti di ascolto anche in montagna.",
        "Stiamo accanto ai poveri e aiutiamo la comunità a riconoscerli e accoglierli.",
        "u",
        "Via Santa Maria Infraportas 3",
        ["mensa-solidale", "centro-ascolto", "pacchi-alimentari"],
        second=("Punto di ascolto di Nocera Umbra", "Corso Vittorio Emanuele 20", "Nocera Umbra"),
        tax_code=False,
        runts=False,
    ),
    Org(
        "cooperativa-sociale-la-rondine",
        "La Rondine Cooperativa Sociale",
        L.SOCIAL_COOP_A,
        "Spoleto",
        PARTNER,
        "Cooperativa di educatori che gestisce doposcuola e centri estivi nella zona di "
        "Spoleto e, a distanza, nei paesi della Valnerina.",
        "Nessun ragazzo deve restare indietro solo perché abita lontano dalla città.",
        "dl",
        "Via dei Filosofi 31",
        ["doposcuola-primaria", "compiti-online", "centro-estivo", "sostegno-dsa"],
        virtual=("Aula virtuale", "https://larondine.example.org/aula"),
    ),
    Org(
        "asd-valle-umbra-volley",
        "ASD Valle Umbra Volley",
        L.APS,
        "Foligno",
        ADERENTE,
        "Società di pallavolo con settore giovanile maschile e femminile e una squadra di "
        "sitting volley.",
        "Lo sport di squadra insegna a stare insieme: lo offriamo a tutti, a prescindere dal "
        "talento e dal reddito.",
        "t",
        "Via Piave 1",
        ["minivolley", "psicomotricita", "sport-inclusivo", "campus-sportivo"],
        place="Palazzetto dello sport",
    ),
    Org(
        "auser-valnerina",
        "Auser Valnerina ODV",
        L.ODV,
        "Cascia",
        ADERENTE,
        "I volontari coprono i paesi sparsi della Valnerina con trasporti sociali e "
        "telefonate di compagnia.",
        "In montagna la distanza pesa: la colmiamo con i volontari e con il telefono.",
        "a",
        "Viale Cavour 22",
        ["accompagnamento-visite", "telefonata-amica", "gruppo-cammino"],
        second=("Punto di Norcia", "Via della Stazione 6", "Norcia"),
    ),
    Org(
        "pro-loco-norcia",
        "Pro Loco di Norcia",
        L.ASSOCIATION,
        "Norcia",
        ADERENTE,
        "La Pro Loco organizza eventi e visite guidate e, dopo il terremoto, momenti di "
        "incontro per chi vive nelle strutture abitative di emergenza.",
        "Rimettiamo al centro la comunità di Norcia, le sue feste e i suoi luoghi.",
        "fik",
        "Piazza San Benedetto 1",
        ["coro-intergenerazionale", "pomeriggi-insieme"],
        runts=False,
    ),
    Org(
        "borghi-solidali-impresa-sociale",
        "Borghi Solidali Impresa Sociale s.r.l.",
        L.SOCIAL_ENTERPRISE,
        "Spello",
        ADERENTE,
        "Impresa sociale che recupera terreni abbandonati con orti condivisi e laboratori di "
        "restauro, dando lavoro a giovani della zona.",
        "Rigeneriamo i borghi e il lavoro dei giovani, insieme.",
        "eps",
        "Via Consolare 14",
        [
            "orti-sociali",
            "laboratorio-mestieri",
            (
                "estate-solidale",
                {
                    "title": "Campo di volontariato estivo 2026",
                    "status": Activity.Status.ENDED,
                    "period": (datetime.date(2026, 7, 1), datetime.date(2026, 7, 24)),
                },
            ),
        ],
    ),
    Org(
        "centro-sociale-anziani-spoleto",
        "Centro sociale anziani San Nicolò",
        L.APS,
        "Spoleto",
        ADERENTE,
        "Centro sociale con sala giochi, ballo liscio la domenica e corsi per la terza età.",
        "Teniamo attivi e in compagnia gli anziani della città.",
        "i",
        "Via Cecili 9",
        ["universita-terza-eta", "ginnastica-dolce", "corso-lis"],
    ),
]
