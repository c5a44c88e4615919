"""Empolese-Valdelsa: the SpOON proximity desks in the Arci clubs and their partners."""

from directory.demo.organizations import ADERENTE, CAPOFILA, PARTNER, L, Org
from directory.models import Activity, PublicationStatus

ORGANIZATIONS = [
    Org(
        "arci-empolese-valdelsa",
        "Arci Empolese Valdelsa",
        L.ASSOCIATIVE_NETWORK,
        "Empoli",
        CAPOFILA,
        "Il comitato territoriale Arci riunisce una sessantina di circoli tra Empoli e la "
        "Valdelsa. Coordina il progetto SpOON e il tavolo della Rete Inclusione Valdarno "
        "Valdelsa.",
        "Facciamo dei circoli presìdi di comunità: luoghi dove chiunque può chiedere aiuto, "
        "informarsi e partecipare.",
        "imw",
        "Via XI Febbraio 28",
        [
            "tavolo-associazioni",
            "supporto-psicologico",
            "formazione-volontari",
            "bilancio-famiglia",
        ],
        virtual=("Sportello SpOON da remoto", "https://spoon.example.org/prenota"),
    ),
    Org(
        "circolo-arci-pagnana",
        "Circolo Arci Pagnana",
        L.APS,
        "Empoli",
        PARTNER,
        "Il circolo della frazione di Pagnana ha un bar, una sala per le feste e un campo da "
        "bocce. Ospita uno degli sportelli di prossimità SpOON.",
        "Il circolo è la piazza della frazione: qui ci si conosce e ci si dà una mano.",
        "i",
        "Via di Pagnana 12",
        ["sportello-prossimita", "facilitazione-digitale", "pomeriggi-insieme"],
    ),
    Org(
        "circolo-arci-il-bastione",
        "Circolo Arci Il Bastione",
        L.APS,
        "Castelfiorentino",
        PARTNER,
        "Circolo storico del centro di Castelfiorentino, con sala lettura e attività per gli "
        "anziani. Vi si tiene lo sportello di prossimità SpOON del martedì e del venerdì.",
        "Vogliamo che nessuno in paese resti escluso per età, lingua o mancanza di strumenti "
        "digitali.",
        "ai",
        "Piazza Gramsci 40",
        [
            "sportello-prossimita",
            (
                "pomeriggi-insieme",
                {
                    "status": Activity.Status.TEMPORARILY_CLOSED,
                    "alert": "Sospesi per i lavori di ristrutturazione della sala fino al 31 "
                    "gennaio 2027.",
                },
            ),
            ("job-club", {"publication_status": PublicationStatus.DRAFT}),
        ],
    ),
    Org(
        "circolo-arci-cerreto-guidi",
        "Circolo Arci Cerreto Guidi",
        L.APS,
        "Cerreto Guidi",
        PARTNER,
        "Il circolo organizza cinema all'aperto, feste e corsi. Ogni settimana ospita lo "
        "sportello di prossimità e un gruppo di cammino.",
        "Un circolo aperto a tutte le generazioni, dove si costruiscono legami e si combatte la "
        "solitudine.",
        "i",
        "Via Vittorio Veneto 2",
        ["sportello-prossimita", "cineforum-famiglie", "gruppo-cammino"],
    ),
    Org(
        "associazione-medicea",
        "Associazione Medicea ODV",
        L.ODV,
        "Empoli",
        PARTNER,
        "I tutor volontari dell'associazione accompagnano persone sole o in difficoltà negli "
        "uffici, dal medico e negli sportelli dei servizi.",
        "Nessuno dovrebbe affrontare da solo la burocrazia o una visita importante.",
        "a",
        "Via Ridolfi 7",
        ["accompagnamento-famiglie", "accompagnamento-visite"],
    ),
    Org(
        "associazione-vnp",
        "Associazione VNP – Volontari nella prossimità",
        L.ODV,
        "Castelfiorentino",
        PARTNER,
        "Volontari di vicinato che tengono compagnia agli anziani soli, al telefono e a casa, "
        "e segnalano alla rete le situazioni di bisogno.",
        "La prossimità è la prima forma di cura: un vicino attento vede prima di ogni servizio.",
        "a",
        "Via Ridolfi 15",
        ["telefonata-amica", "centro-ascolto"],
    ),
    Org(
        "emporio-solidale-empolese",
        "Emporio solidale dell'Empolese",
        L.OTHER_ETS,
        "Empoli",
        ADERENTE,
        "Emporio gestito da una rete di associazioni di volontariato, con il sostegno dei "
        "Comuni e della Società della Salute.",
        "Combattiamo lo spreco alimentare e la povertà insieme, con una spesa dignitosa.",
        "u",
        "Via Lucchese 55",
        ["emporio-solidale", "guardaroba-solidale"],
    ),
    Org(
        "cooperativa-sociale-il-girasole-certaldo",
        "Il Girasole Cooperativa Sociale",
        L.SOCIAL_COOP_A,
        "Certaldo",
        ADERENTE,
        "Cooperativa educativa che gestisce doposcuola, ludoteca e centri estivi in Valdelsa.",
        "Diamo ai bambini della Valdelsa spazi dove imparare giocando.",
        "l",
        "Borgo Garibaldi 90",
        ["doposcuola-primaria", "centro-estivo", "letture-piccoli", "ludoteca"],
    ),
]
