"""The thesaurus every network starts with: the words families type (Italian and English) and
the directory's words and categories they mean (``SearchSynonym``), and how it reaches a
database (``load_starter``).

Each line below gives several phrases (gender and number variants, other ways to say it) the
same meaning: words of the listings (each an alternative; a phrase needs all its words) and
category slugs. Keep the alternatives close: a synonym widens every search containing the
phrase, so "calcio" is not made to find every sport, nor are the directory's own words
("doposcuola", "lavoro", "bambini") given synonyms.

Updating the list: edit it here and run ``manage.py load_search_synonyms`` (or a data
migration calling ``load_starter``). Rows still holding what the list last wrote are updated;
rows a coordinator edited, switched off or added are left alone (the admin cannot delete a
shipped row, only switch it off, so a removed row never comes back).
"""

from dataclasses import dataclass

IT, EN = "it", "en"

# (language, phrases, words of the listings, category slugs)
GROUPS = [
    # --- Study, school, homework --------------------------------------------------------------
    (
        IT,
        ["compiti", "aiuto compiti", "fare i compiti", "aiuto nei compiti", "compiti a casa"],
        ["doposcuola", "aiuto compiti", "sostegno scolastico"],
        ["diritto-istruzione"],
    ),
    (
        IT,
        ["dopo scuola", "post scuola", "dopo la scuola", "pomeriggio dopo scuola"],
        ["doposcuola", "pre e post scuola"],
        ["diritto-istruzione"],
    ),
    (
        IT,
        ["ripetizioni", "lezioni private", "recupero scolastico", "studio assistito", "studiare"],
        ["ripetizioni", "sostegno allo studio", "doposcuola", "metodo di studio"],
        ["diritto-istruzione"],
    ),
    (
        IT,
        ["dislessia", "discalculia", "disgrafia", "dislessico", "dislessica", "bes"],
        ["dsa", "sostegno allo studio"],
        [],
    ),
    (
        IT,
        ["pre scuola", "prescuola", "entrata anticipata"],
        ["pre e post scuola"],
        ["conciliazione"],
    ),
    (
        IT,
        ["asilo", "asilo nido", "nido d'infanzia", "micronido", "sezione primavera", "nidi"],
        ["nido", "spazio gioco", "prima infanzia"],
        ["educazione-0-3"],
    ),
    (
        IT,
        ["scuola materna", "materna", "scuola dell'infanzia", "asilo infantile"],
        ["scuola dell'infanzia", "psicomotricità", "spazio gioco"],
        [],
    ),
    (
        IT,
        ["babysitter", "baby sitter", "tata", "tate", "chi guarda i bambini", "custodia bambini"],
        ["spazio gioco", "nido", "pre e post scuola", "ludoteca"],
        [],
    ),
    (
        IT,
        ["neonato", "neonata", "neonati", "bebè", "lattante", "primi mesi"],
        ["neonati", "mamma bambino", "primi mesi", "prima infanzia"],
        ["educazione-0-3"],
    ),
    (
        IT,
        ["allattare", "allattamento al seno", "svezzamento", "pesare il bambino", "ostetrica"],
        ["allattamento", "pesata", "ostetrica"],
        [],
    ),
    (
        IT,
        ["gravidanza", "incinta", "aspetto un bambino", "corso preparto", "dopo il parto"],
        ["ostetrica", "mamma bambino", "allattamento"],
        [],
    ),
    (
        IT,
        ["pannolini", "pannolino", "latte artificiale", "latte per neonati", "omogeneizzati"],
        ["pannolini", "latte in polvere", "prodotti per l'infanzia"],
        [],
    ),
    (
        IT,
        ["bimbi", "bimbo", "bimba", "bimbe", "piccolini", "pargoli"],
        ["bambini", "piccoli"],
        [],
    ),
    (
        IT,
        ["figlio", "figlia", "figlie", "figliolo", "figlioletto", "figlioletta"],
        ["figli", "bambini", "ragazzi", "genitori"],
        [],
    ),
    (
        IT,
        ["online", "a distanza", "da remoto", "in videochiamata", "videochiamata"],
        ["a distanza", "videochiamata", "online"],
        [],
    ),
    (
        IT,
        ["gratis", "gratuito", "gratuita", "gratuiti", "gratuite", "gratuitamente"],
        ["gratuito", "gratis"],
        [],
    ),
    (
        IT,
        ["parlare con qualcuno", "qualcuno che mi ascolti", "sfogarmi", "essere ascoltato"],
        ["centro di ascolto", "ascolto"],
        [],
    ),
    (
        IT,
        ["giochi per bambini", "giocare", "sala giochi", "giocattoli", "giochi da tavolo"],
        ["ludoteca", "spazio gioco", "giochi"],
        [],
    ),
    (
        IT,
        ["storie", "favole", "libri per bambini", "lettura", "leggere", "biblioteca"],
        ["letture", "albi illustrati", "lettura"],
        [],
    ),
    # --- Summer ------------------------------------------------------------------------------
    (
        IT,
        [
            "grest",
            "estate ragazzi",
            "campo estivo",
            "campi estivi",
            "centri estivi",
            "colonia",
            "colonie",
            "colonia estiva",
            "vacanze estive",
            "estate bambini",
            "cre",
            "campus estivo",
        ],
        ["centro estivo", "campus"],
        ["centri-estivi"],
    ),
    # --- Sport -------------------------------------------------------------------------------
    (IT, ["calcetto", "pallone", "giocare a calcio", "scuola di calcio"], ["calcio"], []),
    (IT, ["pallavolo", "volley", "minivolley"], ["pallavolo", "minivolley"], []),
    (IT, ["pallacanestro", "minibasket"], ["basket"], []),
    (IT, ["nuotare", "piscina", "corso di nuoto"], ["nuoto", "piscina"], []),
    (
        IT,
        ["fare sport", "attività fisica", "attività sportiva", "movimento", "palestra"],
        ["sport", "attività motoria", "ginnastica"],
        ["sport"],
    ),
    (IT, ["ballo", "ballare", "balli"], ["danza", "ballo"], []),
    (IT, ["arti marziali", "judo", "karate"], ["judo", "karate", "arti marziali"], ["sport"]),
    (
        IT,
        ["camminare", "camminata", "camminate", "passeggiata", "passeggiate", "passeggiare"],
        ["gruppo di cammino", "passeggiate"],
        [],
    ),
    (
        IT,
        ["ginnastica per anziani", "ginnastica anziani", "ginnastica over 65", "fisioterapia"],
        ["ginnastica dolce", "fisioterapista"],
        [],
    ),
    # --- Arts and free time ------------------------------------------------------------------
    (IT, ["recitare", "recitazione", "teatrino", "spettacolo"], ["teatro", "teatrale"], []),
    (
        IT,
        ["suonare", "strumento musicale", "lezioni di musica", "suonare uno strumento"],
        ["musica", "chitarra", "scuola di musica"],
        ["musica-arte-teatro"],
    ),
    (IT, ["cantare", "canto corale", "cori"], ["coro", "canto"], []),
    (
        IT,
        ["disegno", "disegnare", "pittura", "dipingere", "lavoretti", "bricolage"],
        ["laboratori creativi", "pittura", "illustrazione"],
        ["laboratori"],
    ),
    (IT, ["fumetti", "manga"], ["fumetto"], []),
    (IT, ["cucire", "sartoria", "sarta", "sarto"], ["cucito"], []),
    (IT, ["cinema", "film", "vedere un film"], ["cineforum", "film"], []),
    (
        IT,
        ["orto", "giardinaggio", "coltivare", "zappare", "verdura"],
        ["orti sociali", "orto"],
        [],
    ),
    (
        IT,
        ["scambio di favori", "scambio ore", "scambiare aiuto"],
        ["banca del tempo"],
        [],
    ),
    (
        IT,
        ["stare insieme", "ritrovo ragazzi", "centro giovani", "spazio giovani", "aggregazione"],
        ["centro di aggregazione", "gruppo adolescenti"],
        ["servizi-giovani"],
    ),
    (
        IT,
        ["teenager", "adolescente", "adolescenza", "ragazzo", "ragazza", "preadolescenti"],
        ["adolescenti", "ragazzi", "giovani"],
        [],
    ),
    # --- Elderly, loneliness -----------------------------------------------------------------
    (
        IT,
        ["nonni", "nonno", "nonna", "terza età", "pensionati", "pensionato", "pensionata"],
        ["anziani", "over 65", "terza età"],
        ["socialita-anziani"],
    ),
    (
        IT,
        ["anziano", "anziana", "over 60", "over 70", "persone anziane"],
        ["anziani", "over 65"],
        ["socialita-anziani"],
    ),
    (
        IT,
        ["solitudine", "solo in casa", "vivo solo", "vivo sola", "compagnia", "fare compagnia"],
        ["telefonata amica", "compagnia", "pomeriggi insieme"],
        ["socialita-anziani"],
    ),
    (
        IT,
        ["badante", "badanti", "assistenza domiciliare", "assistenza anziani"],
        ["anziani", "accompagnamento", "telefonata amica"],
        [],
    ),
    (
        IT,
        ["tombola", "giocare a carte", "feste", "ginnastica mentale"],
        ["pomeriggi insieme", "tombola", "ginnastica della memoria"],
        [],
    ),
    (
        IT,
        ["corsi per adulti", "università popolare", "università anziani", "lezioni per anziani"],
        ["università della terza età"],
        [],
    ),
    # --- Food and clothes --------------------------------------------------------------------
    (
        IT,
        [
            "spesa",
            "fare la spesa",
            "spesa gratis",
            "cibo",
            "mangiare",
            "generi alimentari",
            "pacco alimentare",
            "pacco viveri",
            "pacchi viveri",
            "viveri",
            "banco alimentare",
            "fame",
            "alimenti",
            "tessera spesa",
            "buoni pasto",
        ],
        ["pacchi alimentari", "emporio solidale", "mensa solidale"],
        ["sostegno-alimentare"],
    ),
    (
        IT,
        ["mensa", "mensa dei poveri", "pasto", "pasti", "pasto caldo", "pranzo gratis"],
        ["mensa solidale", "pasto caldo"],
        ["sostegno-alimentare"],
    ),
    (IT, ["supermercato solidale", "market solidale"], ["emporio solidale"], []),
    (
        IT,
        [
            "vestiti",
            "vestiti usati",
            "abiti",
            "abbigliamento",
            "indumenti",
            "scarpe",
            "cappotto",
            "vestiti per bambini",
        ],
        ["guardaroba solidale", "vestiti"],
        [],
    ),
    # --- Health ------------------------------------------------------------------------------
    (
        IT,
        [
            "dottore",
            "dottoressa",
            "medico",
            "medici",
            "medico di base",
            "medico di famiglia",
            "visita medica",
            "ambulatorio gratuito",
            "cure",
            "curarsi",
            "malato",
            "malattia",
            "salute",
            "stp",
        ],
        ["ambulatorio", "visite mediche", "medico"],
        ["sostegno-sanitario"],
    ),
    (IT, ["pediatra", "pediatri"], ["farmaci pediatrici", "visite mediche"], []),
    (IT, ["dentista", "denti", "odontoiatra"], ["ambulatorio", "visite mediche"], []),
    (
        IT,
        ["medicine", "medicinali", "farmaco", "farmacia", "farmaco sospeso"],
        ["farmaci"],
        ["sostegno-sanitario"],
    ),
    (
        IT,
        [
            "psicologo",
            "psicologa",
            "psicologi",
            "psicologhe",
            "psicoterapeuta",
            "psicoterapia",
            "terapia",
            "sostegno psicologico",
            "aiuto psicologico",
            "ansia",
            "depressione",
            "stress",
            "attacchi di panico",
            "lutto",
        ],
        ["supporto psicologico", "psicologo", "psicologa"],
        ["supporto-psicologico"],
    ),
    (
        IT,
        [
            "disabile",
            "disabili",
            "disabilità",
            "handicap",
            "invalidità",
            "invalido",
            "autismo",
            "autistico",
            "carrozzina",
            "sedia a rotelle",
            "sindrome di down",
        ],
        ["disabilità", "inclusiva", "sport inclusivo"],
        [],
    ),
    (
        IT,
        ["accompagnamento in ospedale", "trasporto disabili", "passaggio per visita", "trasporto"],
        ["accompagnamento a visite mediche", "trasporto"],
        [],
    ),
    # --- Money, bills, rent, debts -----------------------------------------------------------
    (
        IT,
        [
            "bollette",
            "bolletta",
            "bolletta della luce",
            "bolletta del gas",
            "luce e gas",
            "utenze",
            "pagare le bollette",
            "bonus bollette",
            "riscaldamento",
        ],
        ["bollette", "bonus luce e gas", "fondo per le emergenze", "contributi"],
        ["sostegno-economico"],
    ),
    (
        IT,
        ["affitto", "pagare l'affitto", "canone", "morosità", "sfratto", "sfrattato"],
        ["affitto", "contributi affitto", "sportello casa", "fondo per le emergenze"],
        ["smart-house"],
    ),
    (
        IT,
        [
            "casa popolare",
            "case popolari",
            "alloggio",
            "alloggio popolare",
            "cercare casa",
            "trovare casa",
            "cerco casa",
            "edilizia popolare",
            "aler",
        ],
        ["sportello casa", "alloggi popolari"],
        ["smart-house"],
    ),
    (
        IT,
        ["senza casa", "senzatetto", "senza fissa dimora", "dormitorio", "dormire"],
        ["centro di ascolto", "mensa solidale", "sportello casa"],
        [],
    ),
    (
        IT,
        [
            "soldi",
            "contributo economico",
            "sussidio",
            "sussidi",
            "aiuto economico",
            "aiuti economici",
            "sostegno al reddito",
            "reddito di cittadinanza",
            "assegno di inclusione",
            "spese mediche",
            "una tantum",
        ],
        ["contributi", "fondo per le emergenze", "sostegno economico"],
        ["sostegno-economico"],
    ),
    (
        IT,
        [
            "bonus",
            "assegno unico",
            "bonus nido",
            "bonus bebè",
            "bonus famiglia",
            "assegni familiari",
        ],
        ["bonus", "assegno unico", "sportello isee"],
        [],
    ),
    (
        IT,
        [
            "debiti",
            "debito",
            "prestito",
            "prestiti",
            "microcredito",
            "usura",
            "rate",
            "finanziaria",
            "pignoramento",
            "creditori",
        ],
        ["debiti", "sovraindebitamento", "consulenza"],
        ["indebitamento-consapevole"],
    ),
    (
        IT,
        [
            "gestire i soldi",
            "risparmiare",
            "risparmio",
            "bilancio familiare",
            "educazione finanziaria",
        ],
        ["bilancio di famiglia", "educazione finanziaria", "budget"],
        ["indebitamento-consapevole"],
    ),
    (
        IT,
        ["povertà", "povero", "poveri", "poveri in difficoltà", "difficoltà economiche", "crisi"],
        ["difficoltà", "sostegno economico", "centro di ascolto"],
        [],
    ),
    # --- Documents and paperwork -------------------------------------------------------------
    (
        IT,
        ["isee", "dsu", "dichiarazione isee", "modello isee", "calcolo isee", "attestazione isee"],
        ["isee", "sportello isee"],
        [],
    ),
    (
        IT,
        ["caf", "patronato", "730", "dichiarazione dei redditi", "pratiche", "moduli"],
        ["sportello isee", "pratiche", "segretariato sociale"],
        [],
    ),
    (
        IT,
        [
            "spid",
            "identità digitale",
            "cie",
            "carta d'identità elettronica",
            "pin inps",
            "fascicolo sanitario",
            "pagopa",
            "prenotare online",
            "prenotazioni online",
            "app io",
        ],
        ["spid", "facilitazione digitale", "fascicolo sanitario"],
        ["digital-divide"],
    ),
    (
        IT,
        [
            "computer",
            "internet",
            "smartphone",
            "cellulare",
            "email",
            "posta elettronica",
            "usare il computer",
            "corso di computer",
            "informatica",
            "digitale",
        ],
        ["facilitazione digitale", "informatica", "strumenti digitali"],
        ["digital-divide"],
    ),
    (
        IT,
        [
            "carta d'identità",
            "carta di identità",
            "documento d'identità",
            "documenti",
            "passaporto",
            "codice fiscale",
            "tessera sanitaria",
            "residenza",
            "certificati",
            "anagrafe",
        ],
        ["documenti", "segretariato sociale", "sportello di prossimità", "pratiche"],
        [],
    ),
    (
        IT,
        [
            "permesso di soggiorno",
            "permesso",
            "rinnovo permesso",
            "rinnovo del permesso",
            "questura",
            "kit postale",
            "cittadinanza",
            "cittadinanza italiana",
            "ricongiungimento",
            "ricongiungimento familiare",
            "carta di soggiorno",
        ],
        ["permesso di soggiorno", "sportello stranieri", "cittadinanza", "ricongiungimenti"],
        ["cittadini-stranieri"],
    ),
    (
        IT,
        [
            "asilo politico",
            "richiedenti asilo",
            "richiedente asilo",
            "protezione internazionale",
            "rifugiato",
            "rifugiati",
            "rifugiata",
            "profughi",
            "immigrato",
            "immigrata",
            "immigrati",
            "migranti",
            "straniero",
            "straniera",
        ],
        ["stranieri", "sportello stranieri", "mediazione linguistica"],
        ["cittadini-stranieri"],
    ),
    # --- Language ----------------------------------------------------------------------------
    (
        IT,
        [
            "imparare l'italiano",
            "imparare italiano",
            "lezioni di italiano",
            "scuola di italiano",
            "corso italiano",
            "lingua italiana",
            "italiano l2",
            "l2",
            "italiano per adulti",
            "alfabetizzazione",
        ],
        ["corso di italiano", "italiano per stranieri"],
        [],
    ),
    (
        IT,
        [
            "mediatore",
            "mediatrice",
            "mediatori",
            "mediatore culturale",
            "interprete",
            "interpreti",
            "traduttore",
            "traduzione",
            "tradurre",
        ],
        ["mediazione linguistica", "mediazione"],
        [],
    ),
    (
        IT,
        ["lingua dei segni", "sordi", "sordo", "sorda", "non udenti", "linguaggio dei segni"],
        ["lis", "lingua dei segni"],
        [],
    ),
    # --- Work --------------------------------------------------------------------------------
    (
        IT,
        [
            "cercare lavoro",
            "cerco lavoro",
            "trovare lavoro",
            "offerte di lavoro",
            "disoccupato",
            "disoccupata",
            "disoccupati",
            "senza lavoro",
            "impiego",
            "occupazione",
            "posto di lavoro",
            "centro per l'impiego",
            "lavorare",
            "perso il lavoro",
        ],
        ["lavoro", "job club", "orientamento al lavoro"],
        ["orientamento-lavoro"],
    ),
    (
        IT,
        [
            "colloquio di lavoro",
            "colloqui di lavoro",
            "curriculum vitae",
            "scrivere il cv",
            "candidatura",
        ],
        ["curriculum", "colloqui", "cv"],
        [],
    ),
    (
        IT,
        ["tirocinio", "stage", "borsa lavoro", "apprendistato", "tirocinio retribuito"],
        ["tirocini", "inserimenti lavorativi"],
        [],
    ),
    (
        IT,
        [
            "corso di formazione",
            "corsi di formazione",
            "formazione professionale",
            "corso professionale",
            "qualifica professionale",
            "imparare un mestiere",
            "mestiere",
        ],
        ["formazione", "corso", "mestiere"],
        [],
    ),
    (
        IT,
        ["cuoco", "cuoca", "cuochi", "cuoche", "chef", "cucinare", "ristorazione", "haccp"],
        ["cucina", "aiuto cuoco"],
        [],
    ),
    (
        IT,
        ["pizzaiolo", "cameriere", "cameriera", "camerieri", "barista"],
        ["aiuto cuoco", "cucina"],
        [],
    ),
    (
        IT,
        ["falegname", "falegnami", "artigiano", "riparazioni", "aggiustare", "bricolage casa"],
        ["falegnameria", "piccole riparazioni", "mestiere"],
        [],
    ),
    (
        IT,
        ["neet", "giovani senza lavoro", "non studio non lavoro", "abbandono scolastico"],
        ["orientamento", "non studiano e non lavorano"],
        [],
    ),
    (
        IT,
        [
            "mamma che lavora",
            "mamme lavoratrici",
            "lavoro e famiglia",
            "congedo",
            "congedo parentale",
            "maternità",
            "orari di lavoro",
        ],
        ["conciliazione", "congedi"],
        ["conciliazione"],
    ),
    # --- Families, social services -----------------------------------------------------------
    (
        IT,
        [
            "assistente sociale",
            "assistenti sociali",
            "servizi sociali",
            "servizio sociale",
            "sportello sociale",
            "chiedere informazioni",
            "a chi chiedere",
            "orientamento servizi",
        ],
        ["segretariato sociale", "sportello di prossimità", "centro di ascolto"],
        ["segretariato-sociale"],
    ),
    (
        IT,
        [
            "educare i figli",
            "problemi con i figli",
            "figli adolescenti",
            "capricci",
            "pedagogista",
            "essere genitori",
            "scuola per genitori",
            "papà",
            "padri",
        ],
        ["consulenza educativa", "genitori", "gruppo di parola"],
        ["genitorialita"],
    ),
    (
        IT,
        ["separazione", "separati", "divorzio", "mediazione familiare", "litigi in famiglia"],
        ["genitori", "consulenza", "supporto psicologico"],
        [],
    ),
    (
        IT,
        ["violenza", "violenza domestica", "maltrattamenti", "centro antiviolenza"],
        ["centro di ascolto", "supporto psicologico", "antiviolenza"],
        [],
    ),
    (
        IT,
        ["volontario", "volontaria", "volontari", "fare volontariato", "diventare volontario"],
        ["volontariato", "volontari"],
        ["volontariato-giovani"],
    ),
    (
        IT,
        ["quartiere", "vicini di casa", "portineria", "portinaio", "commissioni"],
        ["portierato sociale", "quartiere"],
        [],
    ),
    # === English ============================================================================
    (
        EN,
        ["after school", "afterschool", "after school club", "after school care"],
        ["doposcuola", "pre e post scuola"],
        ["diritto-istruzione"],
    ),
    (
        EN,
        [
            "homework",
            "homework help",
            "homework club",
            "help with homework",
            "study support",
            "school support",
            "tutoring",
            "tutor",
        ],
        ["doposcuola", "aiuto compiti", "sostegno allo studio"],
        ["diritto-istruzione"],
    ),
    (
        EN,
        ["private lessons", "extra lessons", "maths", "math"],
        ["ripetizioni", "matematica"],
        [],
    ),
    (EN, ["dyslexia", "learning difficulties", "learning disability"], ["dsa", "dislessia"], []),
    (
        EN,
        [
            "babysitting",
            "babysitter",
            "baby sitter",
            "nanny",
            "childcare",
            "child care",
            "daycare",
            "day care",
            "nursery",
            "creche",
            "playgroup",
            "toddler",
            "toddlers",
        ],
        ["spazio gioco", "nido", "ludoteca", "pre e post scuola"],
        ["educazione-0-3"],
    ),
    (
        EN,
        ["kindergarten", "preschool", "pre school"],
        ["scuola dell'infanzia", "psicomotricità"],
        [],
    ),
    (
        EN,
        [
            "baby",
            "babies",
            "newborn",
            "newborns",
            "breastfeeding",
            "midwife",
            "pregnancy",
            "pregnant",
        ],
        ["neonati", "allattamento", "ostetrica", "mamma bambino"],
        [],
    ),
    (
        EN,
        ["nappies", "diapers", "baby milk", "formula milk"],
        ["pannolini", "latte in polvere"],
        [],
    ),
    (EN, ["toy library", "playroom", "games", "play"], ["ludoteca", "giochi"], []),
    (EN, ["stories", "story time", "reading", "books"], ["letture", "lettura"], []),
    (
        EN,
        ["summer camp", "summer camps", "day camp", "holiday club", "summer school", "summer"],
        ["centro estivo", "campus"],
        ["centri-estivi"],
    ),
    (EN, ["football", "soccer"], ["calcio"], []),
    (EN, ["basketball"], ["basket"], []),
    (EN, ["volleyball"], ["pallavolo", "minivolley"], []),
    (EN, ["swimming", "swimming pool", "swim"], ["nuoto", "piscina"], []),
    (
        EN,
        ["sports", "gym", "exercise", "fitness", "physical activity"],
        ["sport", "ginnastica"],
        ["sport"],
    ),
    (EN, ["dance", "dancing"], ["danza", "ballo"], []),
    (EN, ["walking", "walks", "walking group"], ["gruppo di cammino", "passeggiate"], []),
    (EN, ["theatre", "theater", "drama", "acting"], ["teatro"], []),
    (EN, ["music", "music lessons", "guitar"], ["musica", "chitarra"], ["musica-arte-teatro"]),
    (EN, ["choir", "singing"], ["coro", "canto"], []),
    (
        EN,
        ["art", "arts and crafts", "crafts", "drawing", "painting", "workshop", "workshops"],
        ["laboratori creativi", "laboratorio", "pittura"],
        ["laboratori"],
    ),
    (EN, ["comics", "comic"], ["fumetto"], []),
    (EN, ["sewing"], ["cucito"], []),
    (EN, ["cinema", "movies", "films"], ["cineforum", "film"], []),
    (EN, ["gardening", "garden", "allotment", "vegetable garden"], ["orti sociali", "orto"], []),
    (EN, ["time bank", "timebank"], ["banca del tempo"], []),
    (
        EN,
        [
            "youth club",
            "youth center",
            "youth centre",
            "teenagers",
            "teens",
            "teenager",
            "young people",
        ],
        ["centro di aggregazione", "adolescenti", "ragazzi", "giovani"],
        [],
    ),
    (
        EN,
        [
            "elderly",
            "older people",
            "seniors",
            "senior",
            "grandparents",
            "old people",
            "pensioners",
        ],
        ["anziani", "over 65", "terza età"],
        ["socialita-anziani"],
    ),
    (
        EN,
        ["loneliness", "lonely", "company", "friendship calls", "befriending"],
        ["telefonata amica", "compagnia", "pomeriggi insieme"],
        ["socialita-anziani"],
    ),
    (EN, ["adult education", "university of the third age"], ["università della terza età"], []),
    (
        EN,
        [
            "food bank",
            "foodbank",
            "food parcel",
            "food parcels",
            "food package",
            "food aid",
            "food help",
            "free food",
            "food",
            "groceries",
            "grocery",
            "hungry",
            "social supermarket",
        ],
        ["pacchi alimentari", "emporio solidale", "mensa solidale"],
        ["sostegno-alimentare"],
    ),
    (
        EN,
        ["soup kitchen", "meal", "meals", "hot meal", "free meal", "lunch"],
        ["mensa solidale", "pasto caldo"],
        ["sostegno-alimentare"],
    ),
    (
        EN,
        ["clothes", "clothing", "second hand clothes", "shoes", "coat", "baby clothes"],
        ["guardaroba solidale", "vestiti"],
        [],
    ),
    (
        EN,
        [
            "doctor",
            "doctors",
            "gp",
            "clinic",
            "medical",
            "medical visit",
            "health",
            "healthcare",
            "health care",
            "illness",
            "sick",
        ],
        ["ambulatorio", "visite mediche", "medico"],
        ["sostegno-sanitario"],
    ),
    (
        EN,
        ["free doctor", "free clinic", "free medical care", "free healthcare"],
        ["ambulatorio medico solidale", "visite mediche gratuite", "medico gratuito"],
        [],
    ),
    (EN, ["dentist", "teeth"], ["ambulatorio", "visite mediche"], []),
    (EN, ["pediatrician", "paediatrician"], ["farmaci pediatrici", "visite mediche"], []),
    (EN, ["medicine", "medicines", "pharmacy", "drugs"], ["farmaci"], ["sostegno-sanitario"]),
    (
        EN,
        [
            "psychologist",
            "psychologists",
            "psychological support",
            "psychological help",
            "psychotherapy",
            "therapist",
            "therapy",
            "counselling",
            "counseling",
            "mental health",
            "anxiety",
            "depression",
            "someone to talk to",
            "grief",
        ],
        ["supporto psicologico", "psicologo", "psicologa"],
        ["supporto-psicologico"],
    ),
    (
        EN,
        [
            "disability",
            "disabilities",
            "disabled",
            "autism",
            "autistic",
            "wheelchair",
            "special needs",
        ],
        ["disabilità", "inclusiva", "sport inclusivo"],
        [],
    ),
    (
        EN,
        ["transport", "lift to hospital", "hospital visits"],
        ["accompagnamento a visite mediche", "trasporto"],
        [],
    ),
    (
        EN,
        [
            "bills",
            "bill",
            "utility bills",
            "electricity",
            "electricity bill",
            "gas bill",
            "energy bill",
            "heating",
        ],
        ["bollette", "bonus luce e gas", "fondo per le emergenze"],
        ["sostegno-economico"],
    ),
    (
        EN,
        ["rent", "pay the rent", "rent arrears", "eviction", "evicted", "landlord"],
        ["affitto", "contributi affitto", "sportello casa"],
        ["smart-house"],
    ),
    (
        EN,
        [
            "housing",
            "house",
            "social housing",
            "council house",
            "public housing",
            "flat",
            "apartment",
            "find a home",
            "home",
        ],
        ["sportello casa", "alloggi popolari", "casa"],
        ["smart-house"],
    ),
    (
        EN,
        ["homeless", "homelessness", "shelter", "night shelter", "place to sleep"],
        ["centro di ascolto", "mensa solidale", "sportello casa"],
        [],
    ),
    (
        EN,
        [
            "money",
            "financial help",
            "financial support",
            "financial aid",
            "cash",
            "benefits",
            "allowance",
            "grant",
            "emergency fund",
        ],
        ["contributi", "fondo per le emergenze", "sostegno economico"],
        ["sostegno-economico"],
    ),
    (EN, ["child benefit", "bonus", "family allowance"], ["assegno unico", "bonus"], []),
    (
        EN,
        ["debt", "debts", "loan", "loans", "budgeting", "budget", "money management", "savings"],
        ["debiti", "sovraindebitamento", "educazione finanziaria", "bilancio di famiglia"],
        ["indebitamento-consapevole"],
    ),
    (EN, ["poverty", "poor", "hardship"], ["difficoltà", "sostegno economico"], []),
    (
        EN,
        ["isee", "means test", "tax return", "paperwork", "forms", "tax assistance"],
        ["sportello isee", "isee", "pratiche"],
        [],
    ),
    (
        EN,
        ["spid", "digital identity", "digital help", "online services", "booking online"],
        ["spid", "facilitazione digitale"],
        ["digital-divide"],
    ),
    (
        EN,
        ["computer", "computer course", "internet", "smartphone", "email", "digital skills"],
        ["facilitazione digitale", "informatica"],
        ["digital-divide"],
    ),
    (
        EN,
        [
            "id card",
            "identity card",
            "identity document",
            "documents",
            "passport",
            "tax code",
            "health card",
            "residency",
            "certificates",
        ],
        ["documenti", "segretariato sociale", "sportello di prossimità"],
        [],
    ),
    (
        EN,
        [
            "residence permit",
            "permit of stay",
            "stay permit",
            "permit renewal",
            "immigration",
            "citizenship",
            "family reunification",
            "visa",
        ],
        ["permesso di soggiorno", "sportello stranieri", "cittadinanza", "ricongiungimenti"],
        ["cittadini-stranieri"],
    ),
    (
        EN,
        [
            "asylum",
            "asylum seeker",
            "asylum seekers",
            "refugee",
            "refugees",
            "migrant",
            "migrants",
            "immigrant",
            "immigrants",
            "foreigner",
            "foreigners",
        ],
        ["stranieri", "sportello stranieri", "mediazione linguistica"],
        ["cittadini-stranieri"],
    ),
    (
        EN,
        [
            "italian course",
            "italian courses",
            "italian lessons",
            "italian classes",
            "italian class",
            "learn italian",
            "learning italian",
            "italian language",
            "italian for foreigners",
            "language course",
            "language school",
        ],
        ["corso di italiano", "italiano per stranieri"],
        [],
    ),
    (
        EN,
        ["interpreter", "translator", "translation", "cultural mediator", "mediator"],
        ["mediazione linguistica", "mediazione"],
        [],
    ),
    (EN, ["sign language", "deaf"], ["lis", "lingua dei segni"], []),
    (
        EN,
        [
            "job",
            "jobs",
            "work",
            "find a job",
            "job search",
            "looking for work",
            "looking for a job",
            "employment",
            "unemployed",
            "unemployment",
            "job centre",
            "job center",
        ],
        ["lavoro", "job club", "orientamento al lavoro"],
        ["orientamento-lavoro"],
    ),
    (
        EN,
        ["cv", "resume", "job interview", "interview", "job application"],
        ["curriculum", "colloqui", "cv"],
        [],
    ),
    (
        EN,
        ["internship", "traineeship", "apprenticeship", "work placement", "paid internship"],
        ["tirocini", "inserimenti lavorativi"],
        [],
    ),
    (
        EN,
        [
            "vocational training",
            "training course",
            "training",
            "course",
            "courses",
            "learn a trade",
        ],
        ["formazione", "corso"],
        [],
    ),
    (
        EN,
        ["cook", "chef", "cooking", "cooking course", "kitchen", "catering"],
        ["cucina", "aiuto cuoco"],
        [],
    ),
    (
        EN,
        ["carpenter", "carpentry", "woodwork", "repairs", "handyman"],
        ["falegnameria", "piccole riparazioni"],
        [],
    ),
    (
        EN,
        ["work life balance", "working parents", "parental leave", "maternity leave"],
        ["conciliazione", "congedi"],
        ["conciliazione"],
    ),
    (
        EN,
        [
            "social worker",
            "social services",
            "information desk",
            "help desk",
            "advice",
            "information",
        ],
        ["segretariato sociale", "sportello di prossimità", "centro di ascolto"],
        ["segretariato-sociale"],
    ),
    (
        EN,
        [
            "parents",
            "parenting",
            "parenting support",
            "parent support",
            "family counselling",
            "fathers",
            "mothers",
        ],
        ["genitori", "consulenza educativa", "gruppo di parola"],
        ["genitorialita"],
    ),
    (
        EN,
        ["domestic violence", "violence", "abuse"],
        ["centro di ascolto", "supporto psicologico", "antiviolenza"],
        [],
    ),
    (
        EN,
        ["volunteer", "volunteers", "volunteering", "become a volunteer"],
        ["volontariato", "volontari"],
        ["volontariato-giovani"],
    ),
    (EN, ["children", "kids", "child"], ["bambini"], []),
    (EN, ["family", "families"], ["famiglie", "famiglia"], []),
    (EN, ["free"], ["gratuito", "gratuiti", "gratis"], []),
]


