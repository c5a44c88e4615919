"""Ambito Visconteo Sud Milano: the Cuore Visconteo partners and their neighbours."""

from directory.demo.organizations import ADERENTE, CAPOFILA, PARTNER, L, Org
from directory.models import Activity, PublicationStatus

ORGANIZATIONS = [
    Org(
        "ufficio-di-piano-ambito-visconteo",
        "Ufficio di piano dell'Ambito Visconteo Sud Milano",
        L.PUBLIC_SERVICE,
        "Rozzano",
        CAPOFILA,
        "L'ufficio di piano coordina la programmazione sociale dei comuni dell'ambito e il "
        "progetto Cuore Visconteo contro la povertà delle famiglie con figli minorenni.",
        "Mettiamo in rete risorse pubbliche e private perché nessuna famiglia con figli resti "
        "senza risposta nelle emergenze alimentari, sanitarie ed economiche.",
        "a",
        "Piazza Foglia 1",
        ["segretariato-sociale", "fondo-emergenza", "tavolo-associazioni"],
        place="Sede dell'ufficio di piano",
        runts=False,
    ),
    Org(
        "spazio-aperto-servizi",
        "Spazio Aperto Servizi Società Cooperativa Sociale",
        L.SOCIAL_COOP_A,
        "Rozzano",
        PARTNER,
        "Cooperativa che gestisce servizi educativi, per la disabilità e la salute mentale in "
        "tutta l'area metropolitana. Nell'équipe di Cuore Visconteo porta educatori e "
        "un'assistente sociale.",
        "Accompagniamo le famiglie più fragili in progetti costruiti con loro, perché i figli "
        "possano crescere con le stesse opportunità degli altri.",
        "abl",
        "Via Monte Amiata 4",
        ["accompagnamento-famiglie", "doposcuola-medie", "centro-aggregazione"],
        place="Sede operativa di Rozzano",
    ),
    Org(
        "arti-e-mestieri-sociali",
        "Arti e Mestieri Sociali Cooperativa Sociale",
        L.SOCIAL_COOP_B,
        "Binasco",
        PARTNER,
        "Cooperativa di tipo B che offre lavoro e formazione a persone svantaggiate in "
        "manutenzione del verde, pulizie e piccola falegnameria. Cura l'inclusione lavorativa di "
        "Cuore Visconteo.",
        "Il lavoro è la strada più solida per uscire dalla povertà: creiamo occasioni di lavoro "
        "vero per chi fa più fatica a trovarlo.",
        "p",
        "Via Matteotti 44",
        [
            ("job-club", {"ages": (18, 64)}),
            "tirocini",
            "laboratorio-mestieri",
        ],
    ),
    Org(
        "cooperativa-sociale-marta",
        "Marta Cooperativa Sociale",
        L.SOCIAL_COOP_A,
        "Lacchiarella",
        PARTNER,
        "Cooperativa nata dall'esperienza di un gruppo di educatrici della prima infanzia. "
        "Gestisce spazi gioco, un micronido e corsi di italiano per mamme straniere.",
        "Diamo ai bambini da 0 a 6 anni e ai loro genitori luoghi di incontro e di crescita, "
        "anche dove mancano i servizi.",
        "ad",
        "Via Dante Alighieri 12",
        [
            (
                "spazio-gioco-0-3",
                {
                    "status": Activity.Status.TEMPORARILY_CLOSED,
                    "alert": "Sospeso fino a metà gennaio 2027 in attesa della nuova "
                    "educatrice. Riapertura comunicata alle famiglie iscritte.",
                },
            ),
            "italiano-mamme",
            "centro-estivo-piccoli",
        ],
    ),
    Org(
        "pratica-cooperativa-sociale",
        "Pratica Cooperativa Sociale",
        L.SOCIAL_COOP_A,
        "Pieve Emanuele",
        PARTNER,
        "Psicologi ed educatori che lavorano con adolescenti, giovani adulti e genitori. Nel "
        "progetto Cuore Visconteo cura il sostegno psicologico alle famiglie.",
        "Prendersi cura del benessere psicologico è un diritto di tutti, non solo di chi può "
        "pagare uno studio privato.",
        "bcl",
        "Via Viquarterio 2",
        ["psicologo-adolescenti", "supporto-psicologico", "gruppo-genitori", "orientamento-neet"],
        virtual=("Colloqui in videochiamata", "https://pratica.example.org/colloqui"),
    ),
    Org(
        "caritas-interparrocchiale-binasco",
        "Caritas interparrocchiale di Binasco",
        L.OTHER,
        "Binasco",
        ADERENTE,
        "Il gruppo Caritas delle parrocchie di Binasco, Casarile e Vernate gestisce il centro "
        "di ascolto e la distribuzione alimentare. I volontari visitano anche le famiglie a "
        "casa.",
        "Ascoltiamo chi bussa alla nostra porta e cerchiamo insieme, con pazienza, una via "
        "d'uscita.",
        "u",
        "Piazza Ghisio 3",
        ["centro-ascolto", "pacchi-alimentari", "guardaroba-solidale"],
        place="Centro parrocchiale",
        tax_code=False,
        runts=False,
    ),
    Org(
        "oratorio-don-bosco-zibido",
        "Oratorio Don Bosco di Zibido San Giacomo",
        L.PARISH_CENTRE,
        "Zibido San Giacomo",
        ADERENTE,
        "Oratorio della parrocchia di San Giacomo, con campo da calcio, salone e aule studio. "
        "D'estate accoglie oltre centocinquanta bambini.",
        "Offriamo ai bambini e ai ragazzi del paese un luogo di amicizia, studio e gioco.",
        "l",
        "Via Roma 25",
        ["doposcuola-primaria", "centro-estivo", "laboratorio-creativo"],
        runts=False,
    ),
    Org(
        "polisportiva-lacchiarella",
        "Polisportiva Lacchiarella APS",
        L.APS,
        "Lacchiarella",
        ADERENTE,
        "Pallavolo, basket e ginnastica per tutte le età nella palestra comunale. La "
        "polisportiva ha un fondo per pagare la quota ai ragazzi che non possono permettersela.",
        "Lo sport di paese è un presidio educativo: teniamo i ragazzi in palestra e non per "
        "strada.",
        "t",
        "Via Kennedy 3",
        ["minivolley", "basket-ragazzi", "ginnastica-dolce"],
        place="Palestra comunale",
    ),
    Org(
        "soms-opera",
        "Società Operaia di Mutuo Soccorso di Opera",
        L.MUTUAL_AID,
        "Opera",
        ADERENTE,
        "Fondata nel 1889, la Società di mutuo soccorso offre ai soci sussidi per le spese "
        "sanitarie e organizza l'università della terza età e i pomeriggi del circolo.",
        "Da oltre un secolo i soci si aiutano a vicenda: oggi soprattutto contro la solitudine "
        "e per la salute degli anziani.",
        "bi",
        "Via Giovanni XXIII 8",
        ["universita-terza-eta", "pomeriggi-insieme"],
    ),
    Org(
        "associazione-genitori-pieve-in-rete",
        "Associazione Pieve in Rete",
        L.ASSOCIATION,
        "Pieve Emanuele",
        ADERENTE,
        "Un gruppo di famiglie del quartiere Pieve Ovest che si sta organizzando per aprire uno "
        "spazio compiti e una ludoteca.",
        "Vogliamo un quartiere dove i bambini abbiano spazi per giocare e studiare.",
        "l",
        "Via Dei Pini 4",
        ["ludoteca"],
        tax_code=False,
        runts=False,
        status=PublicationStatus.DRAFT,
    ),
]
