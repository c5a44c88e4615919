"""Add the network to a directory filled by populate.py: desks and their year, referrals, calls,
volunteers, trainings, pending changes, one 500-activity organization and the benchmark users.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/populate_network.py [--seed 18] [--desks 2500]

Deterministic for a seed and a day (dates are relative to today); refuses to run twice (the
user ``bench-coordinatore`` marks a populated database). Rows go in with ``COPY`` in one
transaction, ids chosen here (the sequences are moved past them at the end). Personal data is
obviously fake: ``Persona Prova 123``, ``@example.invalid``, phone numbers ``+39 000 …``.
Users signing in with the password ``linkrete-bench``: ``bench-coordinatore`` (coordinator,
staff of the admin), ``bench-ente`` (manager of the 500-activity organization),
``bench-operatore`` (operator of the busy desk).
"""

import argparse
import os
import random
import sys
import time
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from directory.models import Activity, Organization, Revision  # noqa: E402
from directory.search.documents import refresh_search_documents  # noqa: E402
from directory.staff.revision_kinds import kind_of  # noqa: E402
from linkrete.accounts import roles  # noqa: E402
from sportelli.models import CODE_ALPHABET, CODE_LENGTH, TOPIC_TAXONOMY, Booking, Desk  # noqa: E402

PASSWORD = "linkrete-bench"
MARKER = "bench-coordinatore"
ROME = ZoneInfo("Europe/Rome")
BIG_ACTIVITIES = 500
BUSY_BOOKINGS = 5600
REFERRALS = 100_000
PENDING_REVISIONS = 5000
CALLS = 15_000
VOLUNTEER_ORGS = 30_000
TRAINING_ORGS = 10_000
BOARD_POSTS = 5000
WRITERS = 8000
DAYS_BACK, DAYS_AHEAD = 365, 28
BUSY_SLUG = "bench-sportello-milano-centro"


class Loader:
    """Ids per table (after the largest there) and COPY of rows, each a tuple of columns."""

    def __init__(self, cursor, started):
        self.cursor, self.started, self.next, self.first = cursor, started, {}, {}

    def ids(self, table, n):
        if table not in self.next:
            self.cursor.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")
            self.next[table] = self.first[table] = self.cursor.fetchone()[0]
        first = self.next[table]
        self.next[table] += n
        return range(first, first + n)

    def copy(self, table, columns, rows):
        count = 0
        with self.cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
        log(self.started, f"{table}: {count:,} rows")

    def reset_sequences(self):
        for table in self.next:
            self.cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
            )


def log(started, message):
    print(f"[{time.monotonic() - started:6.1f}s] {message}", flush=True)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, dtime(hour, minute), ROME)


def booking_code(n: int) -> str:
    # Sequential in base 27, so unique; the real ones are random in the same alphabet.
    base, chars = len(CODE_ALPHABET), []
    for _ in range(CODE_LENGTH):
        n, digit = divmod(n, base)
        chars.append(CODE_ALPHABET[digit])
    return "".join(reversed(chars))


def populate(seed: int, desks: int) -> None:
    started = time.monotonic()
    rng = random.Random(seed)
    today = date.today()
    now = datetime.now(ROME).replace(microsecond=0)
    call_command("sync_roles", verbosity=0)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM accounts_user WHERE username = %s", [MARKER])
        if cursor.fetchone():
            sys.exit(f"{MARKER} exists: this database already has the network. Not run twice.")
        if not Organization.objects.exists():
            sys.exit("No organizations: run bench/populate.py first.")
        load = Loader(cursor, started)
        ref = references(cursor, rng)
        log(started, f"read {len(ref['places']):,} organizations with a place")
        big = big_organization(cursor, rng, ref)
        log(started, f"organization {big['id']} has {BIG_ACTIVITIES} activities")
        users = make_users(load, rng, ref, big, desks, now)
        desk_rows = make_desks(load, rng, ref, big, users, desks, now)
        make_bookings_and_accesses(load, rng, ref, desk_rows, users, today)
        make_referrals(load, rng, ref, big, desk_rows, users, now)
        make_calls(load, rng, ref, big, users, today, now)
        make_volunteers_and_training(load, rng, ref, big, users, today, now)
        make_board(load, rng, ref, big, users, now)
        load.reset_sequences()
        make_revisions(rng, ref, big, users)
        log(started, "revisions: done")
        # Statistics before the check: the planner takes the new tables for empty otherwise.
        for table in list(load.next) + ["directory_revision", "directory_activity"]:
            cursor.execute(f"ANALYZE {table}")
        log(started, "analysed")
        check(load, rng)
    log(started, "checked; done")


