"""Fill a database with family cases at regional scale: households, members, cases, case teams,
timelines, consents, plan reviews, and the history the issue's scale names (diary notes,
interventions and audit rows of reads, ``--rows`` of them together).

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/populate_cases.py [--seed 12] [--households 50000] \
        [--rows 2000000] [--teams 100]
    ... bench/populate_cases.py --add-accesses 1000000 [--seed 12] [--desks 60]

``--add-accesses N`` adds N desk accesses (the issue's 1,000,000) to a database already
populated, and does nothing else: spread over the last 365 days, ``--desks`` desks (the
database's, topped up with desks named ``Sportello prova N`` by phone only), their channels, age
bands, outcomes and one or two topics each. It may run again: each run adds N more.

Deterministic for a seed and a day (dates are relative to today). Refuses to run twice (the
user ``bench-equipe`` marks a populated database). Rows go in with ``bulk_create`` in batches
of ``BATCH`` (diary notes go through the model's field so that they are encrypted at rest, as
in production; no signal runs, so no audit row is written but those generated here). Names are
obviously fake (``Persona Prova 123``). Users signing in with the password ``linkrete-bench``:
``bench-equipe`` (lead of the first team) and ``bench-educatore`` (on the case team of every
case of the first team). The first team's first case, ``BENCHBIG00``, carries a long history
(``BIG_HISTORY`` timeline events, notes, interventions and reads) so that a case page can be
timed at its worst.
"""

import argparse
import os
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from auditlog.models import LogEntry  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from directory.models import Category, Municipality, Organization  # noqa: E402
from famiglie.models import (  # noqa: E402
    Case,
    CaseEvent,
    CaseState,
    CaseTeamMember,
    Consent,
    ConsentKind,
    EventKind,
    Household,
    Intervention,
    InterventionKind,
    IseeBand,
    Member,
    Note,
    Relationship,
    Review,
    Role,
    Team,
    TeamMember,
    Visibility,
)
from linkrete.accounts import roles  # noqa: E402
from sportelli.models import (  # noqa: E402
    TOPIC_TAXONOMY,
    Access,
    AgeBand,
    Channel,
    Desk,
    Outcome,
)

PASSWORD = "linkrete-bench"
MARKER = "bench-equipe"
WORKER = "bench-educatore"
BATCH = 5000
TEAM_SIZE = 15
BIG_CODE = "BENCHBIG00"
BIG_HISTORY = 3000  # of each: notes, interventions, reads
# How the --rows split: diary notes, interventions, audit rows of reads.
SHARES = {"notes": 0.4, "interventions": 0.3, "reads": 0.3}
STATES = [CaseState.INTAKE, CaseState.ASSESSMENT, CaseState.ACTIVE_PLAN, CaseState.MONITORING]
STATES += [CaseState.CLOSED]
NOTE_TEXT = "Colloquio con la famiglia: aggiornata la situazione, concordati i prossimi passi."
KINDS = [InterventionKind.FOOD_PARCEL, InterventionKind.SCHOOL, InterventionKind.JOB_ORIENTATION]
PAGES = ["famiglie:case_detail", "famiglie:note_list", "famiglie:job_matches"]


def log(started, message):
    print(f"[{time.monotonic() - started:6.1f}s] {message}", flush=True)


def in_batches(model, objects, started, label):
    count, batch = 0, []
    for obj in objects:
        batch.append(obj)
        if len(batch) == BATCH:
            model.objects.bulk_create(batch)
            count += len(batch)
            batch = []
    if batch:
        model.objects.bulk_create(batch)
        count += len(batch)
    log(started, f"{label}: {count:,} rows")
    return count


def code(prefix: str, n: int) -> str:
    return f"{prefix}{n:07d}"


