"""The words of a query that say nothing about what is looked for, dropped before matching.

Families type sentences ("dove posso trovare un doposcuola per mio figlio", "where can I find
help for my kids"): the articles, prepositions, pronouns, question words and verbs of asking
in them are in no listing, and when every word had to match they turned a good query into no
results. ``STOP_WORDS`` holds them in Italian and English, as ``text.normalize`` leaves them
(lower case, no accents). A query made only of them keeps them (``text.query_words``), so
"come" alone still searches for something.

What belongs here: words that never name a need, a service, a place or an age ("cerco",
"vorrei", "posso", "the", "need"). What does not: words that do, however common ("aiuto",
"bambini", "casa", "help", "kids"): those are matched, and the forgiving search
(``directory.search.forgiving``) ranks by how many of them an activity holds. Language names
("arabo", "in inglese") are read apart (``directory.search.language_words``). Numbers stay
("calcio under 10", "legge 104"); "anni" goes (the age has its own filter).
"""

ITALIAN = """
a ad al allo alla ai agli alle all
da dal dallo dalla dai dagli dalle dall
di del dello della dei degli delle dell
in nel nello nella nei negli nelle nell
su sul sullo sulla sui sugli sulle sull
con col coi per tra fra verso presso senza
il lo la i gli le l un uno una un
e ed o od ma anche oppure pure se perche poi gia ancora solo
che chi cui cosa quale quali quanto quanta quanti quante quando dove come
io tu lui lei noi voi loro me te mi ti ci vi si ne ce
mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri nostre
vostro vostra vostri vostre
questo questa questi queste quello quella quelli quelle qui qua li la
sono sei siamo siete era e ho hai ha abbiamo avete hanno c
fa faccio fanno riesco riesce riusciamo riescono
posso puoi puo possiamo potete possono potrei potremmo
voglio vuoi vuole vogliamo vorrei vorremmo
devo deve dobbiamo
cerco cerchiamo cercando cercare trovo trovare trovarne
serve servono servirebbe bisogno necessito
qualche qualcosa qualcuno qualcuna
c e ci sta stanno esiste esistono
molto poco tanto tutto tutti tutte ogni
non piu meno
grazie ciao salve buongiorno buonasera
info informazioni sapere vicino vicini zona
anni anno attivita cose
"""

ENGLISH = """
a an the of for to in on at by with from into about near nearby around
and or but also if so
i me my mine we us our ours you your he him his she her they them their it its
this that these those there here
is are was were be been being am do does did
can could may might would should will shall must
need needs needed want wants wanted looking look find finding search searching
where what which who whom how when why
some any all every each
please hi hello thanks
info information
years year old activity activities things
"""

STOP_WORDS = frozenset(ITALIAN.split()) | frozenset(ENGLISH.split())

# "vicino casa", "sotto casa", "near home", "close to my home": where, not what. The place is
# the remembered municipality's business (``directory.search.nearby``); as a word, "casa"
# would look for housing desks and company for the elderly, and its many alternatives made
# such a query the slowest of the benchmark's sentences.
NEAR = frozenset({"vicino", "vicina", "vicini", "sotto", "near", "close", "nearby", "around"})
HOME = frozenset({"casa", "home"})


def is_filler(word: str) -> bool:
    """A word that says nothing about what is looked for (``STOP_WORDS``)."""
    return word in STOP_WORDS


def without_near_home(words: list[str]) -> list[str]:
    """The words without the phrases saying "near where I live" (``NEAR`` then, with only
    filler between, ``HOME``): "spesa gratis vicino a casa" is "spesa gratis"."""
    dropped = set()
    for index, word in enumerate(words):
        if word not in HOME:
            continue
        for before in range(index - 1, -1, -1):
            if words[before] in NEAR:
                dropped.update(range(before, index + 1))
                break
            if not is_filler(words[before]):
                break
    return [word for index, word in enumerate(words) if index not in dropped]