def check(load, rng):
    """The rows are valid as the models say (``full_clean`` of 20 new rows of each table), the
    big organization has 500 activities, the busy desk thousands of bookings, and the three
    users sign in."""
    models = {m._meta.db_table: m for m in apps.get_models()}
    invalid = []
    for table, start in load.first.items():
        if table in models and load.next[table] > start:
            sample = rng.sample(range(start, load.next[table]), min(20, load.next[table] - start))
            for row in models[table].objects.filter(pk__in=sample):
                try:
                    row.full_clean()
                except ValidationError as error:
                    invalid.append(f"{table} {row.pk}: {error}")
    assert not invalid, "\n".join(invalid)
    assert (
        Activity.objects.filter(organization__memberships__user__username="bench-ente").count()
        == BIG_ACTIVITIES
    )
    busy = Booking.objects.filter(desk=Desk.objects.get(slug=BUSY_SLUG)).count()
    assert busy == BUSY_BOOKINGS, busy
    for username in (MARKER, "bench-ente", "bench-operatore"):
        assert get_user_model().objects.get(username=username).check_password(PASSWORD), username


def references(cursor, rng):
    cursor.execute(
        "SELECT DISTINCT ON (l.organization_id) l.organization_id, l.id, l.municipality_id "
        "FROM directory_location l JOIN directory_organization o ON o.id = l.organization_id "
        "WHERE l.kind = 'physical' AND o.status = 'published' ORDER BY l.organization_id, l.id"
    )
    places = cursor.fetchall()
    cursor.execute(
        "SELECT a.id, a.organization_id FROM directory_activity a "
        "WHERE a.publication_status = 'published' AND a.status = 'active' ORDER BY a.id"
    )
    activities = cursor.fetchall()
    cursor.execute(
        "SELECT c.id FROM directory_category c JOIN directory_taxonomy t ON t.id = c.taxonomy_id "
        "WHERE t.slug = %s ORDER BY c.id",
        [TOPIC_TAXONOMY],
    )
    topics = [r[0] for r in cursor.fetchall()]
    cursor.execute("SELECT id, code FROM directory_language ORDER BY id")
    languages = cursor.fetchall()
    cursor.execute("SELECT id FROM directory_municipality WHERE name = 'Milano'")
    milano = cursor.fetchone()[0]
    cursor.execute("SELECT id FROM directory_municipality ORDER BY id")
    municipalities = [r[0] for r in cursor.fetchall()]
    return {
        "places": places,
        "activities": activities,
        "topics": topics,
        "italian": next(pk for pk, code in languages if code == "it"),
        "languages": [pk for pk, _code in languages],
        "milano": milano,
        "municipalities": municipalities,
    }


def big_organization(cursor, rng, ref):
    """The first published organization in Milan takes activities from others up to 500, all
    held in its own place (links and hours moved), and their search documents are rebuilt."""
    org, place, _municipality = next(p for p in ref["places"] if p[2] == ref["milano"])
    cursor.execute("SELECT id FROM directory_activity WHERE organization_id = %s", [org])
    own = [r[0] for r in cursor.fetchall()]
    taken = rng.sample([a for a, o in ref["activities"] if o != org], BIG_ACTIVITIES - len(own))
    cursor.execute(
        "UPDATE directory_activity SET organization_id = %s WHERE id = ANY(%s)", [org, taken]
    )
    cursor.execute("DELETE FROM directory_activity_locations WHERE activity_id = ANY(%s)", [taken])
    cursor.execute(
        "INSERT INTO directory_activity_locations (activity_id, location_id) "
        "SELECT unnest(%s::bigint[]), %s",
        [taken, place],
    )
    cursor.execute(
        "UPDATE directory_openingslot SET location_id = %s "
        "WHERE activity_id = ANY(%s) AND location_id IS NOT NULL",
        [place, taken],
    )
    refresh_search_documents(Activity.objects.filter(organization_id=org))
    moved = set(taken)
    ref["activities"] = [(a, org if a in moved else o) for a, o in ref["activities"]]
    activities = own + taken
    return {"id": org, "place": place, "activities": activities}


