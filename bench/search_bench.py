"""Replay a fixed mix of searches on /cerca/ and report server time, SQL queries and HTML size.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/search_bench.py [--repeat 3] [--only distance] [--match aperto_ora]
        .venv/bin/python bench/search_bench.py --combine bench/results/search-A.json …

Runs in-process through Django's test client on the real database of DATABASE_URL (no test
database), with production settings (``bench.settings``: DEBUG off). Every URL is requested
once to warm up, then ``--repeat`` times timed (the time around ``client.get``, so middleware,
view, SQL and template rendering). Prints p50/p95 per category and overall, SQL queries per page
(CaptureQueriesContext) and the HTML size of the results pages; writes everything, with the
slowest URLs, as JSON to bench/results/.

The whole mix takes minutes; on a shared machine it may be run in parts (``--only`` takes
several categories, comma-separated) and the parts' JSON files read back together with
``--combine``, which prints the same table and slowest URLs over all their samples.
"""

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from directory.models import Activity, Municipality, Organization, Zone  # noqa: E402

COMMON_WORDS = ["bambini", "aiuto", "corso", "calcio", "doposcuola", "italiano"]
COMMON_PHRASES = [
    "bambini calcio",
    "aiuto compiti",
    "corsi",
    "attivita bambini",
    "corso di italiano",
    "centro estivo",
    "sport ragazzi",
    "aiuto alimentare",
    "famiglie",
    "sportello",
]
RARE_WORDS = [
    "robotica",
    "pedibus",
    "microcredito",
    "fumetto",
    "arrampicata",
    "tombolata",
    "massaggio infantile",
    "farmaco sospeso",
    "sala prove",
    "mediazione familiare",
    "rugby",
    "banda musicale",
    "Buccinasco",
    "girasole",
    "melograno",
    "bollette",
    "psicomotricità",
    "primo soccorso",
    "fattoria",
    "ludoteca",
]
TYPOS = [
    "calco",
    "doposcula",
    "bambni",
    "italino",
    "ludotca",
    "pallavollo",
    "robbotica",
    "alimentere",
    "psicologgico",
    "arrampicatta",
    "centro estvo",
    "corso di inglse",
]
# Whole sentences as families type them (4 to 7 words, filler, no accents, some typos): the
# forgiving fallback (``directory.search.forgiving``) answers those whose words no activity holds
# all together.
SENTENCES = [
    "cerco un doposcuola per mio figlio",
    "dove posso trovare aiuto compiti",
    "corso di italiano per stranieri adulti",
    "centro estivo per bambini di 6 anni",
    "aiuto per pagare le bollette",
    "mio figlio ha bisogno di uno psicologo",
    "vorrei iscrivere mia figlia a pallavolo",
    "dove fare la spesa gratis vicino casa",
    "corsi di calcio per bambini piccoli",
    "attivita per anziani soli il pomeriggio",
    "come si fa l isee per il bonus",
    "cerco lavoro come aiuto cuoco",
    "scuola di musica per ragazzi e adulti",
    "laboratorio di teatro per bambini timidi",
    "aiuto con i compiti di matematica",
    "sostegno per ragazzi con dislessia a scuola",
    "dove posso rinnovare il permesso di soggiorno",
    "cerco vestiti per neonato gratis",
    "mensa per chi non ha soldi",
    "pacchi alimentari per famiglie in difficolta",
    "visite mediche gratis senza medico di base",
    "ginnastica dolce per mia nonna",
    "spazio gioco per bimbi di due anni",
    "corso di fumetto per ragazzi delle medie",
    "volontariato per ragazzi durante l estate",
    "sportello per chi cerca casa in affitto",
    "aiuto per fare lo spid online",
    "consulenza per genitori di adolescenti difficili",
    "gruppo di cammino per over 65",
    "ripetizioni di inglese per le superiori",
    "dove posso imparare un mestiere manuale",
    "corso di cucina con tirocinio finale",
    "orto da coltivare in citta",
    "attivita gratuite per famiglie la domenica",
    "sport per ragazzi con disabilita motoria",
    "psicomotricita per bambini di quattro anni",
    "centro di ascolto per famiglie in difficolta",
    "corsi serali di italiano per mamme",
    "ho troppi debiti e non so cosa fare",
    "cerco un tirocinio retribuito per mio figlio",
    "doposcuola in arabo per le medie",
    "sportello stranieri in lingua ucraina",
    "letture ad alta voce il sabato mattina",
    "allattamento e pesata del neonato",
    "pannolini e latte in polvere gratis",
    "trasporto per visite mediche anziani",
    "ludoteca con giochi da tavolo per bambini",
    "basket per ragazzi under 14",
    "corso base di lingua dei segni",
    "banca del tempo nel mio quartiere",
]
ENGLISH = [
    "after school club for my son",
    "homework help for kids",
    "football for children",
    "summer camp",
    "food bank near me",
    "free meals for families",
    "italian course for foreigners",
    "residence permit renewal help",
    "looking for a job",
    "psychologist for teenagers",
    "activities for the elderly",
    "free doctor without insurance",
    "second hand clothes for babies",
    "help paying my bills",
    "music school for children",
    "sign language course",
    "activities in arabic",
    "services in ukrainian",
    "playgroup for toddlers",
    "volunteering for young people",
]
# English queries (issue 11): found through the thesaurus (directory.search.thesaurus) and the
# categories' English names. Kept apart from the Italian lists, which other work extends.
ENGLISH_QUERIES = [
    "after school",
    "homework help",
    "food bank",
    "food parcel",
    "babysitting",
    "italian course",
    "job",
    "rent",
    "psychologist",
    "summer camp",
    "football",
    "swimming lessons",
    "free doctor",
    "residence permit",
    "help with bills",
    "youth club",
    "elderly company",
    "parenting support",
    "job interview cv",
    "sign language",
]
# Italian everyday words the thesaurus widens to the listings' words and categories: phrases,
# professions, documents, bills.
SYNONYM_QUERIES = [
    "compiti",
    "permesso di soggiorno",
    "cuoca",
    "asilo nido",
    "psicologa",
    "bollette",
    "affitto",
    "spesa",
    "cerco lavoro",
    "carta d'identità",
    "spid",
    "nonni",
    "grest",
    "dentista",
    "vestiti",
]
CITIES = {
    "Milano": (45.4642, 9.1900),
    "Roma": (41.9028, 12.4964),
    "Napoli": (40.8518, 14.2681),
    "Torino": (45.0703, 7.6869),
    "Buccinasco": (45.4178, 9.1119),
    "Bologna": (44.4949, 11.3426),
    "Palermo": (38.1157, 13.3615),
    "Firenze": (43.7696, 11.2558),
}
BANDS = ["0-3", "3-6", "6-11", "11-14", "14-18", "adulti", "anziani"]
CATEGORIES = [
    "sport",
    "seminare-futuro",
    "sostegno-alimentare",
    "cittadini-stranieri",
    "emergenze",
    "socialita",
    "diritto-istruzione",
    "centri-estivi",
    "formazione",
    "supporto-psicologico",
]
DAYS = ["lun", "mar", "mer", "gio", "ven", "sab", "dom"]
HOURS = ["09:00", "10:00", "15:00", "16:30", "17:00", "18:00"]
LANGUAGES = ["it", "en", "ar", "fr", "uk"]