def populate(seed: int, households: int, rows: int, teams: int) -> None:
    started = time.monotonic()
    rng = random.Random(seed)
    today = date.today()
    now = datetime.now(UTC).replace(microsecond=0)
    call_command("migrate", verbosity=0)
    call_command("sync_roles", verbosity=0)
    users = get_user_model()
    if users.objects.filter(username=MARKER).exists():
        sys.exit(f"{MARKER} exists: this database already has the cases. Not run twice.")
    with transaction.atomic():
        group = Group.objects.get(name=roles.CASE_TEAM)
        organization = Organization.objects.order_by("pk").first() or Organization.objects.create(
            name="Ufficio di piano prova", slug="bench-ufficio-di-piano"
        )
        towns = list(Municipality.objects.order_by("pk").values_list("pk", flat=True)[:200])
        password = make_password(PASSWORD)
        people = [
            users(username=MARKER, first_name="Responsabile", last_name="Prova", password=password),
            users(username=WORKER, first_name="Educatore", last_name="Prova", password=password),
        ]
        for t in range(teams):
            people.append(users(username=f"bench-lead-{t}", password="!"))
            people += [users(username=f"bench-op-{t}-{i}", password="!") for i in range(TEAM_SIZE)]
        users.objects.bulk_create(people, batch_size=BATCH)
        # Only the users made here: a national database has other "bench-" users (its staff).
        by_name = dict(
            users.objects.filter(username__in=[p.username for p in people]).values_list(
                "username", "pk"
            )
        )
        group.user_set.add(*by_name.values())
        log(started, f"users: {len(people):,}")

        team_rows = Team.objects.bulk_create(
            Team(
                name=f"Équipe prova {t}",
                organization=organization,
                lead_id=by_name[MARKER] if t == 0 else by_name[f"bench-lead-{t}"],
            )
            for t in range(teams)
        )
        staff = {}
        members = []
        for t, team in enumerate(team_rows):
            staff[team.pk] = [by_name[f"bench-op-{t}-{i}"] for i in range(TEAM_SIZE)]
            members += [
                TeamMember(team=team, user_id=u, role=list(Role)[i % len(Role)])
                for i, u in enumerate(staff[team.pk])
            ]
        members.append(TeamMember(team=team_rows[0], user_id=by_name[WORKER], role=Role.EDUCATOR))
        TeamMember.objects.bulk_create(members)
        log(started, f"teams: {teams}, team members: {len(members):,}")

        household_rows = in_batches(
            Household,
            (
                Household(
                    reference=code("H", n),
                    municipality_id=rng.choice(towns) if towns else None,
                    isee_band=rng.choice(list(IseeBand)),
                    phone=f"+39 000 {n:07d}",
                )
                for n in range(households)
            ),
            started,
            "households",
        )
        household_ids = list(Household.objects.order_by("pk").values_list("pk", flat=True))
        in_batches(
            Member,
            (
                Member(
                    household_id=h,
                    first_name="Persona",
                    last_name=f"Prova {h}-{i}",
                    birth_date=date(1960 + rng.randrange(60), 1 + rng.randrange(12), 1),
                    relationship=Relationship.REFERENCE_PERSON if i == 0 else Relationship.CHILD,
                )
                for h in household_ids
                for i in range(1 + rng.randrange(4))
            ),
            started,
            "members",
        )

        def case_of(n, h):
            team = team_rows[n % teams]
            state = rng.choice(STATES)
            return Case(
                code=BIG_CODE if n == 0 else code("C", n),
                household_id=h,
                team=team,
                state=state,
                closure_reason="Obiettivi raggiunti." if state == CaseState.CLOSED else "",
                closed_at=now - timedelta(days=rng.randrange(700)) if state == "closed" else None,
            )

        in_batches(Case, (case_of(n, h) for n, h in enumerate(household_ids)), started, "cases")
        cases = list(Case.objects.order_by("pk").values_list("pk", "team_id", "household_id"))
        big = cases[0][0]

        def case_team():
            for case, team, _h in cases:
                for user in rng.sample(staff[team], 2):
                    yield CaseTeamMember(case_id=case, user_id=user, role=Role.SOCIAL_WORKER)
                if team == team_rows[0].pk:
                    yield CaseTeamMember(case_id=case, user_id=by_name[WORKER], role=Role.EDUCATOR)

        in_batches(CaseTeamMember, case_team(), started, "case team members")
        in_batches(
            CaseEvent,
            (
                CaseEvent(
                    case_id=case, kind=EventKind.OPENED, by_id=staff[team][0], to_state="intake"
                )
                for case, team, _h in cases
                for _ in range(BIG_HISTORY if case == big else 1 + rng.randrange(5))
            ),
            started,
            "timeline events",
        )
        in_batches(
            Consent,
            (
                Consent(
                    household_id=h,
                    kind=ConsentKind.CARE,
                    date=today - timedelta(days=rng.randrange(700)),
                    expires_on=today + timedelta(days=rng.randrange(-30, 400)),
                    collected_by_id=staff[team][0],
                )
                for _c, team, h in cases
            ),
            started,
            "consents",
        )
        in_batches(
            Review,
            (
                Review(
                    case_id=case,
                    due_on=today + timedelta(days=rng.randrange(-10, 90)),
                    scheduled_by_id=staff[team][0],
                )
                for case, team, _h in cases
            ),
            started,
            "reviews",
        )

        # The history: --rows, split between notes, interventions and reads, the big case
        # first with BIG_HISTORY of each.
        def case_for(i):
            return big if i < BIG_HISTORY else cases[rng.randrange(len(cases))][0]

        team_of = {case: team for case, team, _h in cases}
        total = in_batches(
            Note,
            (
                Note(
                    case_id=(case := case_for(i)),
                    visibility=Visibility.PSYCHOLOGIST if i % 7 == 0 else Visibility.TEAM,
                    text=NOTE_TEXT,
                    author_id=staff[team_of[case]][i % TEAM_SIZE],
                )
                for i in range(int(rows * SHARES["notes"]))
            ),
            started,
            "diary notes",
        )
        total += in_batches(
            Intervention,
            (
                Intervention(
                    case_id=(case := case_for(i)),
                    kind=KINDS[i % len(KINDS)],
                    date=today - timedelta(days=rng.randrange(700)),
                    quantity=1 + rng.randrange(4),
                    operator_id=staff[team_of[case]][i % TEAM_SIZE],
                )
                for i in range(int(rows * SHARES["interventions"]))
            ),
            started,
            "interventions",
        )
        case_type = ContentType.objects.get_for_model(Case)
        total += in_batches(
            LogEntry,
            (
                LogEntry(
                    content_type=case_type,
                    object_pk=str(case := case_for(i)),
                    object_id=case,
                    object_repr=code("C", case),
                    action=LogEntry.Action.ACCESS,
                    actor_id=staff[team_of[case]][i % TEAM_SIZE],
                    additional_data={"page": PAGES[i % len(PAGES)]},
                    timestamp=now - timedelta(minutes=rng.randrange(525_600)),
                )
                for i in range(
                    rows - int(rows * SHARES["notes"]) - int(rows * SHARES["interventions"])
                )
            ),
            started,
            "audit rows of reads",
        )
    with connection.cursor() as cursor:
        for model in (Note, Intervention, LogEntry, Case, Household, Member, CaseEvent):
            cursor.execute(f"ANALYZE {model._meta.db_table}")
    log(started, f"done: {household_rows:,} households, {total:,} notes, interventions and reads")