def make_users(load, rng, ref, big, desks, now):
    """The three benchmark users, one operator per desk, one editor per organization that
    writes (changes, calls, posts, place requests)."""
    known, unusable = make_password(PASSWORD), "!bench-no-password"
    orgs = [p[0] for p in ref["places"] if p[0] != big["id"]]
    writers = [big["id"]] + rng.sample(orgs, min(WRITERS, len(orgs) // 2))
    named = [
        ("bench-coordinatore", known, True, "Coordinatrice", "Prova"),
        ("bench-ente", known, False, "Ente", "Prova"),
        ("bench-operatore", known, False, "Operatore", "Prova"),
    ]
    rows = named + [(f"bench-op-{i}", unusable, False, "Operatore", str(i)) for i in range(desks)]
    rows += [(f"bench-staff-{org}", unusable, False, "Staff", str(org)) for org in writers[1:]]
    ids = load.ids("accounts_user", len(rows))
    load.copy(
        "accounts_user",
        ["id", "password", "is_superuser", "username", "first_name", "last_name", "email"]
        + ["is_staff", "is_active", "date_joined"],
        (
            (pk, pw, False, name, first, last, f"{name}@example.invalid", staff, True, now)
            for pk, (name, pw, staff, first, last) in zip(ids, rows, strict=True)
        ),
    )
    coordinator, manager, operator = ids[0], ids[1], ids[2]
    desk_operators = list(ids[3 : 3 + desks])
    staff = dict(zip(writers, [manager, *ids[3 + desks :]], strict=True))
    load.cursor.execute("SELECT name, id FROM auth_group")
    groups = dict(load.cursor.fetchall())
    # The global view (every network): what the bench's figures have always measured.
    members = [(coordinator, groups[roles.SUPER_COORDINATOR])]
    members += [(operator, groups[roles.DESK_OPERATOR])]
    members += [(u, groups[roles.DESK_OPERATOR]) for u in desk_operators]
    members += [(u, groups[roles.ORGANIZATION_STAFF]) for u in staff.values()]
    load.copy(
        "accounts_user_groups",
        ["id", "user_id", "group_id"],
        (
            (pk, *m)
            for pk, m in zip(load.ids("accounts_user_groups", len(members)), members, strict=True)
        ),
    )
    memberships = [
        (org, user, "manager" if user == manager else "editor") for org, user in staff.items()
    ]
    load.copy(
        "directory_membership",
        ["id", "organization_id", "user_id", "role", "created_at"],
        (
            (pk, *m, now)
            for pk, m in zip(
                load.ids("directory_membership", len(memberships)), memberships, strict=True
            )
        ),
    )
    return {
        "coordinator": coordinator,
        "operator": operator,
        "desk_operators": desk_operators,
        "staff": staff,
        "writers": writers,
    }


def make_desks(load, rng, ref, big, users, desks, now):
    """Desks hosted by organizations (weighted like them towards big towns); desk 0 is the busy
    one, in Milan. Weekly hours, closures, topics, languages, one operator each."""
    milanese = [p for p in ref["places"] if p[2] == ref["milano"] and p[0] != big["id"]]
    hosts = [milanese[0]] + rng.sample(ref["places"], desks - 1)
    ids = load.ids("sportelli_desk", desks)
    rows = []
    for i, (pk, (org, place, municipality)) in enumerate(zip(ids, hosts, strict=True)):
        phone, video = rng.random() < 0.7, rng.random() < 0.2
        busy = i == 0
        slot = 20 if busy else rng.choice([20, 30, 30, 45, 60])
        rows.append(
            {
                "id": pk,
                "municipality": municipality,
                "bookings": BUSY_BOOKINGS
                if busy
                else min(2000, int(20 + rng.paretovariate(1.6) * 60)),
                "slot": slot,
                "capacity": 2 if busy else 1,
                "topics": rng.sample(ref["topics"], rng.randint(2, 5)),
                "operator": users["operator"] if busy else users["desk_operators"][i],
                "row": (
                    pk,
                    "Sportello di prossimità Milano Centro" if busy else f"Sportello {i}",
                    BUSY_SLUG if busy else f"bench-sportello-{i}",
                    "Orientamento ai servizi del territorio, su appuntamento o libero accesso.",
                    True,
                    busy or phone,
                    busy or video,
                    slot,
                    2 if busy else 1,
                    8 if busy else rng.choice([4, 4, 6, 8]),
                    f"+39 000 000 {i:04d}",
                    f"sportello{i}@example.invalid",
                    "Ti chiamiamo noi all'ora dell'appuntamento." if video else "",
                    "published",
                    now,
                    now,
                    org,
                    place,
                    municipality,
                    "Mediazione culturale su richiesta." if rng.random() < 0.3 else "",
                ),
            }
        )
    load.copy(
        "sportelli_desk",
        ["id", "name", "slug", "description", "offers_in_person", "offers_phone", "offers_video"]
        + ["slot_minutes", "capacity", "booking_weeks", "phone", "email", "video_instructions"]
        + ["status", "created_at", "updated_at", "host_organization_id", "location_id"]
        + ["municipality_id", "interpreting"],
        (d["row"] for d in rows),
    )
    slots, closures, topics, languages, operators = [], [], [], [], []
    for d in rows:
        days = range(1, 6) if d["bookings"] == BUSY_BOOKINGS else rng.sample(range(1, 6), 2)
        for weekday in days:
            slots.append((weekday, dtime(9), dtime(13), d["id"]))
            if rng.random() < 0.4 or d["bookings"] == BUSY_BOOKINGS:
                slots.append((weekday, dtime(14), dtime(17), d["id"]))
        for _ in range(rng.randint(2, 6)):
            day = date.today() + timedelta(days=rng.randint(-DAYS_BACK, DAYS_AHEAD))
            closures.append((day, d["id"]))
        topics += [(d["id"], t) for t in d["topics"]]
        spoken = {ref["italian"], *rng.sample(ref["languages"], rng.randint(0, 2))}
        languages += [(d["id"], lang) for lang in sorted(spoken)]
        operators.append((d["id"], d["operator"]))
    load.copy(
        "sportelli_deskopeningslot",
        ["id", "weekday", "opens_at", "closes_at", "desk_id"],
        (
            (pk, *s)
            for pk, s in zip(load.ids("sportelli_deskopeningslot", len(slots)), slots, strict=True)
        ),
    )
    closures = sorted(set(closures))
    load.copy(
        "sportelli_deskexception",
        ["id", "date", "is_closed", "reason", "desk_id"],
        (
            (pk, day, True, "Chiusura straordinaria", desk)
            for pk, (day, desk) in zip(
                load.ids("sportelli_deskexception", len(closures)), closures, strict=True
            )
        ),
    )
    for table, column, pairs in (
        ("sportelli_desk_topics", "category_id", topics),
        ("sportelli_desk_languages", "language_id", languages),
        ("sportelli_desk_operators", "user_id", operators),
    ):
        load.copy(
            table,
            ["id", "desk_id", column],
            ((pk, *p) for pk, p in zip(load.ids(table, len(pairs)), pairs, strict=True)),
        )
    return rows


def make_bookings_and_accesses(load, rng, ref, desks, users, today):
    """A year of bookings and four weeks ahead per desk, and the accesses: one per booking that
    took place and half as many again without a booking."""
    bookings, accesses, access_topics = [], [], []
    span = DAYS_BACK + DAYS_AHEAD
    booking_ids = load.ids("sportelli_booking", sum(d["bookings"] for d in desks))
    n = 0
    for d in desks:
        per_day = -(-d["bookings"] // span) + 1
        for k in range(d["bookings"]):
            day = today + timedelta(days=k * span // d["bookings"] - DAYS_BACK)
            starts = at(day, 9) + timedelta(minutes=(k % per_day) * d["slot"])
            seat = 1
            created = starts - timedelta(days=rng.randint(1, 14), hours=rng.randint(0, 9))
            roll = rng.random()
            if day >= today:
                status = "cancelled" if roll < 0.1 else "booked"
            else:
                status = "done" if roll < 0.75 else "no_show" if roll < 0.85 else "cancelled"
            cancelled = status == "cancelled"
            email = f"persona{n}@example.invalid" if rng.random() < 0.6 else ""
            pk = booking_ids[n]
            bookings.append(
                (pk, starts, starts + timedelta(minutes=d["slot"]), None if cancelled else seat)
                + ("in_person", booking_code(n), f"bench{n:09d}{rng.getrandbits(64):016x}")
                + (f"Persona Prova {n}", f"+39 000 {n:07d}", email, "", created, status)
                + (created, created, created + timedelta(hours=2) if cancelled else None)
                + (rng.choice(d["topics"]), d["id"])
                + (
                    "sent" if email and cancelled else "not_needed",
                    "sent" if email else "not_needed",
                )
            )
            if status == "done":
                accesses.append((starts, pk, d))
            n += 1
        for _ in range(d["bookings"] // 2):
            day = today - timedelta(days=rng.randint(1, DAYS_BACK))
            accesses.append((at(day, rng.randint(9, 16), rng.choice([0, 15, 30, 45])), None, d))
    # A day's bookings are consecutive k, fewer than per_day: their times differ, so the
    # unique (desk, starts_at, seat) holds by construction.
    load.copy(
        "sportelli_booking",
        ["id", "starts_at", "ends_at", "seat", "channel", "code", "cancel_token", "name", "phone"]
        + ["email", "note", "privacy_consent_at", "status", "created_at", "updated_at"]
        + ["cancelled_at", "topic_id", "desk_id", "cancellation_mail", "confirmation_mail"],
        bookings,
    )
    access_ids = load.ids("sportelli_access", len(accesses))
    rows = []
    for pk, (when, booking, d) in zip(access_ids, accesses, strict=True):
        roll = rng.random()
        municipality = (
            d["municipality"]
            if roll < 0.6
            else rng.choice(ref["municipalities"])
            if roll < 0.8
            else None
        )
        rows.append(
            (pk, when, rng.choice(["in_person"] * 4 + ["phone"]))
            + (rng.choice(["0-17", "18-29", "30-44", "45-64", "65+", "unknown"]),)
            + (rng.choice(["f", "m", "unknown"]), rng.choice(["it", "it", "eu", "non_eu"]))
            + (rng.choice(["information"] * 3 + ["referral", "case"]), rng.choice([10, 20, 30]))
            + (when, d["operator"], municipality, booking, d["id"])
        )
        for topic in rng.sample(d["topics"], 1 if rng.random() < 0.7 else 2):
            access_topics.append((pk, topic))
    load.copy(
        "sportelli_access",
        ["id", "occurred_at", "channel", "age_band", "gender", "citizenship", "outcome"]
        + ["minutes", "created_at", "logged_by_id", "municipality_id", "booking_id", "desk_id"],
        rows,
    )
    load.copy(
        "sportelli_access_topics",
        ["id", "access_id", "category_id"],
        (
            (pk, *p)
            for pk, p in zip(
                load.ids("sportelli_access_topics", len(access_topics)), access_topics, strict=True
            )
        ),
    )


STATUS_PATHS = [
    (["sent"], 20),
    (["sent", "accepted"], 15),
    (["sent", "declined"], 10),
    (["sent", "accepted", "in_progress"], 20),
    (["sent", "accepted", "in_progress", "closed"], 35),
]


def make_referrals(load, rng, ref, big, desks, users, now):
    """100,000 referrals over a year, half from desks, half from organizations; the busy desk
    and the big organization send and receive a few thousand."""
    busy = desks[0]
    org_of_desk = {d["id"]: d["row"][16] for d in desks}
    operator_of = {d["id"]: d["operator"] for d in desks}
    paths = [p for p, w in STATUS_PATHS for _ in range(w)]
    referral_ids = load.ids("sportelli_referral", REFERRALS)
    referrals, events = [], []
    for i, pk in enumerate(referral_ids):
        if i < 1500:
            from_desk, from_org = busy["id"], None
        elif i < 2500:
            from_desk, from_org = None, big["id"]
        elif rng.random() < 0.5:
            from_desk, from_org = rng.choice(desks)["id"], None
        else:
            from_desk, from_org = None, rng.choice(users["writers"])
        sent_by = users["staff"][from_org] if from_org else operator_of[from_desk]
        to_org = to_activity = to_desk = None
        roll = rng.random()
        if 2500 <= i < 4500:
            to_desk, receiving = busy["id"], org_of_desk[busy["id"]]
        elif 4500 <= i < 6000:
            to_activity = rng.choice(big["activities"])
            receiving = big["id"]
        elif roll < 0.3:
            to_org = receiving = rng.choice(ref["places"])[0]
        elif roll < 0.8:
            to_activity, receiving = rng.choice(ref["activities"])
        else:
            desk = rng.choice(desks)["id"]
            to_desk, receiving = desk, org_of_desk[desk]
        path = rng.choice(paths)
        receiver = operator_of[to_desk] if to_desk else users["staff"].get(receiving)
        receiver = receiver or users["coordinator"]
        created = now - timedelta(minutes=rng.randint(60, DAYS_BACK * 24 * 60))
        status = path[-1]
        referrals.append(
            (pk, f"{rng.getrandbits(128):032x}", f"Persona Segnalata {i}")
            + (f"segnalata{i}@example.invalid", "Orientamento per la ricerca di lavoro e casa.")
            + (True, created, "", status, "Posti esauriti." if status == "declined" else "")
            + ("Presa in carico conclusa." if status == "closed" else "", created, created)
            + (from_desk, from_org, receiving, sent_by, to_activity, to_desk, to_org)
        )
        previous = ""
        for step, to_status in enumerate(path):
            by = receiver if step else sent_by
            events.append((to_status, previous, pk, created + timedelta(days=step * 3), "sent", by))
            previous = to_status
    load.copy(
        "sportelli_referral",
        ["id", "uuid", "person_name", "person_contact", "need", "consent_to_share"]
        + ["consent_recorded_at", "note", "status", "decline_reason", "outcome", "created_at"]
        + ["updated_at", "from_desk_id", "from_organization_id", "receiving_organization_id"]
        + ["sent_by_id", "to_activity_id", "to_desk_id", "to_organization_id"],
        referrals,
    )
    load.copy(
        "sportelli_referralevent",
        ["id", "to_status", "from_status", "referral_id", "at", "mail", "by_id", "note"],
        (
            (pk, *e, "")
            for pk, e in zip(load.ids("sportelli_referralevent", len(events)), events, strict=True)
        ),
    )


def make_calls(load, rng, ref, big, users, today, now):
    """Volunteering calls (most approved, some waiting for review) and their applications."""
    owners = [big["id"]] * 40 + [rng.choice(users["writers"]) for _ in range(CALLS - 40)]
    municipality_of = {org: m for org, _place, m in ref["places"]}
    calls, applications = [], []
    for n, (pk, org) in enumerate(
        zip(load.ids("directory_volunteeringcall", CALLS), owners, strict=True)
    ):
        roll = rng.random()
        review = "approved" if roll < 0.9 else "pending" if roll < 0.97 else "rejected"
        deadline = rng.choice([None, today + timedelta(days=rng.randint(-120, 180))])
        created = now - timedelta(days=rng.randint(1, 300))
        calls.append(
            (pk, f"Cerchiamo volontari {n}", f"bench-cerchiamo-volontari-{n}")
            + ("Accompagnamento, doposcuola e distribuzione alimentare.", 16)
            + ("Due ore a settimana", deadline, True, created, municipality_of.get(org), org)
            + ("Manca la descrizione dei turni." if review == "rejected" else "", review, created)
        )
        for a in range(50 if org == big["id"] else rng.randint(0, 8)):
            status = rng.choice(["new", "new", "accepted", "declined"])
            applications.append(
                (f"Volontaria{n}", f"Prova{a}", f"candidata{n}-{a}@example.invalid", "")
                + (date(1960 + a % 40, 1 + n % 12, 1 + a % 28),)
                + ("", created + timedelta(days=1), status, created + timedelta(days=1), pk)
            )
    load.copy(
        "directory_volunteeringcall",
        ["id", "title", "slug", "description", "min_age", "time_commitment", "deadline"]
        + ["is_published", "created_at", "municipality_id", "organization_id"]
        + ["rejection_reason", "review_status", "submitted_at"],
        calls,
    )
    load.copy(
        "directory_application",
        ["id", "first_name", "last_name", "email", "phone", "birth_date", "message"]
        + ["privacy_consent_at"]
        + ["status", "created_at", "call_id"],
        (
            (pk, *a)
            for pk, a in zip(
                load.ids("directory_application", len(applications)), applications, strict=True
            )
        ),
    )


def make_volunteers_and_training(load, rng, ref, big, users, today, now):
    """Volunteers of 30,000 organizations (400 for the big one) with a year of hours, and a
    training plan this year for 10,000 of them with courses, attendances and place requests."""
    others = [p[0] for p in ref["places"] if p[0] != big["id"]]
    orgs = [big["id"]] + rng.sample(others, min(VOLUNTEER_ORGS, len(others) // 2))
    counts = [400] + [rng.randint(1, 12) for _ in orgs[1:]]
    volunteer_ids = load.ids("directory_volunteer", sum(counts))
    volunteers, hours, by_org = [], [], {}
    ids = iter(volunteer_ids)
    for org, count in zip(orgs, counts, strict=True):
        for _v in range(count):
            pk = next(ids)
            by_org.setdefault(org, []).append(pk)
            start = today - timedelta(days=rng.randint(30, 2000))
            volunteers.append(
                (pk, f"Volontario{pk}", "Prova", "", f"volontario{pk}@example.invalid", "")
                + ("", start, "accompagnamento", "", False, "", "", now, org)
            )
            entries = 48 if org == big["id"] else rng.randint(0, 16)
            for _e in range(entries):
                day = today - timedelta(days=rng.randint(1, min(DAYS_BACK, (today - start).days)))
                hours.append((day, rng.choice([1, 2, 2, 3, 4]), "Turno", now, pk))
    load.copy(
        "directory_volunteer",
        ["id", "first_name", "last_name", "tax_code", "email", "phone", "address"]
        + ["start_date", "roles", "skills", "is_insured", "insurance_policy", "notes"]
        + ["created_at", "organization_id"],
        volunteers,
    )
    load.copy(
        "directory_volunteerhours",
        ["id", "date", "hours", "description", "created_at", "volunteer_id"],
        (
            (pk, *h)
            for pk, h in zip(load.ids("directory_volunteerhours", len(hours)), hours, strict=True)
        ),
    )
    trained = orgs[: TRAINING_ORGS + 1]
    plans = list(zip(load.ids("directory_trainingplan", len(trained)), trained, strict=True))
    load.copy(
        "directory_trainingplan",
        ["id", "year", "notes", "organization_id"],
        ((pk, today.year, "", org) for pk, org in plans),
    )
    courses, attendances, requests = [], [], []
    course_ids = iter(load.ids("directory_course", 13 * len(plans)))
    for plan, org in plans:
        for c in range(12 if org == big["id"] else rng.randint(1, 4)):
            pk = next(course_ids)
            open_to_network = rng.random() < 0.2
            starts = today - timedelta(days=rng.randint(-60, 300))
            courses.append(
                (pk, f"Corso {c + 1}: primo soccorso", "sicurezza", "", starts, starts)
                + (8, "Formatrice Prova", "Sede", 20, open_to_network, plan)
            )
            people = by_org[org]
            chosen = people if org == big["id"] else rng.sample(people, min(len(people), 8))
            attendances += [(pk, v, 4) for v in chosen[:40]]
            if open_to_network:
                for asker in rng.sample(users["writers"][1:], rng.randint(0, 3)):
                    requests.append((pk, asker, 2, "", "pending", now, users["staff"][asker]))
    load.copy(
        "directory_course",
        ["id", "title", "topic", "description", "starts_on", "ends_on", "hours", "trainer"]
        + ["place", "places", "is_open_to_network", "plan_id"],
        courses,
    )
    load.copy(
        "directory_attendance",
        ["id", "course_id", "volunteer_id", "hours"],
        (
            (pk, *a)
            for pk, a in zip(
                load.ids("directory_attendance", len(attendances)), attendances, strict=True
            )
        ),
    )
    load.copy(
        "directory_placerequest",
        ["id", "course_id", "organization_id", "places", "message", "status", "created_at"]
        + ["requested_by_id"],
        (
            (pk, *r)
            for pk, r in zip(
                load.ids("directory_placerequest", len(requests)), requests, strict=True
            )
        ),
    )


def make_board(load, rng, ref, big, users, now):
    """Needs and offers of organizations, with a few answers each."""
    authors = [big["id"]] * 20 + [rng.choice(users["writers"]) for _ in range(BOARD_POSTS - 20)]
    posts, answers = [], []
    for pk, org in zip(load.ids("directory_boardpost", len(authors)), authors, strict=True):
        posts.append(
            (pk, rng.choice(["need", "offer"]), rng.choice(["volunteers", "spaces", "equipment"]))
            + (f"Cerchiamo una sala {pk}", "Per il doposcuola del martedì.", now, None)
            + (users["staff"][org], org)
        )
        for _ in range(rng.randint(0, 3)):
            other = rng.choice(users["writers"])
            answers.append(("Possiamo aiutarvi.", now, users["staff"][other], other, pk))
    load.copy(
        "directory_boardpost",
        ["id", "kind", "category", "title", "description", "created_at", "closed_at"]
        + ["author_id", "organization_id"],
        posts,
    )
    load.copy(
        "directory_boardanswer",
        ["id", "message", "created_at", "author_id", "organization_id", "post_id"],
        (
            (pk, *a)
            for pk, a in zip(load.ids("directory_boardanswer", len(answers)), answers, strict=True)
        ),
    )


def make_revisions(rng, ref, big, users):
    """5,000 pending changes to activities and organization profiles, with the values the edit
    forms hold (``previous``, through the review's own form code) and a changed title or
    description (``data``); 50 are the big organization's."""
    writers = users["writers"]
    by_org = {}
    for activity, org in ref["activities"]:
        if org in users["staff"]:
            by_org.setdefault(org, []).append(activity)
    # The edit forms' values cost ~50 ms a record: 1,000 records, five proposals each.
    owners = [big["id"]] * 10 + [rng.choice(writers) for _ in range(PENDING_REVISIONS // 5 - 10)]
    activities = Activity.objects.in_bulk(
        [rng.choice(by_org[o]) for o in owners if o in by_org and rng.random() < 0.8]
    )
    organizations = Organization.objects.in_bulk(set(owners))
    pending = []
    for org in owners:
        choices = [a for a in by_org.get(org, ()) if a in activities]
        revision = Revision(
            organization=organizations[org], author_id=users["staff"][org], status="pending"
        )
        if choices:
            revision.kind, revision.activity = Revision.Kind.ACTIVITY, activities[choices[0]]
        else:
            revision.kind = Revision.Kind.ORGANIZATION
        entry = kind_of(revision)
        revision.previous = entry.previous_values(revision, entry.target(revision))
        key = "title" if revision.kind == Revision.Kind.ACTIVITY else "description"
        for n in range(5):
            data = dict(revision.previous)
            data[key] = f"{data.get(key, '')} (proposta {n + 1})"
            pending.append(
                Revision(
                    organization=revision.organization,
                    author_id=revision.author_id,
                    kind=revision.kind,
                    activity=revision.activity,
                    previous=revision.previous,
                    data=data,
                )
            )
    Revision.objects.bulk_create(pending, batch_size=1000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--desks", type=int, default=2500)
    args = parser.parse_args()
    populate(args.seed, args.desks)


if __name__ == "__main__":
    main()