@dataclass(frozen=True)
class StarterEntry:
    phrase: str
    language: str
    words: tuple[str, ...]
    categories: tuple[str, ...]

    def shipped(self) -> dict:
        return {"words": list(self.words), "categories": sorted(self.categories)}


def entries() -> list[StarterEntry]:
    """The starter list, one entry per phrase (a phrase given twice keeps its first meaning)."""
    seen, result = set(), []
    for language, phrases, words, categories in GROUPS:
        for phrase in phrases:
            if (phrase, language) in seen:
                continue
            seen.add((phrase, language))
            result.append(StarterEntry(phrase, language, tuple(words), tuple(categories)))
    return result


@dataclass
class Loaded:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # edited or added by coordinators: left as they are


def load_starter(synonym_model, category_model) -> Loaded:
    """Bring the starter list into the database without overwriting coordinators' edits.

    Takes the models as arguments so a data migration can pass its historical ones. A row is
    matched by phrase (case ignored) and language; one still holding what the list last
    shipped is updated to the list's new meaning, any other is kept.
    """
    outcome = Loaded()
    categories = dict(category_model.objects.values_list("slug", "pk"))
    rows = synonym_model.objects.prefetch_related("categories")
    existing = {(row.phrase.lower(), row.language): row for row in rows}
    new_rows = []
    for entry in entries():
        slugs = sorted(slug for slug in entry.categories if slug in categories)
        shipped = {"words": list(entry.words), "categories": slugs}
        row = existing.get((entry.phrase.lower(), entry.language))
        if row is None:
            row = synonym_model(
                phrase=entry.phrase,
                language=entry.language,
                words=list(entry.words),
                shipped=shipped,
            )
            new_rows.append((row, slugs))
            continue
        current = {
            "words": list(row.words),
            "categories": sorted(category.slug for category in row.categories.all()),
        }
        if row.shipped is None or current != row.shipped:
            outcome.kept += 1
        elif current == shipped:
            outcome.unchanged += 1
        else:
            row.words, row.shipped = list(entry.words), shipped
            row.save(update_fields=["words", "shipped", "updated_at"])
            row.categories.set([categories[slug] for slug in slugs])
            outcome.updated += 1
    synonym_model.objects.bulk_create([row for row, _ in new_rows], batch_size=500)
    links = synonym_model.categories.through
    links.objects.bulk_create(
        [
            links(searchsynonym_id=row.pk, category_id=categories[slug])
            for row, slugs in new_rows
            for slug in slugs
        ],
        batch_size=1000,
    )
    outcome.created = len(new_rows)
    return outcome