def add_accesses(seed: int, count: int, desks: int) -> None:
    """``count`` more desk accesses on ``desks`` desks, with their topics (no person)."""
    started = time.monotonic()
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(microsecond=0)
    call_command("migrate", verbosity=0)
    organization = Organization.objects.order_by("pk").first() or Organization.objects.create(
        name="Ufficio di piano prova", slug="bench-ufficio-di-piano"
    )
    if not Municipality.objects.exists():  # a database without the ISTAT list
        Municipality.objects.bulk_create(
            Municipality(
                istat_code=f"99{n:04d}",
                name=f"Comune prova {n}",
                province="Prova",
                province_code="PR",
                region="Lombardia",
            )
            for n in range(20)
        )
    towns = list(Municipality.objects.order_by("pk").values_list("pk", flat=True)[:200])
    have = Desk.objects.count()
    Desk.objects.bulk_create(
        Desk(
            name=f"Sportello prova {n}",
            slug=f"bench-sportello-{n}",
            host_organization=organization,
            municipality_id=towns[n % len(towns)],
            offers_in_person=False,
            offers_phone=True,
        )
        for n in range(have, desks)
    )
    desk_ids = list(Desk.objects.order_by("pk").values_list("pk", flat=True)[:desks])
    topics = list(
        Category.objects.filter(taxonomy__slug=TOPIC_TAXONOMY).values_list("pk", flat=True)
    )
    log(started, f"{len(desk_ids)} desks, {len(topics)} topics")
    channels, bands, outcomes = list(Channel.values), list(AgeBand.values), list(Outcome.values)
    first = (Access.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    in_batches(
        Access,
        (
            Access(
                desk_id=rng.choice(desk_ids),
                occurred_at=now - timedelta(minutes=rng.randrange(525_600)),
                channel=rng.choice(channels),
                age_band=rng.choice(bands),
                outcome=rng.choice(outcomes),
                minutes=rng.randrange(5, 90),
            )
            for _ in range(count)
        ),
        started,
        "accesses",
    )
    if topics:
        link = Access.topics.through
        in_batches(
            link,
            (
                link(access_id=access, category_id=topic)
                for access in Access.objects.filter(pk__gte=first)
                .order_by("pk")
                .values_list("pk", flat=True)
                .iterator(chunk_size=BATCH)
                for topic in rng.sample(topics, min(len(topics), 1 + (access % 2)))
            ),
            started,
            "accesses' topics",
        )
    with connection.cursor() as cursor:
        for table in (Access._meta.db_table, Access.topics.through._meta.db_table):
            cursor.execute(f"ANALYZE {table}")
    log(started, f"done: {count:,} accesses added, {Access.objects.count():,} in all")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--households", type=int, default=50_000)
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--teams", type=int, default=100)
    parser.add_argument("--add-accesses", type=int, default=0, metavar="N")
    parser.add_argument("--desks", type=int, default=60)
    args = parser.parse_args()
    if args.add_accesses:
        add_accesses(args.seed, args.add_accesses, args.desks)
        return
    if args.rows < 3 * BIG_HISTORY:
        parser.error(f"--rows must be at least {3 * BIG_HISTORY} (the big case's history)")
    populate(args.seed, args.households, args.rows, args.teams)


if __name__ == "__main__":
    main()