# What a family reading the site in another language types (``/en/cerca/``, ``/uk/cerca/``…):
# the words are also looked up in the listings' translations into it.
IN_PAGE_LANGUAGE = {
    "uk": ["курси італійської мови", "футбол для дітей"],
    "ar": ["دروس اللغة الإيطالية", "مساعدة غذائية"],
    "fr": ["cours de italien", "aide aux devoirs"],
    "es": ["clases de italiano", "ayuda alimentaria"],
    "ro": ["curs de italiană", "ajutor la teme"],
    "sq": ["kurs italisht", "ndihmë ushqimore"],
    "zh-hans": ["意大利语课程", "足球"],
}


def url(language="it", **params):
    path = "/cerca/" if language == "it" else f"/{language}/cerca/"
    return f"{path}?{urlencode(params)}" if params else path


def build_mix(seed: int) -> list[tuple[str, str]]:
    """[(category, url)], fixed for a seed and a database."""
    rng = random.Random(seed)
    big = ["015146", "058091", "063049", "001272", "037006", "082053"]  # MI RM NA TO BO PA
    comuni = [c for c in big if Municipality.objects.filter(istat_code=c).exists()]
    comuni += list(
        Municipality.objects.filter(locations__isnull=False)
        .order_by("istat_code")
        .values_list("istat_code", flat=True)
        .distinct()[::400][:10]
    )
    zones = list(Zone.objects.order_by("slug").values_list("slug", flat=True)[::40][:10])
    mix = []

    # Text, very common words: the hard case for ranking.
    for word in COMMON_WORDS + COMMON_PHRASES:
        mix.append(("text_common", url(q=word)))
    for word in COMMON_WORDS:
        mix.append(("text_common", url(q=word, ordine="nome")))
    for word in COMMON_WORDS:
        mix.append(("text_common", url(q=word, comune=rng.choice(comuni))))
    for word in COMMON_WORDS[:4]:
        mix.append(("text_common", url(q=word, eta=rng.randint(4, 12))))

    # Text, rare words and typos.
    for word in RARE_WORDS:
        mix.append(("text_rare", url(q=word)))
    for word in RARE_WORDS[:10]:
        mix.append(("text_rare", url(q=word, fascia=rng.choice(BANDS))))
    for word in TYPOS:
        mix.append(("typos", url(q=word)))
    for word in TYPOS[:6]:
        mix.append(("typos", url(q=word, gratis=1)))

    # Whole sentences and English: the forgiving fallback, language names, the thesaurus.
    for sentence in SENTENCES:
        mix.append(("sentences", url(q=sentence)))
    # Words the thesaurus widens, Italian and English.
    for words in SYNONYM_QUERIES:
        mix.append(("synonyms", url(q=words)))
    for words in SYNONYM_QUERIES[:6]:
        mix.append(("synonyms", url(q=words, comune=rng.choice(comuni))))
    for words in ENGLISH + ENGLISH_QUERIES:
        mix.append(("english", url(q=words)))
    # Pages in the other languages: the words in the page's language (its translations too).
    for words in ENGLISH_QUERIES[:10]:
        mix.append(("languages", url("en", q=words)))
    for language, queries in IN_PAGE_LANGUAGE.items():
        for words in queries:
            mix.append(("languages", url(language, q=words)))

    # Filters without text (including the empty search: the whole directory).
    mix.append(("filters", url()))
    for band in BANDS:
        mix.append(("filters", url(fascia=band)))
    for age in (2, 5, 8, 10, 13, 16, 40, 70):
        mix.append(("filters", url(eta=age)))
    for slug in CATEGORIES:
        mix.append(("filters", url(categoria=slug)))
    for code in comuni:
        mix.append(("filters", url(comune=code)))
    for slug in zones:
        mix.append(("filters", url(zona=slug)))
    for day in DAYS:
        mix.append(("filters", url(giorno=day)))
        mix.append(("filters", url(giorno=day, ora=rng.choice(HOURS))))
    mix.append(("filters", url(aperto_ora=1)))
    mix.append(("filters", url(gratis=1)))
    mix.append(("filters", url(accessibile=1)))
    mix.append(("filters", url(modalita="presenza")))
    mix.append(("filters", url(modalita="remoto")))
    for code in LANGUAGES:
        mix.append(("filters", url(lingua=code)))
    for _ in range(12):
        params = {
            "eta": rng.randint(3, 14),
            "categoria": rng.choice(CATEGORIES),
            rng.choice(["gratis", "accessibile", "aperto_ora"]): 1,
        }
        if rng.random() < 0.5:
            params["comune"] = rng.choice(comuni)
        if rng.random() < 0.5:
            params["giorno"] = rng.choice(DAYS)
        mix.append(("filters", url(**params)))

    # Distance.
    for name, (lat, lon) in CITIES.items():
        near = f"{lat},{lon}"
        mix.append(("distance", url(vicino=near)))
        mix.append(("distance", url(vicino=near, raggio=5, ordine="distanza")))
        mix.append(("distance", url(vicino=near, raggio=25, ordine="distanza")))
        mix.append(("distance", url(vicino=near, raggio=2, q=rng.choice(COMMON_WORDS))))
        mix.append(
            (
                "distance",
                url(vicino=near, raggio=10, eta=rng.randint(4, 12), ordine="distanza"),
            )
        )
        mix.append(
            ("distance", url(vicino=near, raggio=50, q=rng.choice(RARE_WORDS), ordine="distanza"))
        )
        if name == "Buccinasco":
            mix.append(("distance", url(vicino=near, raggio=10, eta=8, giorno="sab", ora="10:00")))

    # Later pages.
    for word in COMMON_WORDS:
        mix.append(("pages", url(q=word, pagina=2)))
        mix.append(("pages", url(q=word, pagina=5)))
    for band in BANDS[:5]:
        mix.append(("pages", url(fascia=band, pagina=5)))
    for slug in CATEGORIES[:5]:
        mix.append(("pages", url(categoria=slug, pagina=3)))
    for name in list(CITIES)[:5]:
        lat, lon = CITIES[name]
        mix.append(("pages", url(vicino=f"{lat},{lon}", raggio=20, ordine="distanza", pagina=4)))
    mix.append(("pages", url(pagina=50)))
    mix.append(("pages", url(pagina=500)))

    # Detail pages (not results pages: reported apart, for their query count).
    activities = Activity.objects.public().order_by("pk").values_list("slug", flat=True)
    count = activities.count()
    for index in sorted(rng.sample(range(count), min(15, count))):
        mix.append(("detail", f"/attivita/{activities[index]}/"))
    organizations = Organization.objects.published().order_by("pk").values_list("slug", flat=True)
    count = organizations.count()
    for index in sorted(rng.sample(range(count), min(5, count))):
        mix.append(("detail", f"/enti/{organizations[index]}/"))
    return mix


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


