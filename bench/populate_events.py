"""Add events to a directory filled by populate.py: 15,000 events of random organizations (about
95 % published, the others drafts), each with 1–4 sessions over the last 30 and the next 90 days.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/populate_events.py [--seed 19] [--events 15000]

The search page looks for coming events on every query with words (``directory.event_search``):
without events its cost at national scale is not known. Titles and summaries are drawn from the
activities' own vocabulary (``populate.py``'s kinds: "Laboratorio di …", "Open day del calcio
per bambini") so that common search words match some events, as they would in a real network.
A few events are cancelled or drafts, a few sessions cancelled or moved, as the calendar has
them. ``--dry-run`` does it all and rolls back.

Deterministic for a seed and a day (dates are relative to today); it only INSERTs into the
event tables (events, their categories, sessions) and ANALYZEs them, and refuses to run on a
database that already has events. Rows go in with ``COPY`` in one transaction, ids chosen here.
"""

import argparse
import os
import random
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils.text import slugify  # noqa: E402

from bench.populate import KINDS  # noqa: E402
from bench.populate_network import Loader, log  # noqa: E402
from directory.models import Event, EventSession  # noqa: E402

ROME = ZoneInfo("Europe/Rome")
DAYS_BACK, DAYS_AHEAD = 30, 90
# What an event is, before the kind's head ("Laboratorio di judo", "Open day: Nuoto").
EVENT_FORMS = [
    "Laboratorio di {head}",
    "Open day: {head}",
    "Giornata di prova: {head}",
    "Festa di fine corso: {head}",
    "Incontro per le famiglie: {head}",
    "Presentazione del corso di {head}",
    "{head}: lezione aperta",
    "{head} in piazza",
    "Torneo di {head}",
    "{head}, serata informativa",
]
EVENT_SUMMARIES = [
    "Un pomeriggio per conoscerci e provare insieme.",
    "Ingresso libero, adatto a tutta la famiglia.",
    "Con merenda per i bambini alla fine.",
    "Presentiamo le attività dell'anno e rispondiamo alle domande dei genitori.",
    "Posti limitati: è consigliata l'iscrizione.",
    "In caso di pioggia si svolge al coperto.",
    "Una mattinata di giochi, laboratori e musica.",
    "Per ragazzi e adulti, anche principianti.",
]
STARTS = [dtime(h, m) for h in (9, 10, 15, 16, 17, 18, 20) for m in (0, 30)]


