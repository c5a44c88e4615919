"""The Rhodense network of #oltreiperimetri: Sercop, its partners and the network agreement."""

import datetime

from directory.demo.organizations import ADERENTE, CAPOFILA, PARTNER, L, Org
from directory.models import Activity, PublicationStatus

ORGANIZATIONS = [
    Org(
        "sercop",
        "Sercop – Azienda speciale consortile del Rhodense",
        L.PUBLIC_SERVICE,
        "Rho",
        CAPOFILA,
        "L'azienda dei nove comuni del Rhodense gestisce i servizi sociali d'ambito: tutela "
        "minori, inserimenti lavorativi, politiche abitative. È capofila di #oltreiperimetri.",
        "Portiamo i servizi fuori dai loro confini abituali, dove le persone vulnerabili vivono "
        "e chiedono aiuto: banche, scuole, patronati, aziende.",
        "ap",
        "Via Cornaggia 3",
        ["tirocini", "sportello-casa", "formazione-volontari"],
        runts=False,
    ),
    Org(
        "consorzio-cooperho",
        "Consorzio Cooperho Alto Milanese",
        L.SOCIAL_ENTERPRISE,
        "Rho",
        PARTNER,
        "Il consorzio riunisce le cooperative sociali del territorio e cura per la rete la "
        "Job Community, che fa incontrare aziende e persone in cerca di lavoro.",
        "Costruiamo alleanze tra cooperative, imprese e servizi per creare lavoro inclusivo.",
        "mp",
        "Via Madonna 67",
        ["job-club", "laboratorio-fundraising"],
    ),
    Org(
        "fondazione-san-bernardino",
        "Fondazione San Bernardino",
        L.OTHER_ETS,
        "Rho",
        PARTNER,
        "Fondazione antiusura delle diocesi lombarde: ascolta le famiglie sovraindebitate, le "
        "aiuta a rinegoziare i debiti e concede garanzie per prestiti sostenibili.",
        "Preveniamo l'usura e il sovraindebitamento, restituendo alle famiglie la possibilità di "
        "guardare al futuro senza paura.",
        "aw",
        "Via Madonna 46",
        ["consulenza-debiti", "bilancio-famiglia"],
        place="Punto di ascolto di Rho",
        virtual=("Consulenza telefonica", ""),
    ),
    Org(
        "cooperativa-sociale-intrecci",
        "Intrecci Società Cooperativa Sociale",
        L.SOCIAL_COOP_A,
        "Rho",
        PARTNER,
        "Intrecci gestisce servizi per l'infanzia, l'educativa scolastica e progetti per "
        "giovani nel Rhodense. Nei suoi spazi ha sede anche un consultorio familiare.",
        "Lavoriamo perché ogni bambino e ogni famiglia trovino vicino a casa servizi educativi "
        "di qualità.",
        "abd",
        "Via Pace 10",
        ["spazio-gioco-0-3", "doposcuola-medie", "mamme-neonati"],
        second=("Spazio famiglie di Pero", "Via Giovanni XXIII 2", "Pero"),
    ),
    Org(
        "cooperativa-sociale-serena",
        "Serena Cooperativa Sociale",
        L.SOCIAL_COOP_A,
        "Pero",
        PARTNER,
        "Cooperativa che si occupa di domiciliarità per anziani e persone con disabilità: "
        "assistenza a casa, trasporti e custodia sociale nei caseggiati popolari.",
        "Aiutiamo le persone fragili a vivere bene a casa loro, circondate da una rete di "
        "vicinato.",
        "ac",
        "Via Sempione 131",
        ["portierato-sociale", "accompagnamento-visite"],
    ),
    Org(
        "cooperativa-sociale-stripes",
        "Stripes Cooperativa Sociale Onlus",
        L.SOCIAL_COOP_A,
        "Rho",
        PARTNER,
        "Stripes gestisce centri di aggregazione, ludoteche e centri estivi in molti comuni "
        "del nord-ovest milanese, con un'attenzione particolare all'educativa di strada.",
        "Incontriamo i ragazzi nei luoghi che frequentano e costruiamo con loro occasioni di "
        "protagonismo.",
        "l",
        "Via Alberto da Giussano 30",
        ["centro-aggregazione", "centro-estivo", "ludoteca"],
        second=("Centro giovani di Settimo Milanese", "Via Grandi 8", "Settimo Milanese"),
    ),
    Org(
        "cooperativa-sociale-la-giostra",
        "La Giostra Cooperativa Sociale",
        L.SOCIAL_COOP_A,
        "Arese",
        PARTNER,
        "Centro diurno e servizi di tempo libero per ragazzi e adulti con disabilità; d'estate "
        "organizza campi inclusivi con le società sportive.",
        "Il tempo libero è un diritto anche per chi ha una disabilità: costruiamo occasioni di "
        "sport e di amicizia insieme agli altri.",
        "act",
        "Viale Alfa Romeo 12",
        ["sport-inclusivo", "laboratorio-creativo"],
    ),
    Org(
        "cooperativa-sociale-a-e-i",
        "A&I Società Cooperativa Sociale",
        L.SOCIAL_COOP_B,
        "Pero",
        PARTNER,
        "Cooperativa di inserimento lavorativo attiva in logistica, pulizie e servizi "
        "ambientali; accompagna ogni anno decine di persone in tirocinio.",
        "Offriamo un lavoro dignitoso a chi ne è stato escluso, con tutor che lo accompagnano "
        "passo dopo passo.",
        "p",
        "Via Figino 20",
        ["cv-colloqui", "tirocini"],
    ),
    Org(
        "cooperativa-sociale-3f",
        "Cooperativa Sociale 3F",
        L.SOCIAL_COOP_B,
        "Lainate",
        PARTNER,
        "Gestisce una cucina centralizzata e due bar in cui lavorano persone svantaggiate. "
        "Organizza corsi di formazione nella ristorazione.",
        "In cucina si impara un mestiere e si ritrova fiducia in se stessi.",
        "dp",
        "Via Re Umberto I 15",
        ["corso-aiuto-cuoco", "mensa-solidale"],
    ),
    Org(
        "cooperativa-sociale-la-cordata",
        "La Cordata Società Cooperativa Sociale",
        L.SOCIAL_COOP_A,
        "Cornaredo",
        PARTNER,
        "Cooperativa specializzata in abitare sociale: residenze temporanee, accompagnamento "
        "all'autonomia abitativa e gestione dell'azione Smart House.",
        "La casa è il primo passo per una vita autonoma: aiutiamo chi rischia di perderla o "
        "non riesce a trovarla.",
        "aq",
        "Piazza Libertà 18",
        ["sportello-casa", "portierato-sociale"],
    ),
    Org(
        "acli-milano-monza-brianza",
        "Acli provinciali di Milano, Monza e Brianza",
        L.ASSOCIATIVE_NETWORK,
        "Rho",
        PARTNER,
        "La rete dei circoli Acli promuove formazione, volontariato e servizi alle famiglie. "
        "Nel Rhodense cura la facilitazione digitale e lo sportello per cittadini stranieri.",
        "Mettiamo le persone, specie le più deboli, in condizione di esercitare i propri diritti.",
        "dw",
        "Via Meda 20",
        ["facilitazione-digitale", "sportello-stranieri"],
        place="Circolo Acli di Rho",
    ),
    Org(
        "patronato-acli-rho",
        "Patronato Acli – Ufficio di Rho",
        L.TRADE_UNION,
        "Rho",
        ADERENTE,
        "Il patronato segue gratuitamente pratiche previdenziali, pensioni, invalidità, "
        "maternità e disoccupazione. Da qui passano molte famiglie che non chiederebbero mai "
        "aiuto ai servizi sociali.",
        "Siamo un punto di aggancio: dietro una pratica di pensione spesso c'è una famiglia che "
        "ha bisogno di altro.",
        "w",
        "Via Meda 20",
        ["sportello-isee"],
        runts=False,
    ),
    Org(
        "caritas-decanale-rho",
        "Caritas decanale di Rho",
        L.OTHER,
        "Rho",
        ADERENTE,
        "Coordina i centri di ascolto parrocchiali del decanato, la mensa e l'emporio "
        "solidale. Collabora con Sercop per le situazioni più complesse.",
        "Vogliamo essere una presenza che ascolta e accompagna, senza giudicare.",
        "u",
        "Via De Amicis 11",
        ["centro-ascolto", "emporio-solidale", "ambulatorio-solidale", "guardaroba-solidale"],
        second=("Emporio solidale di Lainate", "Via Garibaldi 48", "Lainate"),
        tax_code=False,
        runts=False,
    ),
    Org(
        "bcc-sesto-san-giovanni",
        "Banca di Credito Cooperativo di Sesto San Giovanni – Filiale di Rho",
        L.BANK,
        "Rho",
        ADERENTE,
        "La banca aderisce all'accordo di rete: i suoi consulenti sono formati a riconoscere i "
        "segnali di difficoltà economica e a indirizzare i clienti alla rete.",
        "Una banca di comunità non lascia soli i suoi clienti quando i conti non tornano.",
        "",
        "Corso Europa 34",
        [
            (
                "bilancio-famiglia",
                {"title": "Educazione finanziaria in filiale", "access": "open"},
            )
        ],
        place="Filiale di Rho",
        runts=False,
    ),
    Org(
        "ic-tommaso-grossi-rho",
        "Istituto comprensivo “T. Grossi” di Rho",
        L.SCHOOL,
        "Rho",
        ADERENTE,
        "Istituto con scuole dell'infanzia, primarie e una secondaria di primo grado. La scuola "
        "apre i pomeriggi agli studenti e alle loro famiglie con la rete del territorio.",
        "Una scuola aperta al quartiere intercetta presto le difficoltà delle famiglie.",
        "d",
        "Via Tommaso Grossi 15",
        [
            ("doposcuola-medie", {"title": "Scuola aperta: studio assistito"}),
            "italiano-mamme",
        ],
        runts=False,
    ),
    Org(
        "fondazione-comunitaria-nord-milano",
        "Fondazione Comunitaria Nord Milano",
        L.PHILANTHROPIC,
        "Rho",
        ADERENTE,
        "Fondazione di comunità che raccoglie donazioni e le distribuisce con bandi alle "
        "organizzazioni del territorio. Sostiene il fondo per le emergenze del Rhodense.",
        "Trasformiamo la generosità dei cittadini e delle imprese in progetti per la comunità.",
        "am",
        "Via Cornaggia 3",
        ["fondo-emergenza"],
        place="Punto di Rho",
    ),
    Org(
        "afol-nord-ovest",
        "AFOL Metropolitana – Centro per l'impiego Nord Ovest",
        L.PUBLIC_SERVICE,
        "Rho",
        ADERENTE,
        "Centro per l'impiego e agenzia di formazione pubblica: iscrizione alla disoccupazione, "
        "Garanzia Giovani, corsi e incontro tra domanda e offerta di lavoro.",
        "Accompagniamo chi cerca lavoro e le imprese che cercano personale.",
        "d",
        "Via Dante 3",
        ["orientamento-neet", "cv-colloqui"],
        runts=False,
    ),
    Org(
        "consiglio-solidarieta-rho",
        "Consiglio cittadino della solidarietà sociale e del volontariato di Rho",
        L.OTHER,
        "Rho",
        ADERENTE,
        "Organismo di partecipazione che riunisce le associazioni di volontariato della città. "
        "Promuove la formazione dei volontari e la festa annuale del volontariato.",
        "Diamo voce al volontariato rhodense e aiutiamo le associazioni a lavorare insieme.",
        "m",
        "Piazza Visconti 23",
        ["tavolo-associazioni", "formazione-volontari", "estate-solidale"],
        place="Villa Burba",
        tax_code=False,
        runts=False,
    ),
    Org(
        "freddy-spa",
        "Freddy S.p.A.",
        L.COMPANY,
        "Settimo Milanese",
        ADERENTE,
        "Azienda di abbigliamento sportivo che aderisce alla Job Community: ospita tirocini e "
        "offre colloqui di lavoro alle persone accompagnate dalla rete.",
        "Crediamo in un'impresa che restituisce al territorio dove lavora.",
        "",
        "Via Edison 4",
        [("tirocini", {"title": "Tirocini in azienda", "access": "referral"})],
        runts=False,
    ),
    Org(
        "rete-del-fare-diversamente-rho",
        "Rete del F@RE diversamente Rho",
        L.ASSOCIATION,
        "Rho",
        ADERENTE,
        "Una rete di famiglie e associazioni per l'inclusione delle persone con disabilità nel "
        "tempo libero, nello sport e nella cultura.",
        "Vogliamo una città in cui le persone con disabilità partecipino a tutto, insieme agli "
        "altri.",
        "ai",
        "Via Buon Gesù 21",
        [
            ("laboratorio-creativo", {"title": "Laboratorio artistico inclusivo", "ages": (8, 25)}),
            (
                "corso-lis",
                {
                    "title": "Corso base di LIS 2025-26",
                    "status": Activity.Status.ENDED,
                    "period": (datetime.date(2025, 10, 7), datetime.date(2026, 5, 26)),
                },
            ),
        ],
        tax_code=False,
        runts=False,
    ),
    Org(
        "gruppo-volontari-vanzago",
        "Gruppo volontari di Vanzago",
        L.ASSOCIATION,
        "Vanzago",
        ADERENTE,
        "Volontari che si stanno organizzando per un servizio di spesa a domicilio per gli "
        "anziani del paese.",
        "Nessun anziano di Vanzago deve restare senza spesa o senza una visita.",
        "a",
        "Piazza Fontana 2",
        ["telefonata-amica"],
        tax_code=False,
        runts=False,
        status=PublicationStatus.DRAFT,
    ),
]