TOTAL = re.compile(rb'data-total="(\d+)"')


def run(mix, repeat, client, remembered=""):
    """``remembered``: the ISTAT code of the family's municipality the browser keeps
    (``directory.home_place``), sent with every request ("" none: the cookie a search with
    ``comune`` sets is cleared before the next one)."""
    from directory.home_place import COOKIE

    def get(path):
        client.cookies.pop(COOKIE, None)
        if remembered:
            client.cookies[COOKIE] = remembered
        return client.get(path)

    samples = []
    for _category, path in mix:  # warm-up
        response = get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    for _ in range(repeat):
        for category, path in mix:
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = get(path)
                elapsed = (time.perf_counter() - started) * 1000
            match = TOTAL.search(response.content)
            samples.append(
                {
                    "category": category,
                    "url": path,
                    "ms": round(elapsed, 2),
                    "sql_ms": round(
                        sum(float(q["time"]) for q in queries.captured_queries) * 1000, 2
                    ),
                    "queries": len(queries),
                    "html_bytes": len(response.content),
                    "total": int(match.group(1)) if match else None,
                }
            )
    return samples


def summarize(samples):
    def stats(rows):
        times = [r["ms"] for r in rows]
        sizes = [r["html_bytes"] for r in rows]
        return {
            "requests": len(rows),
            "p50_ms": round(percentile(times, 0.5), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
            "p99_ms": round(percentile(times, 0.99), 1),
            "max_ms": round(max(times), 1),
            "sql_p50_ms": round(percentile([r["sql_ms"] for r in rows], 0.5), 1),
            "queries_max": max(r["queries"] for r in rows),
            "queries_p50": statistics.median(r["queries"] for r in rows),
            "html_p95_kb": round(percentile(sizes, 0.95) / 1024, 1),
            "html_max_kb": round(max(sizes) / 1024, 1),
        }

    categories = {}
    for row in samples:
        categories.setdefault(row["category"], []).append(row)
    summary = {name: stats(rows) for name, rows in categories.items()}
    results = [r for r in samples if r["category"] != "detail"]
    summary["ALL results pages"] = stats(results)
    return summary


def print_table(summary):
    columns = [
        ("category", 18),
        ("requests", 8),
        ("p50_ms", 7),
        ("p95_ms", 7),
        ("p99_ms", 7),
        ("max_ms", 7),
        ("sql_p50_ms", 10),
        ("queries_max", 11),
        ("html_p95_kb", 11),
        ("html_max_kb", 11),
    ]
    print(" ".join(name.rjust(width) for name, width in columns))
    for name, values in summary.items():
        cells = [name.rjust(columns[0][1])]
        cells += [str(values[key]).rjust(width) for key, width in columns[1:]]
        print(" ".join(cells))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the mix")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--only", help="only these categories of the mix (comma-separated: sentences,english)"
    )
    parser.add_argument(
        "--combine",
        nargs="+",
        type=Path,
        metavar="JSON",
        help="run nothing: report over the samples of these result files (parts of one mix)",
    )
    parser.add_argument(
        "--match",
        action="append",
        default=[],
        help="only the URLs holding this text (repeatable: any of them), e.g. aperto_ora",
    )
    parser.add_argument("--slowest", type=int, default=10, help="how many slow URLs to list")
    parser.add_argument(
        "--remembered",
        default="",
        help="ISTAT code of a remembered municipality, sent as the cookie with every request",
    )
    args = parser.parse_args()
    if args.combine:
        combine(args.combine, args.slowest)
        return

    mix = build_mix(args.seed)
    if args.only:
        mix = [(c, u) for c, u in mix if c in args.only.split(",")]
    if args.match:
        mix = [(c, u) for c, u in mix if any(text in u for text in args.match)]
    results_pages = sum(1 for c, _ in mix if c != "detail")
    print(f"{len(mix)} URLs ({results_pages} results pages), {args.repeat} timed passes")
    client = Client()
    samples = run(mix, args.repeat, client, args.remembered)
    summary = summarize(samples)
    print_table(summary)
    slowest = slowest_urls(samples, args.slowest)
    print_slowest(slowest)

    counts = {
        "activities": Activity.objects.count(),
        "organizations": Organization.objects.count(),
    }
    output = ROOT / "bench" / "results"
    output.mkdir(exist_ok=True)
    path = output / f"search-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(
        json.dumps(
            {
                "database": counts,
                "repeat": args.repeat,
                "urls": len(mix),
                "summary": summary,
                "slowest": slowest,
                "samples": samples,
            },
            indent=1,
        )
    )
    print(f"\n{counts['activities']} activities, {counts['organizations']} organizations")
    print(f"written {path.relative_to(ROOT)}")