def populate(seed: int, events: int, dry_run: bool = False) -> None:
    started = time.monotonic()
    rng = random.Random(seed)
    today = date.today()
    now = datetime.now(ROME).replace(microsecond=0)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM directory_event LIMIT 1")
        if cursor.fetchone():
            sys.exit("This database already has events. Not run twice.")
        cursor.execute(
            "SELECT DISTINCT ON (l.organization_id) l.organization_id, l.id "
            "FROM directory_location l JOIN directory_organization o ON o.id = l.organization_id "
            "WHERE l.kind = 'physical' AND o.status = 'published' ORDER BY l.organization_id, l.id"
        )
        places = cursor.fetchall()
        if not places:
            sys.exit("No organizations: run bench/populate.py first.")
        cursor.execute("SELECT id, slug FROM directory_category")
        categories = {slug: pk for pk, slug in cursor.fetchall()}
        log(started, f"read {len(places):,} organizations with a place")
        load = Loader(cursor, started)
        event_rows, category_rows, session_rows = [], [], []
        event_ids = load.ids("directory_event", events)
        weights = [k["weight"] for k in KINDS]
        for event_id in event_ids:
            organization, location = rng.choice(places)
            kind = rng.choices(KINDS, weights)[0]
            head = rng.choice(kind["heads"])
            form = rng.choice(EVENT_FORMS)
            title = form.format(head=head.lower() if form[0] != "{" else head)
            tail = rng.choice(kind.get("tails", [""]))
            if tail and rng.random() < 0.5:
                title = f"{title} {tail}"
            summary = rng.choice(kind["summaries"] + EVENT_SUMMARIES)
            minimum, maximum = rng.choice(kind.get("ages") or [(None, None)])
            cancelled = rng.random() < 0.03
            published = "published" if rng.random() < 0.95 else "draft"
            event_rows.append(
                (
                    event_id,
                    uuid.UUID(int=rng.getrandbits(128), version=4),
                    title[:200],
                    f"{slugify(title)[:180]}-{event_id}",
                    summary,
                    "Un evento aperto alle famiglie del territorio.",
                    minimum,
                    maximum,
                    True,
                    "",
                    rng.choice(["walk_in", "walk_in", "sign_up"]),
                    rng.choice([None, None, 20, 30, 50]),
                    "",
                    "cancelled" if cancelled else "scheduled",
                    "Annullato per maltempo." if cancelled else "",
                    published,
                    now,
                    now,
                    None,
                    organization,
                    None,
                    "",
                )
            )
            for slug in kind["categories"]:
                if slug in categories:
                    category_rows.append((event_id, categories[slug]))
            first = today + timedelta(days=rng.randint(-DAYS_BACK, DAYS_AHEAD))
            weekly = rng.random() < 0.5
            for n in range(rng.choice([1, 1, 2, 3, 4])):
                day = first + timedelta(days=7 * n if weekly else n)
                if day > today + timedelta(days=DAYS_AHEAD):
                    break
                starts = rng.choice(STARTS)
                ends = dtime(starts.hour + rng.choice([1, 2]), starts.minute)
                roll = rng.random()
                status = "cancelled" if roll < 0.02 else "moved" if roll < 0.04 else "scheduled"
                session_rows.append(
                    (
                        uuid.UUID(int=rng.getrandbits(128), version=4),
                        day,
                        starts,
                        ends,
                        "",
                        status,
                        day - timedelta(days=1) if status == "moved" else None,
                        "",
                        event_id,
                        location,
                    )
                )
        load.copy(
            "directory_event",
            [
                "id",
                "uuid",
                "title",
                "slug",
                "summary",
                "description",
                "min_age",
                "max_age",
                "is_free",
                "fee_description",
                "admission",
                "capacity",
                "accessibility",
                "status",
                "notice",
                "publication_status",
                "created_at",
                "updated_at",
                "activity_id",
                "organization_id",
                "internal_network_id",
                "minutes",
            ],
            event_rows,
        )
        ids = load.ids("directory_event_categories", len(category_rows))
        load.copy(
            "directory_event_categories",
            ["id", "event_id", "category_id"],
            [(pk, *row) for pk, row in zip(ids, category_rows, strict=True)],
        )
        ids = load.ids("directory_eventsession", len(session_rows))
        load.copy(
            "directory_eventsession",
            [
                "id",
                "uuid",
                "date",
                "starts_at",
                "ends_at",
                "online_url",
                "status",
                "moved_from",
                "note",
                "event_id",
                "location_id",
            ],
            [(pk, *row) for pk, row in zip(ids, session_rows, strict=True)],
        )
        load.reset_sequences()
        for table in load.next:
            cursor.execute(f"ANALYZE {table}")
        log(started, "analysed")
        check(rng, event_ids)
        if dry_run:
            transaction.set_rollback(True)
            log(started, "checked; rolled back (--dry-run)")
            return
    log(started, "checked; done")


def check(rng, event_ids):
    """The rows are valid as the models say (``full_clean`` of 50 events and their sessions)."""
    sample = rng.sample(event_ids, 50)
    invalid = []
    rows = list(Event.objects.filter(pk__in=sample)) + list(
        EventSession.objects.filter(event__in=sample)
    )
    for row in rows:
        try:
            row.full_clean(validate_unique=False)
        except ValidationError as error:
            invalid.append(f"{row._meta.db_table} {row.pk}: {error}")
    assert not invalid, "\n".join(invalid)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--events", type=int, default=15_000)
    parser.add_argument("--dry-run", action="store_true", help="roll back at the end")
    args = parser.parse_args()
    populate(args.seed, args.events, args.dry_run)


if __name__ == "__main__":
    main()
