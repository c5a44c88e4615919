"""Kinds of activity the demo organizations run; ``organizations_*`` say who runs which.

Each kind is written once, with placeholders filled per organization: ``{town}`` (the town of
the organization) and ``{org}`` (its name). Hours use a compact notation: ``"1-4 14:30-17:30"``
is Monday to Thursday, ``"2,4 17:00-18:30"`` Tuesday and Thursday (ISO weekdays); several
patterns are separated by ``;``.
"""

import datetime

SCHOOL_YEAR = (datetime.date(2026, 9, 15), datetime.date(2027, 6, 10))
SUMMER = (datetime.date(2027, 6, 14), datetime.date(2027, 7, 30))
# Summer camps take enrolments in spring: in December they are found, "from June", with
# "enrolment from 1 March".
SUMMER_ENROLMENT = (datetime.date(2027, 3, 1), datetime.date(2027, 5, 15))
AUTUMN_COURSE = (datetime.date(2026, 10, 5), datetime.date(2027, 5, 28))

CHRISTMAS_CLOSURE = "natale"  # closed from 24 December 2026 to 6 January 2027
EASTER_CLOSURE = "pasqua"  # closed on Easter Monday 2027
CHRISTMAS_SPECIAL = "vigilia"  # extra morning opening before Christmas

ISEE = "Attestazione ISEE in corso di validità"
ID_DOCUMENT = "Documento d'identità"
HEALTH_CARD = "Tessera sanitaria"
RESIDENCE_PERMIT = "Permesso di soggiorno (o ricevuta di richiesta di rinnovo)"
MEDICAL_CERTIFICATE = "Certificato medico per attività sportiva non agonistica"


def kind(
    title,
    summary,
    description,
    categories,
    ages=(None, None),
    hours="",
    period=None,
    enrolment=None,
    fee="",
    access="open",
    access_description="",
    eligibility="",
    documents=(),
    capacity=None,
    languages=("it",),
    targets=(),
    exceptions=(),
    virtual=False,
):
    return {
        "title": title,
        "summary": summary,
        "description": description,
        "categories": list(categories),
        "min_age": ages[0],
        "max_age": ages[1],
        "hours": hours,
        "period": period,
        "enrolment": enrolment,
        "fee": fee,
        "access": access,
        "access_description": access_description,
        "eligibility": eligibility,
        "documents": list(documents),
        "capacity": capacity,
        "languages": list(languages),
        "targets": list(targets),
        "exceptions": list(exceptions),
        "virtual": virtual,
    }