def combine(paths, how_many):
    """The table and the slowest URLs over the samples of several runs (parts of one mix)."""
    samples, urls = [], 0
    for path in paths:
        data = json.loads(path.read_text())
        samples += data["samples"]
        urls += data["urls"]
    print(f"{len(paths)} runs, {urls} URLs, {len(samples)} samples")
    print_table(summarize(samples))
    print_slowest(slowest_urls(samples, how_many))


def slowest_urls(samples, how_many):
    by_url = {}
    for row in samples:
        by_url.setdefault(row["url"], []).append(row)
    return sorted(
        (
            {
                "url": path,
                "category": rows[0]["category"],
                "median_ms": round(statistics.median(r["ms"] for r in rows), 1),
                "sql_ms": round(statistics.median(r["sql_ms"] for r in rows), 1),
                "queries": rows[0]["queries"],
                "total": rows[0]["total"],
            }
            for path, rows in by_url.items()
        ),
        key=lambda r: -r["median_ms"],
    )[:how_many]


def print_slowest(slowest):
    print("\nslowest URLs (median ms, of which SQL ms, queries, results):")
    for row in slowest:
        print(
            f"  {row['median_ms']:7.1f} {row['sql_ms']:7.1f} {row['queries']:3} "
            f"{row['total']!s:>7}  {row['url']}"
        )


if __name__ == "__main__":
    main()
