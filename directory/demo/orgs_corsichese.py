"""Buccinasco and the Corsichese: the LINK network of oratori, committees and associations."""

import datetime

from directory.demo.organizations import ADERENTE, CAPOFILA, PARTNER, L, Org
from directory.models import Activity, PublicationStatus

ORGANIZATIONS = [
    Org(
        "comune-di-buccinasco-servizi-sociali",
        "Comune di Buccinasco – Servizi sociali",
        L.PUBLIC_SERVICE,
        "Buccinasco",
        CAPOFILA,
        "I servizi sociali comunali seguono famiglie, minori, anziani e persone con disabilità. "
        "Coordinano il progetto LINK, che mette in rete oratori, comitati e associazioni della "
        "città.",
        "Garantiamo a ogni cittadino un primo ascolto e l'accesso ai servizi, e costruiamo con il "
        "terzo settore una rete che risponda ai bisogni di socialità delle famiglie.",
        "a",
        "Via Roma 2",
        [
            "segretariato-sociale",
            "consiglio-ragazzi",
            "tavolo-associazioni",
            "sportello-casa",
            "conciliazione",
        ],
        place="Municipio – Sportello servizi sociali",
        runts=False,
    ),
    Org(
        "oratorio-san-luigi",
        "Oratorio San Luigi",
        L.PARISH_CENTRE,
        "Buccinasco",
        PARTNER,
        "L'oratorio della parrocchia è aperto tutti i pomeriggi a ragazzi e famiglie. Educatori "
        "e una cinquantina di volontari animano doposcuola, gruppi e il grande oratorio estivo.",
        "Offriamo ai ragazzi un luogo sicuro dove crescere insieme e alle famiglie un punto di "
        "riferimento nel quartiere, aperto a tutti senza distinzioni.",
        "li",
        "Via Vittorio Emanuele 6",
        [
            "doposcuola-primaria",
            "gruppo-adolescenti",
            ("centro-estivo", {"title": "Oratorio estivo"}),
            ("laboratorio-teatrale", {"publication_status": PublicationStatus.DRAFT}),
        ],
        runts=False,
    ),
    Org(
        "comitato-genitori-ic-montalcini",
        "Comitato Genitori IC Rita Levi-Montalcini",
        L.PARENTS_COMMITTEE,
        "Buccinasco",
        ADERENTE,
        "Il comitato riunisce i genitori delle scuole dell'istituto comprensivo. Organizza "
        "letture, feste e raccolte di materiale scolastico per le famiglie in difficoltà.",
        "Vogliamo che la scuola sia una comunità: genitori che si conoscono, si aiutano e "
        "collaborano con gli insegnanti.",
        "d",
        "Via Aldo Moro 7",
        ["letture-piccoli", "cineforum-famiglie"],
        place="Scuola primaria di via Aldo Moro",
        tax_code=False,
        runts=False,
    ),
    Org(
        "comitato-di-quartiere-robarello",
        "Comitato di quartiere Robarello",
        L.NEIGHBOURHOOD_COMMITTEE,
        "Buccinasco",
        ADERENTE,
        "Residenti del quartiere Robarello che curano il giardino condiviso e organizzano "
        "pomeriggi per gli anziani. Raccolgono le segnalazioni dei cittadini e le portano al "
        "Comune.",
        "Ci prendiamo cura del quartiere e delle persone che ci vivono, soprattutto di chi è solo.",
        "e",
        "Via dei Lavoratori 35",
        ["orti-sociali", "pomeriggi-insieme"],
        place="Sala civica Robarello",
        tax_code=False,
        runts=False,
    ),
    Org(
        "asd-buccinasco-calcio-giovani",
        "ASD Buccinasco Calcio Giovani",
        L.APS,
        "Buccinasco",
        ADERENTE,
        "Società sportiva dilettantistica con dodici squadre giovanili e oltre duecento "
        "iscritti. Gli allenatori seguono un corso di formazione sull'educazione attraverso lo "
        "sport.",
        "Crediamo che nessun bambino debba rinunciare allo sport per motivi economici: ogni "
        "anno offriamo quote ridotte e gratuite alle famiglie segnalate.",
        "t",
        "Via Guido Rossa 10",
        [
            "calcio-under-10",
            (
                "campus-sportivo",
                {
                    "title": "Campus sportivo estivo 2026",
                    "status": Activity.Status.ENDED,
                    "period": (datetime.date(2026, 6, 15), datetime.date(2026, 7, 31)),
                },
            ),
        ],
        place="Centro sportivo comunale",
    ),
    Org(
        "auser-buccinasco",
        "Auser Buccinasco ODV",
        L.ODV,
        "Buccinasco",
        PARTNER,
        "I volontari Auser accompagnano anziani e persone fragili a visite ed esami, telefonano "
        "a chi vive solo e organizzano camminate in gruppo.",
        "Contrastiamo la solitudine degli anziani e li aiutiamo a restare nella propria casa il "
        "più a lungo possibile.",
        "ac",
        "Via Marzabotto 4",
        ["accompagnamento-visite", "gruppo-cammino", "telefonata-amica"],
        virtual=("Linea telefonica Filo d'argento", ""),
    ),
    Org(
        "pro-loco-buccinasco",
        "Pro Loco Buccinasco",
        L.ASSOCIATION,
        "Buccinasco",
        ADERENTE,
        "La Pro Loco organizza la festa patronale, i mercatini di Natale e le serate d'estate al "
        "parco. Da qualche anno anima anche un coro aperto a nonni e nipoti.",
        "Teniamo vive le tradizioni e creiamo occasioni per conoscersi tra vecchi e nuovi "
        "abitanti.",
        "ik",
        "Piazza San Biagio 1",
        ["coro-intergenerazionale", "laboratorio-creativo", "cineforum-famiglie"],
        runts=False,
    ),
    Org(
        "centro-aiuto-alla-vita-corsico-buccinasco",
        "Centro di Aiuto alla Vita Corsico-Buccinasco",
        L.ODV,
        "Corsico",
        PARTNER,
        "Il CAV sostiene le mamme in gravidanza e le famiglie con neonati, con ascolto, "
        "corredini, latte e pannolini. Collabora con il consultorio e l'ospedale San Paolo.",
        "Nessuna donna deve sentirsi sola davanti a una gravidanza difficile: offriamo ascolto, "
        "aiuti concreti e accompagnamento fino al primo anno del bambino.",
        "acu",
        "Via Cavour 15",
        ["mamme-neonati", "guardaroba-solidale", "farmaci-bambini"],
    ),
    Org(
        "cooperativa-sociale-il-melograno",
        "Cooperativa sociale Il Melograno",
        L.SOCIAL_COOP_A,
        "Corsico",
        PARTNER,
        "Cooperativa di educatori, psicologi e pedagogisti che gestisce servizi per l'infanzia "
        "e l'adolescenza nel Corsichese. Lavora nelle scuole e in due spazi di quartiere.",
        "Sosteniamo bambini, ragazzi e genitori nei passaggi più delicati della crescita, con "
        "servizi accessibili anche a chi ha poche risorse.",
        "abd",
        "Via Dante 38",
        ["spazio-gioco-0-3", "consulenza-genitori", "psicologo-adolescenti"],
        second=("Spazio famiglie di Cesano Boscone", "Via Roma 18", "Cesano Boscone"),
    ),
    Org(
        "banca-del-tempo-cesano-boscone",
        "Banca del Tempo di Cesano Boscone APS",
        L.APS,
        "Cesano Boscone",
        ADERENTE,
        "Oltre cento soci si scambiano ore di aiuto: ripetizioni, sartoria, piccole riparazioni, "
        "compagnia. Ogni anno organizza anche corsi di lingua e di informatica.",
        "Dimostriamo che ognuno ha qualcosa da dare e che il tempo condiviso costruisce fiducia "
        "tra vicini.",
        "i",
        "Via Vespucci 11",
        ["banca-tempo", "facilitazione-digitale"],
    ),
    Org(
        "emporio-solidale-del-corsichese",
        "Emporio solidale del Corsichese ODV",
        L.ODV,
        "Trezzano sul Naviglio",
        PARTNER,
        "L'emporio è nato dalla collaborazione tra Caritas, Comuni e associazioni del "
        "Corsichese. Ogni mese vi fanno la spesa circa centoventi famiglie.",
        "Vogliamo dare un aiuto alimentare dignitoso, in cui le famiglie scelgono, e insieme "
        "accompagnarle verso l'autonomia.",
        "u",
        "Via Morandi 24",
        [
            (
                "emporio-solidale",
                {
                    "status": Activity.Status.TEMPORARILY_CLOSED,
                    "alert": "Chiuso per inventario e lavori fino al 10 dicembre 2026. Per "
                    "urgenze rivolgetevi al centro di ascolto Caritas.",
                },
            ),
            "pacchi-alimentari",
        ],
    ),
]