KINDS = {
    # --- Seminare futuro: studio, prima infanzia, adolescenti, genitori ---------------------
    "doposcuola-primaria": kind(
        "Doposcuola per la primaria",
        "Compiti e giochi dopo la scuola per i bambini delle elementari.",
        "Dopo la merenda i bambini fanno i compiti in piccoli gruppi con educatori e volontari; "
        "poi giochi in cortile. Gli insegnanti possono segnalare i bambini che hanno più bisogno "
        "di aiuto.",
        ["diritto-istruzione", "educazione-preadolescenti"],
        ages=(6, 11),
        hours="1,3,5 16:30-18:30",
        period=SCHOOL_YEAR,
        access="booking",
        access_description="Iscrizione a settembre con un colloquio con la famiglia.",
        capacity=20,
        targets=["bambini", "famiglie-con-figli"],
        exceptions=[CHRISTMAS_CLOSURE],
    ),
    "doposcuola-medie": kind(
        "Doposcuola per le medie",
        "Aiuto nei compiti e metodo di studio per ragazzi delle medie.",
        "Uno spazio tranquillo per studiare dopo pranzo, con educatori che aiutano a "
        "organizzare i compiti e a preparare le verifiche. Si lavora anche sul metodo di studio "
        "e, per chi lo desidera, sull'italiano come seconda lingua.",
        ["diritto-istruzione", "educazione-preadolescenti"],
        ages=(11, 14),
        hours="1-4 14:30-17:30",
        period=SCHOOL_YEAR,
        access="booking",
        access_description="Iscrizione presso la segreteria o su segnalazione della scuola.",
        capacity=25,
        languages=["it", "ar"],
        targets=["ragazzi", "famiglie-con-figli"],
        exceptions=[CHRISTMAS_CLOSURE, EASTER_CLOSURE],
    ),
    "ripetizioni-superiori": kind(
        "Ripetizioni di matematica e inglese per le superiori",
        "Lezioni in piccoli gruppi con studenti universitari volontari.",
        "Gruppi di massimo quattro ragazzi, seguiti da studenti universitari e insegnanti in "
        "pensione. Si ripassano matematica, inglese e le materie tecniche prima delle verifiche.",
        ["diritto-istruzione", "educazione-adolescenti"],
        ages=(14, 18),
        hours="2,4 15:00-18:00",
        period=SCHOOL_YEAR,
        fee="5 € a lezione; gratuito con ISEE sotto i 15.000 €.",
        access="booking",
        documents=[ISEE],
        languages=["it", "en"],
        targets=["ragazzi"],
    ),
    "sostegno-dsa": kind(
        "Sostegno allo studio per ragazzi con DSA",
        "Tutor specializzati e strumenti compensativi per dislessia e discalculia.",
        "I tutor insegnano a usare mappe, sintesi vocale e strumenti compensativi, in accordo "
        "con la scuola e la famiglia. Un incontro al mese è dedicato ai genitori.",
        ["diritto-istruzione"],
        ages=(8, 14),
        hours="2 15:00-17:00; 4 15:00-17:00",
        period=SCHOOL_YEAR,
        fee="20 € al mese, riduzioni con ISEE.",
        access="booking",
        documents=["Certificazione DSA o relazione della scuola", ISEE],
        capacity=12,
        targets=["bambini", "ragazzi", "persone-con-disabilita"],
    ),
    "compiti-online": kind(
        "Aiuto compiti a distanza",
        "Un tutor in videochiamata per chi non riesce a raggiungere il doposcuola.",
        "Per i ragazzi delle frazioni e dei paesi più lontani: un'ora di aiuto nei compiti in "
        "videochiamata, con un tutor sempre uguale. Se serve, prestiamo un tablet alla famiglia.",
        ["diritto-istruzione", "digital-divide"],
        ages=(11, 14),
        hours="1,3 15:00-18:00",
        period=SCHOOL_YEAR,
        access="booking",
        access_description="Scrivete o telefonate: vi ricontattiamo per fissare l'orario.",
        targets=["ragazzi"],
        virtual=True,
    ),
    "spazio-gioco-0-3": kind(
        "Spazio gioco 0–3 anni",
        "Mattine di gioco per bambini piccoli con mamma, papà o nonni.",
        "Un ambiente pensato per i più piccoli, con materiali di gioco, angolo morbido e letture. "
        "Gli adulti restano con i bambini e si confrontano con l'educatrice su sonno, "
        "alimentazione e regole.",
        ["educazione-0-3", "genitorialita"],
        ages=(0, 3),
        hours="2,4 09:30-11:30",
        period=SCHOOL_YEAR,
        fee="30 € a trimestre; gratuito per chi è seguito dai servizi sociali.",
        access="booking",
        capacity=12,
        languages=["it", "ro", "ar"],
        targets=["bambini", "genitori"],
        exceptions=[CHRISTMAS_CLOSURE],
    ),
    "mamme-neonati": kind(
        "Spazio mamma-bambino: pesata e allattamento",
        "Un'ostetrica e un'educatrice per i primi mesi di vita.",
        "Ogni settimana un'ostetrica pesa i bambini e risponde alle domande su allattamento, "
        "svezzamento e sonno. È anche un'occasione per conoscere altri genitori del quartiere.",
        ["educazione-0-3", "sostegno-sanitario"],
        ages=(0, 1),
        hours="3 10:00-12:00",
        languages=["it", "ar", "en"],
        targets=["genitori", "donne"],
    ),
    "letture-piccoli": kind(
        "Letture ad alta voce per bambini",
        "Storie, filastrocche e albi illustrati il sabato mattina.",
        "I volontari di Nati per Leggere leggono storie ai bambini e ai loro genitori; dopo la "
        "lettura si può prendere in prestito un libro da portare a casa.",
        ["educazione-0-3", "laboratori"],
        ages=(2, 6),
        hours="6 10:30-11:30",
        languages=["it", "en", "zh"],
        targets=["bambini", "genitori"],
    ),
    "ludoteca": kind(
        "Ludoteca",
        "Giochi da tavolo, costruzioni e laboratori per bambini.",
        "La ludoteca presta giochi e organizza pomeriggi di gioco libero e guidato. I bambini "
        "sotto i sei anni vengono con un adulto.",
        ["laboratori", "educazione-0-3"],
        ages=(3, 10),
        hours="3,5 16:30-18:30; 6 10:00-12:00",
        targets=["bambini", "famiglie-con-figli"],
        exceptions=[CHRISTMAS_CLOSURE],
    ),
    "psicologo-adolescenti": kind(
        "Psicologo per adolescenti",
        "Colloqui gratuiti e riservati con uno psicologo, senza bisogno dei genitori.",
        "Uno spazio di ascolto per ragazzi che attraversano un momento difficile: ansia, scuola, "
        "relazioni, famiglia. Fino a cinque colloqui gratuiti; per i minorenni serve il consenso "
        "di un genitore dal secondo incontro.",
        ["educazione-adolescenti", "supporto-psicologico"],
        ages=(14, 19),
        hours="3 15:00-18:00",
        access="booking",
        access_description="Prenotazione per telefono o WhatsApp, anche in forma anonima.",
        targets=["ragazzi", "giovani"],
    ),
    "consulenza-genitori": kind(
        "Consulenza educativa per genitori",
        "Colloqui con una pedagogista su capricci, scuola, adolescenza e uso degli schermi.",
        "Una pedagogista incontra mamme e papà per affrontare insieme le fatiche educative di "
        "ogni età. Si può venire in coppia o da soli, anche solo una volta.",
        ["genitorialita", "progetti-accompagnamento"],
        ages=(18, None),
        hours="1 17:00-19:00",
        access="booking",
        languages=["it", "fr"],
        targets=["genitori"],
    ),
    "gruppo-genitori": kind(
        "Gruppo di parola per genitori di adolescenti",
        "Incontri serali tra genitori, guidati da uno psicologo.",
        "Ogni mese un tema (regole, social, scuola, autonomia) e uno spazio per raccontarsi "
        "e ascoltare altri genitori. Non serve iscriversi a tutto il ciclo.",
        ["genitorialita"],
        ages=(18, None),
        hours="4 20:45-22:15",
        period=AUTUMN_COURSE,
        targets=["genitori"],
    ),
    "centro-aggregazione": kind(
        "Centro di aggregazione giovanile",
        "Un posto per stare insieme, suonare, fare progetti e parlare con gli educatori.",
        "Sala prove, calcetto, giochi e un bar analcolico gestito dai ragazzi. Gli educatori "
        "accompagnano chi vuole realizzare un'idea per il quartiere.",
        ["partecipazione-giovanile", "educazione-adolescenti"],
        ages=(14, 21),
        hours="2-5 15:30-19:30",
        targets=["ragazzi", "giovani"],
        exceptions=[CHRISTMAS_CLOSURE],
    ),
    "gruppo-adolescenti": kind(
        "Gruppo adolescenti del venerdì",
        "Serate di gruppo, uscite e servizio per ragazzi delle superiori.",
        "Il gruppo si ritrova il venerdì sera con gli animatori per giochi, discussioni e "
        "piccoli servizi alla comunità; d'estate si parte per una settimana insieme.",
        ["educazione-adolescenti", "partecipazione-giovanile"],
        ages=(14, 18),
        hours="5 20:30-22:30",
        period=SCHOOL_YEAR,
        targets=["ragazzi"],
    ),
    "consiglio-ragazzi": kind(
        "Consiglio comunale dei ragazzi",
        "I ragazzi delle medie propongono e realizzano progetti per il loro comune.",
        "Eletti nelle classi, i consiglieri si incontrano ogni due settimane con un educatore "
        "e presentano le loro proposte al sindaco e alla giunta.",
        ["partecipazione-giovanile"],
        ages=(11, 14),
        hours="4 15:00-17:00",
        period=SCHOOL_YEAR,
        access="referral",
        access_description="I consiglieri sono eletti nelle classi delle scuole medie.",
        targets=["ragazzi"],
    ),
    "estate-solidale": kind(
        "Estate solidale: volontariato per ragazzi",
        "Tre settimane di volontariato estivo in associazioni del territorio, con attestato.",
        "I ragazzi scelgono un'associazione (emporio, centro estivo, RSA, parco) e vi "
        "fanno volontariato al mattino, accompagnati da un tutor. Alla fine ricevono un attestato "
        "utile per i crediti scolastici e un buono libri.",
        ["volontariato-giovani", "partecipazione-giovanile"],
        ages=(15, 19),
        hours="1-4 09:00-12:30",
        period=SUMMER,
        enrolment=SUMMER_ENROLMENT,
        access="booking",
        access_description="Iscrizioni da aprile, posti limitati.",
        capacity=30,
        targets=["ragazzi", "giovani"],
    ),
    # --- Tempo libero ----------------------------------------------------------------------
    "centro-estivo": kind(
        "Centro estivo",
        "Giochi, piscina, gite e laboratori per le vacanze estive.",
        "Le settimane estive sono organizzate per fasce d'età, con giochi, laboratori, "
        "piscina una volta a settimana e il venerdì uscita sul territorio (orari comunicati di "
        "settimana in settimana). Pranzo e merenda compresi.",
        ["centri-estivi"],
        ages=(6, 11),
        hours="1-4 08:00-17:00",
        period=SUMMER,
        enrolment=SUMMER_ENROLMENT,
        fee="70 € a settimana pasti compresi; riduzioni con ISEE e per il secondo figlio.",
        access="booking",
        documents=[ISEE, HEALTH_CARD],
        capacity=60,
        targets=["bambini", "famiglie-con-figli"],
    ),
    "centro-estivo-piccoli": kind(
        "Centro estivo per i più piccoli",
        "Mattine all'aperto per bambini della scuola dell'infanzia.",
        "Acqua, sabbia, orto e laboratori sensoriali in giardino, con un'educatrice ogni sei "
        "bambini. Possibilità di pranzo e riposo pomeridiano.",
        ["centri-estivi", "educazione-0-3"],
        ages=(3, 6),
        hours="1-4 08:30-13:00",
        period=SUMMER,
        enrolment=SUMMER_ENROLMENT,
        fee="45 € a settimana, 60 € con il pranzo.",
        access="booking",
        capacity=24,
        targets=["bambini"],
    ),
    "campus-sportivo": kind(
        "Campus sportivo estivo",
        "Una settimana al giorno di sport diversi: calcio, basket, atletica, tennis.",
        "Gli istruttori fanno provare ogni giorno sport diversi, con tornei finali e una "
        "mattina dedicata allo sport inclusivo insieme a ragazzi con disabilità.",
        ["centri-estivi", "sport"],
        ages=(8, 14),
        hours="1-4 08:30-16:30",
        period=SUMMER,
        enrolment=SUMMER_ENROLMENT,
        fee="90 € a settimana; una settimana gratuita per famiglie segnalate dai servizi.",
        access="booking",
        documents=[MEDICAL_CERTIFICATE],
        capacity=40,
        targets=["bambini", "ragazzi"],
    ),
    "calcio-under-10": kind(
        "Calcio under 10",
        "Scuola calcio per bambini dai 6 ai 10 anni, senza selezioni.",
        "Allenamenti a misura di bambino con istruttori qualificati: si gioca tutti, sempre. "
        "Il sabato mattina partitelle con le altre squadre della zona.",
        ["sport"],
        ages=(6, 10),
        hours="3 17:00-18:30; 6 09:30-11:30",
        period=SCHOOL_YEAR,
        fee="120 € l'anno, kit compreso; riduzioni per fratelli e con ISEE.",
        access="booking",
        documents=[MEDICAL_CERTIFICATE],
        capacity=40,
        targets=["bambini"],
    ),
    "minivolley": kind(
        "Minivolley",
        "Pallavolo per bambine e bambini delle elementari.",
        "Un primo approccio alla pallavolo con giochi di coordinazione e piccole partite. "
        "Due lezioni di prova gratuite.",
        ["sport"],
        ages=(7, 11),
        hours="2,4 17:00-18:30",
        period=SCHOOL_YEAR,
        fee="180 € l'anno in due rate; borse sport per chi ha ISEE basso.",
        access="booking",
        documents=[MEDICAL_CERTIFICATE],
        targets=["bambini"],
    ),
    "basket-ragazzi": kind(
        "Basket ragazzi",
        "Squadre under 13 e under 14 con campionato provinciale.",
        "Allenamenti due volte a settimana e partite la domenica. La società offre il "
        "trasporto alle trasferte per chi non ha l'auto.",
        ["sport"],
        ages=(11, 14),
        hours="1,4 18:00-19:30",
        period=SCHOOL_YEAR,
        fee="220 € l'anno; rateizzabile.",
        access="booking",
        documents=[MEDICAL_CERTIFICATE],
        targets=["ragazzi"],
    ),
    "psicomotricita": kind(
        "Psicomotricità per l'infanzia",
        "Movimento e gioco simbolico per bambini dai 3 ai 6 anni.",
        "Una psicomotricista guida i bambini nel gioco con il corpo, lo spazio e gli altri. "
        "A fine ciclo un incontro di restituzione con i genitori.",
        ["sport", "educazione-0-3"],
        ages=(3, 6),
        hours="6 10:00-11:00",
        period=AUTUMN_COURSE,
        fee="8 € a incontro.",
        access="booking",
        capacity=10,
        targets=["bambini"],
    ),
    "sport-inclusivo": kind(
        "Sport per tutti: attività motoria inclusiva",
        "Nuoto e giochi di squadra per ragazzi con e senza disabilità.",
        "Istruttori e volontari affiancano i ragazzi uno a uno quando serve. Le famiglie "
        "possono restare a guardare o prendere un caffè nella saletta.",
        ["sport", "welfare-prossimita"],
        ages=(8, 18),
        hours="6 10:00-12:00",
        period=SCHOOL_YEAR,
        fee="Quota associativa di 25 € l'anno.",
        access="booking",
        access_description="Colloquio iniziale con la famiglia per conoscere il ragazzo.",
        languages=["it", "ise"],
        targets=["persone-con-disabilita", "ragazzi"],
    ),
    "ginnastica-dolce": kind(
        "Ginnastica dolce per over 65",
        "Esercizi per equilibrio, postura e articolazioni, con un fisioterapista.",
        "Lezioni tranquille in palestra, adatte anche a chi non fa sport da anni. Si lavora "
        "su equilibrio e prevenzione delle cadute; dopo la lezione, un tè insieme.",
        ["sport", "socialita-anziani"],
        ages=(65, None),
        hours="2,5 09:30-10:30",
        period=AUTUMN_COURSE,
        fee="15 € al mese.",
        access="booking",
        documents=["Certificato medico di idoneità"],
        targets=["anziani"],
    ),
    "gruppo-cammino": kind(
        "Gruppo di cammino",
        "Passeggiate di un'ora con un walking leader, a passo tranquillo.",
        "Ci si ritrova davanti alla sede e si cammina per un'ora su percorsi pianeggianti. "
        "È un modo semplice per muoversi e fare due chiacchiere.",
        ["socialita-anziani", "welfare-prossimita"],
        ages=(60, None),
        hours="1,3,5 09:00-10:00",
        targets=["anziani", "adulti"],
    ),
    "laboratorio-teatrale": kind(
        "Laboratorio teatrale",
        "Un anno di teatro con spettacolo finale a giugno.",
        "Improvvisazione, voce e movimento: i ragazzi scrivono e mettono in scena uno "
        "spettacolo insieme al regista. Nessuna esperienza richiesta.",
        ["musica-arte-teatro", "educazione-preadolescenti"],
        ages=(11, 14),
        hours="3 17:00-19:00",
        period=SCHOOL_YEAR,
        fee="25 € al mese; posti gratuiti per chi è segnalato dai servizi.",
        access="booking",
        capacity=18,
        targets=["ragazzi"],
    ),
    "scuola-musica": kind(
        "Scuola di musica popolare",
        "Chitarra, percussioni e canto in gruppo, per tutte le età.",
        "Corsi collettivi con insegnanti diplomati e prestito degli strumenti per chi non li "
        "ha. Due volte l'anno si suona insieme in piazza.",
        ["musica-arte-teatro"],
        ages=(8, None),
        hours="2 18:00-20:00; 4 18:00-20:00",
        period=AUTUMN_COURSE,
        fee="35 € al mese; sconto famiglie.",
        access="booking",
        targets=["bambini", "ragazzi", "adulti"],
    ),
    "coro-intergenerazionale": kind(
        "Coro intergenerazionale",
        "Nonni e nipoti cantano insieme: repertorio popolare e canzoni d'autore.",
        "Le prove sono aperte a tutti, non serve saper leggere la musica. Il coro canta a "
        "Natale nelle RSA e alla festa del paese.",
        ["musica-arte-teatro", "socialita-anziani"],
        hours="1 18:00-19:30",
        targets=["anziani", "bambini"],
    ),
    "laboratorio-creativo": kind(
        "Laboratori creativi del sabato",
        "Riciclo, pittura, cucito e piccoli lavori manuali per bambini.",
        "Ogni sabato un laboratorio diverso con materiali di recupero; i lavori vengono "
        "esposti a fine anno. I bambini sotto i 6 anni vengono con un adulto.",
        ["laboratori"],
        ages=(5, 11),
        hours="6 15:00-17:00",
        targets=["bambini"],
        exceptions=[CHRISTMAS_CLOSURE],
    ),
    "laboratorio-fumetto": kind(
        "Laboratorio di fumetto e illustrazione",
        "Dalla sceneggiatura alla tavola: un fumetto collettivo in otto incontri.",
        "Un illustratore professionista accompagna i ragazzi nella creazione di un fumetto "
        "sul loro quartiere, che viene stampato e distribuito in biblioteca.",
        ["laboratori", "educazione-preadolescenti"],
        ages=(11, 15),
        hours="2 16:30-18:30",
        period=AUTUMN_COURSE,
        access="booking",
        capacity=15,
        targets=["ragazzi"],
    ),
    "cineforum-famiglie": kind(
        "Cineforum per famiglie",
        "Un film la domenica pomeriggio e una merenda insieme.",
        "Film per bambini e ragazzi scelti con le scuole, con una breve introduzione e "
        "merenda offerta. Ingresso libero fino a esaurimento posti.",
        ["musica-arte-teatro"],
        hours="7 16:00-18:00",
        capacity=80,
        targets=["famiglie-con-figli"],
    ),
    "pomeriggi-insieme": kind(
        "Pomeriggi insieme",
        "Tombola, carte, ginnastica della memoria e feste di compleanno.",
        "Il centro anziani apre due pomeriggi a settimana: giochi, chiacchiere e ogni mese una "
        "festa. I volontari possono passare a prendere chi non si muove da solo.",
        ["socialita-anziani"],
        ages=(65, None),
        hours="2,4 15:00-18:00",
        targets=["anziani"],
        exceptions=[CHRISTMAS_CLOSURE],
    ),
    "universita-terza-eta": kind(
        "Università della terza età",
        "Lezioni di storia, arte, salute e informatica per adulti e anziani.",
        "Due pomeriggi a settimana lezioni tenute da docenti volontari, con visite guidate "
        "nei musei e nei borghi vicini.",
        ["socialita-anziani", "formazione"],
        ages=(55, None),
        hours="1,3 15:30-17:30",
        period=AUTUMN_COURSE,
        fee="Tessera annuale 40 €; gite a parte.",
        targets=["anziani"],
    ),
    "telefonata-amica": kind(
        "Telefonata amica per anziani soli",
        "Un volontario chiama ogni settimana chi vive solo, per fare compagnia e capire "
        "se serve qualcosa.",
        "I volontari telefonano sempre alla stessa persona, allo stesso orario. Se emergono "
        "bisogni (spesa, farmaci, una visita) avvisano la rete dei servizi.",
        ["welfare-prossimita", "socialita-anziani"],
        ages=(65, None),
        hours="1-4 09:30-12:00",
        access="referral",
        access_description="Segnalazione dei servizi sociali, del medico o dei familiari.",
        targets=["anziani"],
        virtual=True,
    ),
    "accompagnamento-visite": kind(
        "Accompagnamento a visite mediche",
        "Trasporto con auto attrezzata per visite, terapie ed esami.",
        "Autisti volontari accompagnano anziani e persone con disabilità all'ospedale e agli "
        "ambulatori della zona, e li aspettano per riportarli a casa.",
        ["sostegno-sanitario", "welfare-prossimita"],
        hours="1-4 08:00-12:00",
        fee="Offerta libera per il carburante.",
        access="booking",
        access_description="Prenotare almeno tre giorni prima.",
        eligibility="Anziani e persone con disabilità senza familiari che possano accompagnarle.",
        documents=["Impegnativa o promemoria della visita", HEALTH_CARD],
        targets=["anziani", "persone-con-disabilita"],
    ),
    # --- Emergenze ----------------------------------------------------------------------------
    "emporio-solidale": kind(
        "Emporio solidale",
        "Un piccolo supermercato dove si fa la spesa con una tessera a punti, senza soldi.",
        "Le famiglie scelgono da sole cosa prendere tra alimenti, prodotti per l'igiene e per "
        "bambini. La tessera dura sei mesi ed è accompagnata da colloqui per capire come uscire "
        "dalla difficoltà.",
        ["sostegno-alimentare", "nuove-poverta"],
        hours="2 15:00-18:00; 6 09:00-12:00",
        access="referral",
        access_description="Tessera rilasciata dopo un colloquio con il centro di ascolto "
        "o i servizi sociali.",
        eligibility="Famiglie residenti nell'ambito con ISEE sotto i 9.000 €.",
        documents=[ISEE, ID_DOCUMENT, "Stato di famiglia"],
        languages=["it", "ar", "ro"],
        targets=["persone-in-poverta", "famiglie-con-figli"],
        exceptions=[CHRISTMAS_SPECIAL],
    ),
    "pacchi-alimentari": kind(
        "Distribuzione di pacchi alimentari",
        "Pacchi con pasta, latte, scatolame e prodotti freschi ogni due settimane.",
        "I volontari preparano i pacchi con le eccedenze del Banco Alimentare e dei "
        "supermercati della zona. Per chi non può muoversi c'è la consegna a domicilio.",
        ["sostegno-alimentare"],
        hours="4 09:00-11:30",
        access="referral",
        access_description="Dopo un colloquio al centro di ascolto.",
        documents=[ISEE, ID_DOCUMENT],
        languages=["it", "ar", "fr"],
        targets=["persone-in-poverta"],
        exceptions=[CHRISTMAS_SPECIAL],
    ),
    "mensa-solidale": kind(
        "Mensa solidale",
        "Un pasto caldo a pranzo, dal lunedì al giovedì.",
        "Un pasto completo servito al tavolo dai volontari, in un ambiente accogliente. "
        "Chi vuole può fermarsi per un caffè e parlare con un operatore.",
        ["sostegno-alimentare", "welfare-prossimita"],
        ages=(18, None),
        hours="1-4 12:00-13:30",
        access="open",
        languages=["it", "ar", "fr", "en"],
        targets=["persone-in-poverta", "adulti"],
    ),
    "guardaroba-solidale": kind(
        "Guardaroba solidale",
        "Vestiti, scarpe e attrezzatura per neonati, gratis per chi ne ha bisogno.",
        "Abiti puliti e selezionati per bambini e adulti, passeggini, seggiolini e lettini "
        "in prestito. Si accettano donazioni il lunedì mattina.",
        ["nuove-poverta", "sostegno-economico"],
        hours="3 15:00-18:00",
        targets=["famiglie-con-figli", "persone-in-poverta"],
    ),
    "fondo-emergenza": kind(
        "Fondo per le emergenze familiari",
        "Contributi una tantum per bollette, affitto, mensa scolastica e spese mediche.",
        "Un piccolo fondo alimentato da donazioni e fondazioni per le spese impreviste che "
        "mettono in crisi una famiglia. Ogni richiesta è valutata con l'assistente sociale e "
        "legata a un piano di accompagnamento.",
        ["sostegno-economico", "progetti-accompagnamento"],
        hours="1 14:00-17:00",
        access="referral",
        access_description="Su segnalazione dei servizi sociali o del centro di ascolto.",
        documents=[ISEE, "Le bollette o i documenti della spesa da sostenere"],
        targets=["famiglie-con-figli", "persone-in-poverta"],
    ),
    "ambulatorio-solidale": kind(
        "Ambulatorio medico solidale",
        "Visite mediche gratuite per chi non ha il medico di base.",
        "Medici volontari visitano, prescrivono e orientano ai servizi sanitari; c'è anche "
        "una piccola farmacia con i farmaci da banco più comuni.",
        ["sostegno-sanitario"],
        ages=(18, None),
        hours="3 18:00-20:00",
        documents=["Tessera sanitaria o tesserino STP, se li avete"],
        languages=["it", "ar", "fr", "en"],
        targets=["cittadini-stranieri", "persone-in-poverta"],
    ),
    "farmaci-bambini": kind(
        "Farmaci e prodotti per l'infanzia",
        "Latte in polvere, pannolini e farmaci pediatrici per famiglie in difficoltà.",
        "Con la prescrizione del pediatra o su segnalazione dei servizi, consegnamo farmaci "
        "da banco, latte e pannolini raccolti con il Banco Farmaceutico.",
        ["sostegno-sanitario", "sostegno-alimentare"],
        ages=(0, 6),
        hours="5 10:00-12:00",
        access="referral",
        documents=["Prescrizione del pediatra", ISEE],
        targets=["famiglie-con-figli", "persone-in-poverta"],
    ),
    # --- Sostegno alle famiglie ---------------------------------------------------------------
    "segretariato-sociale": kind(
        "Segretariato sociale",
        "Informazioni su servizi, contributi e pratiche, senza appuntamento.",
        "L'assistente sociale ascolta, spiega quali servizi e contributi esistono e come "
        "chiederli, e se serve fissa un colloquio di approfondimento.",
        ["segretariato-sociale", "accesso-servizi"],
        ages=(18, None),
        hours="1 09:00-12:00; 4 14:00-17:00",
        languages=["it", "en"],
        targets=["adulti", "famiglie-con-figli"],
    ),
    "sportello-isee": kind(
        "Sportello ISEE e bonus",
        "Compilazione dell'ISEE e domande per assegno unico, bonus luce e gas, bonus nido.",
        "Gli operatori compilano la DSU e le principali domande di bonus. Portate i documenti "
        "di tutti i componenti del nucleo familiare.",
        ["segretariato-sociale", "sostegno-economico"],
        ages=(18, None),
        hours="2 09:00-12:30; 4 14:30-18:00",
        access="booking",
        documents=[
            "Documento d'identità e codice fiscale di tutti i componenti",
            "Contratto d'affitto o dati del mutuo",
            "Saldo e giacenza media dei conti correnti",
            "Redditi di due anni prima",
        ],
        languages=["it", "ar", "ro"],
        targets=["famiglie-con-figli", "adulti"],
    ),
    "centro-ascolto": kind(
        "Centro di ascolto",
        "Volontari formati ascoltano e orientano chi attraversa un momento di difficoltà.",
        "Si viene senza appuntamento: insieme si cerca di capire il bisogno e le risorse, e "
        "si costruiscono i passi successivi con la rete dei servizi e delle associazioni.",
        ["nuove-poverta", "segretariato-sociale"],
        ages=(18, None),
        hours="2 09:30-11:30; 5 15:00-17:00",
        languages=["it", "fr", "es"],
        targets=["persone-in-poverta", "adulti"],
        exceptions=[CHRISTMAS_CLOSURE],
    ),
    "accompagnamento-famiglie": kind(
        "Progetto di accompagnamento per famiglie",
        "Un'educatrice di riferimento aiuta la famiglia a costruire il proprio progetto.",
        "Con la famiglia si definiscono pochi obiettivi concreti (casa, lavoro, scuola dei "
        "figli, salute) e li si segue nel tempo, con incontri a casa e negli uffici.",
        ["progetti-accompagnamento", "nuove-poverta"],
        hours="1-4 09:00-13:00",
        access="referral",
        access_description="Presa in carico su segnalazione dei servizi sociali dell'ambito.",
        targets=["famiglie-con-figli"],
    ),
    "sportello-stranieri": kind(
        "Sportello stranieri e mediazione linguistica",
        "Permesso di soggiorno, ricongiungimenti, cittadinanza e iscrizione a scuola.",
        "Operatori e mediatori aiutano a compilare le pratiche e accompagnano, se serve, "
        "agli uffici. Le informazioni sono disponibili in più lingue.",
        ["segretariato-sociale", "cittadini-stranieri"],
        ages=(16, None),
        hours="3 14:30-18:00; 6 09:30-12:30",
        documents=[RESIDENCE_PERMIT, "Passaporto"],
        languages=["it", "ar", "fr", "en", "zh", "ro", "uk", "bn"],
        targets=["cittadini-stranieri"],
    ),
    "italiano-stranieri": kind(
        "Corso di italiano per stranieri",
        "Corsi serali dal livello A0 al B1, con test di ingresso.",
        "Insegnanti volontari tengono corsi in piccoli gruppi: alfabetizzazione, A1, A2 e "
        "preparazione al test per il permesso di lungo periodo. Non serve il permesso di "
        "soggiorno per iscriversi.",
        ["cittadini-stranieri", "occupabilita"],
        ages=(16, None),
        hours="1,3 20:00-22:00",
        period=AUTUMN_COURSE,
        access="booking",
        access_description="Test di ingresso a ottobre e a febbraio.",
        languages=["it", "ar", "en", "fr", "uk"],
        targets=["cittadini-stranieri", "adulti"],
        exceptions=[CHRISTMAS_CLOSURE],
    ),
    "italiano-mamme": kind(
        "Italiano per mamme, con spazio bimbi",
        "Corso di italiano al mattino mentre i bambini piccoli giocano con le educatrici.",
        "Pensato per le mamme che non possono frequentare i corsi serali: si impara la "
        "lingua della scuola, del pediatra e degli uffici.",
        ["cittadini-stranieri", "genitorialita"],
        ages=(18, None),
        hours="2,4 09:30-11:30",
        period=SCHOOL_YEAR,
        languages=["it", "ar", "bn", "ur", "zh"],
        targets=["donne", "cittadini-stranieri", "genitori"],
        exceptions=[CHRISTMAS_CLOSURE],
    ),
    "consulenza-debiti": kind(
        "Consulenza su debiti e sovraindebitamento",
        "Un consulente aiuta a rimettere in ordine i conti e a trattare con i creditori.",
        "Insieme si ricostruiscono entrate, uscite e debiti, si valuta la rinegoziazione di "
        "prestiti e bollette e, nei casi più gravi, la procedura di composizione della crisi. "
        "Il servizio è riservato e gratuito.",
        ["indebitamento-consapevole", "sostegno-economico"],
        ages=(18, None),
        hours="2 17:00-19:00",
        access="booking",
        documents=[
            "Ultime buste paga o pensione",
            "Estratti conto degli ultimi sei mesi",
            "Contratti di finanziamento e solleciti ricevuti",
        ],
        targets=["adulti", "persone-in-poverta"],
    ),
    "bilancio-famiglia": kind(
        "Il bilancio di famiglia: corso di educazione finanziaria",
        "Quattro serate per imparare a gestire il budget familiare ed evitare i debiti.",
        "Come si legge una bolletta, cosa costa davvero un prestito, come si risparmia: "
        "incontri pratici con esercizi su casi reali.",
        ["indebitamento-consapevole", "formazione"],
        ages=(18, None),
        hours="3 20:30-22:00",
        period=(datetime.date(2027, 2, 3), datetime.date(2027, 2, 24)),
        access="booking",
        targets=["adulti"],
    ),
    "facilitazione-digitale": kind(
        "Facilitazione digitale",
        "Aiuto per SPID, fascicolo sanitario, PagoPA e prenotazioni online.",
        "Un facilitatore digitale aiuta, uno alla volta, a usare lo smartphone e i servizi "
        "online della pubblica amministrazione. Si impara facendo, con il proprio telefono.",
        ["digital-divide", "accesso-servizi"],
        ages=(18, None),
        hours="1 14:30-17:30; 4 09:30-12:30",
        access="booking",
        documents=[ID_DOCUMENT, HEALTH_CARD, "Il proprio smartphone e le credenziali e-mail"],
        targets=["anziani", "adulti"],
    ),
    "sportello-casa": kind(
        "Sportello casa",
        "Bandi per gli alloggi popolari, contributi affitto e ricerca di una casa.",
        "Aiutiamo a partecipare ai bandi per gli alloggi pubblici e per il sostegno "
        "all'affitto, e mettiamo in contatto con proprietari disponibili all'affitto "
        "concordato con garanzie.",
        ["smart-house", "sostegno-economico"],
        ages=(18, None),
        hours="2 14:00-17:00",
        access="booking",
        documents=[ISEE, "Contratto d'affitto", ID_DOCUMENT],
        targets=["famiglie-con-figli", "adulti"],
    ),
    "conciliazione": kind(
        "Sportello conciliazione casa-lavoro",
        "Nidi, pre e post scuola, congedi e servizi per chi lavora e ha figli o genitori anziani.",
        "Informazioni sui servizi per la prima infanzia, sui congedi parentali e sui voucher "
        "per baby-sitting e assistenza. Anche su appuntamento in pausa pranzo.",
        ["conciliazione", "genitorialita"],
        ages=(18, None),
        hours="3 12:30-14:30",
        access="booking",
        targets=["genitori", "donne"],
    ),
    # --- Inclusione lavorativa --------------------------------------------------------------
    "job-club": kind(
        "Job club: cerco lavoro insieme",
        "Un gruppo settimanale per chi cerca lavoro: annunci, candidature, colloqui simulati.",
        "Un orientatore guida il gruppo nella ricerca attiva: si scrivono le candidature, ci "
        "si allena ai colloqui e si condividono le offerte delle aziende della rete.",
        ["occupabilita", "job-community", "orientamento-lavoro"],
        ages=(18, None),
        hours="2 09:30-12:30",
        access="booking",
        languages=["it", "en"],
        targets=["disoccupati"],
    ),
    "cv-colloqui": kind(
        "Laboratorio CV e colloqui",
        "Un curriculum efficace e la preparazione al colloquio, in tre incontri.",
        "Si prepara il curriculum (anche europeo), la lettera di presentazione e il profilo "
        "sui siti di lavoro. L'ultimo incontro è un colloquio simulato con un'azienda vera.",
        ["occupabilita", "orientamento-lavoro"],
        ages=(16, None),
        hours="4 14:30-17:00",
        access="booking",
        capacity=12,
        targets=["disoccupati", "giovani"],
    ),
    "tirocini": kind(
        "Tirocini e inserimenti lavorativi",
        "Tirocini retribuiti nelle aziende della rete, con un tutor che segue la persona.",
        "Per persone in carico ai servizi: si costruisce un progetto di inserimento, si "
        "cerca l'azienda adatta e un tutor accompagna il tirocinio fino, quando possibile, "
        "all'assunzione.",
        ["inserimenti-lavorativi", "job-community"],
        ages=(18, None),
        hours="1,3 09:00-13:00",
        access="referral",
        access_description="Su segnalazione dei servizi sociali, del SIL o del centro per "
        "l'impiego.",
        targets=["disoccupati", "persone-con-disabilita"],
    ),
    "orientamento-neet": kind(
        "Orientamento per giovani che non studiano e non lavorano",
        "Colloqui e piccoli gruppi per ripartire: scuola, formazione o lavoro.",
        "Un orientatore aiuta a capire cosa si sa fare e cosa si vuole fare, a conoscere "
        "Garanzia Giovani e i corsi gratuiti della zona, e a fare il primo passo.",
        ["educazione-lavoro", "servizi-giovani"],
        ages=(16, 29),
        hours="3 15:00-18:00",
        access="booking",
        languages=["it", "en", "ar"],
        targets=["giovani", "disoccupati"],
    ),
    "laboratorio-mestieri": kind(
        "Laboratorio di falegnameria e piccole riparazioni",
        "Imparare un mestiere con le mani, costruendo arredi per le associazioni.",
        "Un artigiano in pensione insegna a usare gli attrezzi in sicurezza; i ragazzi "
        "costruiscono panchine, librerie e casette per i parchi del quartiere.",
        ["educazione-lavoro", "generativita-sociale"],
        ages=(15, 20),
        hours="2,4 14:30-17:30",
        period=AUTUMN_COURSE,
        access="booking",
        capacity=8,
        targets=["ragazzi", "giovani"],
    ),
    "corso-aiuto-cuoco": kind(
        "Corso di aiuto cuoco",
        "120 ore tra aula e cucina, con attestato HACCP e tirocinio finale.",
        "Il corso insegna le basi della cucina professionale, l'igiene alimentare e "
        "l'organizzazione del lavoro; il tirocinio si svolge nei ristoranti e nelle mense "
        "della rete.",
        ["occupabilita", "educazione-lavoro", "formazione"],
        ages=(18, None),
        hours="1-4 09:00-13:00",
        period=(datetime.date(2027, 1, 18), datetime.date(2027, 4, 30)),
        fee="Gratuito per disoccupati; 300 € per gli altri partecipanti.",
        access="booking",
        capacity=15,
        targets=["disoccupati", "adulti"],
    ),
    # --- Infrastruttura sociale ----------------------------------------------------------------
    "banca-tempo": kind(
        "Banca del tempo",
        "Si scambiano ore di aiuto: ripetizioni, piccoli lavori, compagnia, passaggi.",
        "Ogni ora data vale un'ora ricevuta, qualunque sia il servizio. Lo sportello apre il "
        "lunedì sera per iscriversi e incontrare gli altri soci.",
        ["generativita-sociale", "welfare-prossimita"],
        ages=(18, None),
        hours="1 18:00-20:00",
        targets=["adulti", "anziani"],
    ),
    "tavolo-associazioni": kind(
        "Tavolo delle associazioni",
        "L'incontro mensile delle realtà del territorio per coordinare iniziative e bisogni.",
        "Associazioni, oratori, comitati e servizi si incontrano per conoscersi, scambiarsi "
        "informazioni e costruire insieme le iniziative per le famiglie.",
        ["reti-attori-sociali"],
        ages=(18, None),
        hours="4 20:45-22:30",
        access="referral",
        access_description="Aperto ai referenti delle organizzazioni del territorio.",
        targets=["adulti"],
    ),
    "formazione-volontari": kind(
        "Corso base per nuovi volontari",
        "Tre incontri per chi vuole iniziare a fare volontariato.",
        "Cosa significa fare volontariato, come si ascolta una persona in difficoltà, quali "
        "regole di riservatezza rispettare. Alla fine si conoscono le associazioni che "
        "cercano volontari.",
        ["formazione", "generativita-sociale", "volontariato-giovani"],
        ages=(16, None),
        hours="6 09:30-12:30",
        period=(datetime.date(2027, 3, 6), datetime.date(2027, 3, 20)),
        access="booking",
        targets=["adulti", "giovani"],
    ),
    "laboratorio-fundraising": kind(
        "Laboratorio di comunicazione e fundraising",
        "Per le associazioni: social, newsletter, 5×1000 e campagne di raccolta fondi.",
        "Un percorso pratico per i volontari che curano la comunicazione: ogni associazione "
        "lavora sulla propria campagna con l'aiuto di un esperto.",
        ["comunicazione-fundraising", "reti-attori-sociali"],
        ages=(18, None),
        hours="2 18:30-20:30",
        period=(datetime.date(2026, 10, 6), datetime.date(2026, 12, 15)),
        access="booking",
        targets=["adulti"],
    ),
    "portierato-sociale": kind(
        "Portierato sociale di quartiere",
        "Un punto di riferimento nel cortile per piccole commissioni, informazioni e "
        "buon vicinato.",
        "Il custode sociale conosce gli inquilini, aiuta gli anziani con spesa e farmaci, "
        "raccoglie le segnalazioni di guasti e organizza momenti di festa in cortile.",
        ["welfare-prossimita", "smart-house"],
        hours="1-4 09:00-12:00",
        targets=["anziani", "famiglie-con-figli"],
    ),
    "orti-sociali": kind(
        "Orti sociali",
        "Un pezzo di terra da coltivare e un gruppo con cui condividere il raccolto.",
        "Gli orti sono assegnati a pensionati, famiglie e scuole; una parte del raccolto va "
        "all'emporio solidale. Il sabato mattina un agronomo dà consigli.",
        ["generativita-sociale", "socialita-anziani"],
        hours="6 08:30-12:00",
        access="booking",
        targets=["anziani", "famiglie-con-figli"],
    ),
    "sportello-prossimita": kind(
        "Sportello di prossimità",
        "Primo accesso per orientarsi tra servizi, lavoro, documenti e strumenti digitali.",
        "Operatori e volontari accolgono, ascoltano e orientano: accesso ai servizi, SPID e "
        "pratiche online, informazioni per cittadini stranieri, lavoro, servizi per i giovani "
        "e conciliazione. Si può venire di persona o chiedere un colloquio da remoto.",
        [
            "accesso-servizi",
            "digital-divide",
            "cittadini-stranieri",
            "orientamento-lavoro",
            "servizi-giovani",
            "conciliazione",
            "segretariato-sociale",
        ],
        ages=(16, None),
        hours="2 15:00-18:00; 5 09:30-12:30",
        languages=["it", "en", "ar", "sq", "zh"],
        targets=["adulti", "cittadini-stranieri", "giovani"],
    ),
    "supporto-psicologico": kind(
        "Supporto psicologico",
        "Colloqui con una psicologa per adulti e famiglie in un momento di fatica.",
        "Un breve percorso di sostegno (fino a otto colloqui) per chi vive un periodo "
        "difficile: perdita del lavoro, lutto, separazione, solitudine. Anche in videochiamata.",
        ["supporto-psicologico", "progetti-accompagnamento"],
        ages=(18, None),
        hours="1 16:00-19:00; 4 10:00-13:00",
        fee="Contributo di 10 € a colloquio; gratuito con ISEE sotto i 12.000 €.",
        access="booking",
        targets=["adulti", "famiglie-con-figli"],
    ),
    "corso-lis": kind(
        "Corso base di LIS",
        "Impara le basi della Lingua dei segni italiana con un docente sordo.",
        "Venti lezioni per comunicare con le persone sorde nella vita di tutti i giorni; "
        "aperto a volontari, operatori e famiglie.",
        ["formazione", "generativita-sociale"],
        ages=(14, None),
        hours="2 20:00-22:00",
        period=AUTUMN_COURSE,
        fee="150 € per l'intero corso, materiale compreso.",
        access="booking",
        capacity=20,
        languages=["it", "ise"],
        targets=["adulti", "persone-con-disabilita"],
    ),
}

KINDS["tavolo-associazioni"]["slot_notes"] = "Il primo giovedì del mese"
KINDS["banca-tempo"]["slot_notes"] = "Sportello per iscrizioni e scambi"
