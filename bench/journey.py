"""A mixed journey through gunicorn, with faults: the issue 17 "Load and faults" measurement.

    DATABASE_URL=postgres://postgres@127.0.0.1:54330/journey17 \
        .venv/bin/python bench/journey.py [--workers 2] [--users 8] [--duration 60] \
        [--staff-user ente] [--case-user equipe] \
        [--restart-postgres "CMD"] [--stop-postgres "CMD" --start-postgres "CMD"] \
        [--kill-worker] [--stop-cache "CMD" --start-cache "CMD"] [--instances 2] [--run-workers 2]

Starts gunicorn (``bench/settings.py``: production settings; ``--workers`` sync workers, a
30 s timeout as the Dockerfile, ``statement_timeout`` 25 s) and ``manage.py run_worker`` on
``DATABASE_URL``, then:

1. **pages alone**: each page kind requested by every virtual user for ``--slice`` seconds,
   the one-query page (``bench/urls.py``) among them, so that each page's throughput is given
   as a share of the one-query page's, measured by the same server in the same run;
2. **the journey**: ``--users`` threads (``bench/journey_http.py``: ``http.client``, each its own
   cookies and address) for ``--duration`` seconds, each picking a step by weight: a search
   (varied words), an activity's page, a booking through the five public steps (a session of
   its own, POSTs with CSRF, a fresh address each so the booking rate limit is not one limit
   for the whole run), a staff edit of an activity (``--staff-user``, ``ente`` of the demo,
   ``bench-ente`` at national scale, signed in with the second factor verified as
   ``tests/signing_in.py`` does; the form read back and posted), a case page (``--case-user``:
   the demo's ``equipe``, ``bench-equipe`` of ``bench/populate_cases.py``); a booking that goes
   no further (no free slot, a 503) is counted by where it stopped (``bookings stopped``);
3. a fault, if asked, a third of the way in (``--fault-at``):
   ``--restart-postgres CMD`` runs CMD (e.g. ``pg_ctl -w restart``): once ``/readyz`` answers
   200 again no request may fail; ``--stop-postgres CMD`` stops the database, checks that pages
   answer 503 with ``Retry-After``, ``/healthz`` 200 and ``/readyz`` 503, and after
   ``--down-seconds`` runs ``--start-postgres CMD``; ``--kill-worker`` kills the worker with
   SIGKILL and starts another; ``--stop-cache CMD`` (only when ``CACHE_BACKEND`` is Redis)
   stops the cache, checks that pages still answer (degraded), ``/readyz`` 503, and runs
   ``--start-cache CMD`` after ``--down-seconds``;
With ``--instances N`` it starts N gunicorns (ports ``--port`` and the next ones) on the same
database and, if ``CACHE_BACKEND``/``PAGE_CACHE_BACKEND`` say so, the same Redis, and every
visitor sends each request to the next instance in turn (a booking's steps, a staff edit's GET
and POST alternate); ``--run-workers N`` starts N ``run_worker``s. The mails are then written as
files (Django's file backend) and counted per booking: each confirmation exactly once.

4. **checks**: every booking the run tried is complete (its row, its seat, its confirmation
   mail sent by the worker within ``--mail-wait`` s) or absent; no slot holds more people than
   the desk takes; gunicorn's log has no ``WORKER TIMEOUT``.

A failed request is an answer of 500 or more, or none (connection refused or cut); 503s are
counted apart too. Prints a table per phase (requests, errors, 503, 4xx, req/s, share of the
one-query page, p50/p95/p99) and the checks; writes everything to ``bench/results/journey-*.json``.
Mail goes to Django's in-memory backend (the worker "sends" it), the page cache is off unless
``--page-cache`` (the views themselves), the run's cache is a directory of its own. The
bookings are left in the database (names ``Journey <run> …``, addresses ``@example.invalid``):
give the script a database of its own (the demo: ``seed_demo`` and ``seed_cases``; at national
scale a copy of it with ``bench/populate_cases.py --households 5000 --teams 10``).
"""

import argparse
import email
import email.policy
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

from bench import journey_stats as stats  # noqa: E402
from bench.journey_http import Visitor, choices, csrf, location, main_form  # noqa: E402

SEARCH_WORDS = [
    "bambini", "sport", "italiano", "doposcuola", "aiuto", "anziani", "musica", "calcio",
    "lingua", "compiti", "estate", "famiglie", "lavoro", "mensa", "teatro", "nuoto",
    "corso di italiano per stranieri", "aiuto compiti", "centro estivo", "pacco alimentare",
]  # fmt: skip
WEIGHTS = {"search": 40, "detail": 25, "booking": 10, "staff edit": 10, "case": 15}


def prepare(staff_user, case_user):
    """URLs and signed-in sessions from the database (reads, and the two sessions): the
    activities ``staff_user`` manages, the cases ``case_user`` sees."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from directory.models import Activity, Organization
    from sportelli.models import Desk
    from tests.signing_in import Client

    users = get_user_model().objects

    def session_of(username):
        client = Client()
        client.force_login(users.get(username=username))
        return {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}

    details = [a.get_absolute_url() for a in Activity.objects.public().order_by("pk")[:60]]
    desks = [d.slug for d in Desk.objects.public().order_by("pk")]
    staff = users.get(username=staff_user)
    orgs = Organization.objects.filter(memberships__user=staff, memberships__role="manager")
    edits = [
        reverse("staff:activity_edit", kwargs={"slug": a.organization.slug, "pk": a.pk})
        for a in Activity.objects.filter(organization__in=orgs).order_by("pk")[:20]
    ]
    return {
        "search": [f"{reverse('directory:search')}?q={w.replace(' ', '+')}" for w in SEARCH_WORDS],
        "detail": details,
        "desks": desks,
        "edits": edits,
        "staff_cookies": session_of(staff_user),
        "case_cookies": session_of(case_user),
        "case_home": reverse("famiglie:home"),
    }


class Journey:
    def __init__(self, args, plan, run_id):
        self.args, self.plan, self.run_id = args, plan, run_id
        self.attempts = []  # bookings tried: {"key", "name", "outcome"}
        self.lock = threading.Lock()
        self.cases = []
        self.outcomes = {}

    def count(self, what, status):
        with self.lock:
            counts = self.outcomes.setdefault(what, {})
            counts[str(status)] = counts.get(str(status), 0) + 1

    def stopped(self, where, status):
        """A booking that went no further, counted by where and the answer there."""
        self.count("bookings stopped", f"{where} {status}")

    # Steps -----------------------------------------------------------------------------------

    def search(self, v, rng):
        v.get("search", rng.choice(self.plan["search"]))

    def detail(self, v, rng):
        v.get("detail", rng.choice(self.plan["detail"]))

    def staff_edit(self, v, rng):
        if not self.plan["edits"]:
            return
        url = rng.choice(self.plan["edits"])
        status, _h, text = v.get("staff edit", url)
        if status == 200 and (fields := main_form(text)):
            status, headers, _t = v.post("staff edit", url, fields)
            # 302: saved (or sent for review); 200: the form again, with its errors.
            self.count("edits", status)

    def case(self, v, rng):
        if not self.cases:
            status, _h, text = v.get("case", self.plan["case_home"])

            with self.lock:
                self.cases = sorted(set(re.findall(r'href="(/famiglie/casi/[A-Z0-9-]+/)"', text)))
            return
        status, _h, _t = v.get("case", rng.choice(self.cases))
        self.count("case pages", status)

    def booking(self, v, rng, number):
        """The five public steps as one visitor with a fresh session and address."""
        desk = rng.choice(self.plan["desks"])
        base = f"/sportelli/{desk}/prenota/"
        visitor = Visitor(
            v.ports,
            v.samples,
            address=f"10.{number % 250}.{rng.randrange(250)}.{rng.randrange(1, 250)}",
        )
        step = "booking"
        status, _h, text = visitor.get(step, base)
        channels = choices(text, "channel")
        if status != 200 or not channels:
            return self.stopped("no channel" if status == 200 else "channel page", status)
        status, headers, _t = visitor.post(
            step, base, {"csrfmiddlewaretoken": csrf(text), "channel": channels[0]}
        )
        if status != 302:
            return self.stopped("channel sent", status)
        status, _h, text = visitor.get(step, base + "orario/")
        slots = choices(text, "slot")
        if status != 200 or not slots:  # a desk without a free slot in its window
            return self.stopped("no free slot" if status == 200 else "slot page", status)
        status, headers, _t = visitor.post(
            step, base + "orario/", {"csrfmiddlewaretoken": csrf(text), "slot": rng.choice(slots)}
        )
        if status != 302:
            return self.stopped("slot sent", status)
        name = f"Journey {self.run_id} {number}"
        email = f"journey-{self.run_id}-{number}@example.invalid"
        status, _h, text = visitor.get(step, base + "dati/")
        if status != 200:  # the database away: a browser would not post this form either
            return self.stopped("details page", status)
        status, _h, _t = visitor.post(
            step,
            base + "dati/",
            {
                "csrfmiddlewaretoken": csrf(text),
                "name": name,
                "email": email,
                "phone": "",
                "note": "",
            },
        )
        if status != 302:
            return self.stopped("details sent", status)
        status, _h, text = visitor.get(step, base + "privacy/")
        if status != 200:
            return self.stopped("privacy page", status)
        status, _h, _t = visitor.post(
            step, base + "privacy/", {"csrfmiddlewaretoken": csrf(text), "privacy": "on"}
        )
        if status != 302:
            return self.stopped("privacy sent", status)
        status, _h, text = visitor.get(step, base + "riepilogo/")
        if status != 200:
            return self.stopped("summary page", status)
        keys = choices(text, "key")
        key = keys[0] if keys else ""
        attempt = {"key": key, "name": name, "outcome": "not sent"}
        with self.lock:
            self.attempts.append(attempt)
        status, headers, _t = visitor.post(
            step, base + "riepilogo/", {"csrfmiddlewaretoken": csrf(text), "key": key}
        )
        target = location(headers)
        if status == 302 and "/prenotazione/" in target:
            attempt["outcome"] = "done"
            visitor.get(step, target)
        elif status == 302:
            attempt["outcome"] = (
                "slot taken" if target.endswith("/orario/") else f"redirect {target}"
            )
        else:
            attempt["outcome"] = f"status {status}"

    # Running ---------------------------------------------------------------------------------

    def run_user(self, index, samples, until, only=None):
        rng = random.Random(f"{self.run_id}-{index}-{only}")
        cookies = {"staff edit": self.plan["staff_cookies"], "case": self.plan["case_cookies"]}
        ports = instance_ports(self.args)
        visitors = {
            name: Visitor(ports, samples, address=f"10.250.0.{index + 1}", cookies=c)
            for name, c in cookies.items()
        }
        anonymous = Visitor(ports, samples, address=f"10.251.0.{index + 1}")
        number = 0
        steps, weights = list(WEIGHTS), list(WEIGHTS.values())
        while time.monotonic() < until:
            step = only or rng.choices(steps, weights)[0]
            if step in ("bare", stats.ONE_QUERY):
                anonymous.get(step, f"/bench/{step}/")
            elif step == "booking":
                number += 1
                self.booking(anonymous, rng, index * 100000 + number)
            elif step == "staff edit":
                self.staff_edit(visitors[step], rng)
            elif step == "case":
                self.case(visitors[step], rng)
            else:
                getattr(self, step)(anonymous, rng)

    def load(self, seconds, only=None):
        samples = []
        started = time.monotonic()
        until = started + seconds
        threads = [
            threading.Thread(target=self.run_user, args=(i, samples, until, only), daemon=True)
            for i in range(self.args.users)
        ]
        for thread in threads:
            thread.start()
        return threads, samples, started


def instance_ports(args):
    return [args.port + i for i in range(args.instances)]


def start_gunicorn(args, env, log, port=None):
    port = port or args.port
    command = [
        str(ROOT / ".venv/bin/gunicorn"), "linkrete.wsgi", "--chdir", str(ROOT),
        "--workers", str(args.workers), "--bind", f"127.0.0.1:{port}",
        "--timeout", "30", "--log-level", "warning", "--error-logfile", str(log),
    ]  # fmt: skip
    # Gunicorn's own messages (worker timeouts) and the site's logs (tracebacks) in one file.
    output = open(log.with_suffix(".out"), "w")  # noqa: SIM115 (gunicorn's, to the end)
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=output)
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def start_worker(env, log):
    command = [str(ROOT / ".venv/bin/python"), "manage.py", "run_worker", "--interval", "0.5"]
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


def probe(port, path):
    """(status, has Retry-After) of one GET, 0 when nothing answered."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
            return r.status, r.headers.get("Retry-After") is not None
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Retry-After") is not None
    except OSError:
        return 0, False


def wait_ready(port, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if probe(port, "/readyz")[0] == 200:
            return time.monotonic()
        time.sleep(0.2)
    return None


def shell(command):
    started = time.monotonic()
    done = subprocess.run(command, shell=True, capture_output=True, text=True)  # nosec B602 # the operator's own command
    return {
        "command": command,
        "returncode": done.returncode,
        "seconds": time.monotonic() - started,
    }


def outage_probes(port, plan):
    paths = ["/", plan["search"][0], plan["detail"][0], "/healthz", "/readyz"]
    return {
        path: dict(zip(("status", "retry_after"), probe(port, path), strict=True)) for path in paths
    }


def run_fault(args, plan, state):
    """The fault asked for; fills ``state`` (what happened, when the site was back)."""
    if args.restart_postgres:
        state["restart"] = shell(args.restart_postgres)
    elif args.stop_postgres:
        state["stop"] = shell(args.stop_postgres)
        time.sleep(2)
        state["while_down"] = outage_probes(args.port, plan)
        time.sleep(max(0, args.down_seconds - 2))
        state["start"] = shell(args.start_postgres)
    elif args.stop_cache:
        state["stop"] = shell(args.stop_cache)
        time.sleep(2)
        state["while_down"] = outage_probes(args.port, plan)
        time.sleep(max(0, args.down_seconds - 2))
        state["start"] = shell(args.start_cache)
    elif args.kill_worker:
        old = state["worker"]
        old.send_signal(signal.SIGKILL)
        old.wait()
        state["killed_pid"] = old.pid
        time.sleep(2)
        state["worker"] = start_worker(state["env"], state["worker_log"])
    state["back_at"] = wait_ready(args.port)


def mails_per_booking(mail_dir, run_id):
    """How many mails each of this run's bookings had (by address and subject, which names the
    booking's code), from the files of Django's file backend."""
    counts = {}
    for path in Path(mail_dir).glob("*"):
        for chunk in path.read_text().split("-" * 79):
            message = email.message_from_string(chunk.strip(), policy=email.policy.default)
            to = str(message["To"] or "")
            if to.startswith(f"journey-{run_id}-"):
                key = (to, str(message["Subject"]))
                counts[key] = counts.get(key, 0) + 1
    return counts


def daily_jobs_enqueued(since):
    """The daily jobs enqueued since ``since`` (a datetime), by name: each at most once."""
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(
        task_path__endswith="run_daily_job", enqueued_at__gte=since
    ).values_list("args_kwargs", flat=True)
    counts = {}
    for args_kwargs in rows:
        name = (args_kwargs.get("args") or [""])[0]
        counts[name] = counts.get(name, 0) + 1
    return counts


def check_bookings(journey, wait_seconds):
    """Every booking tried complete or absent; no slot over capacity; mails sent."""
    from django.db import connection
    from django.db.models import Count, F

    from linkrete.mail import MailStatus
    from sportelli.models import Booking

    connection.close()  # the parent's connection did not survive a restart
    prefix = f"Journey {journey.run_id} "
    deadline = time.monotonic() + wait_seconds
    while True:
        made = Booking.objects.filter(name__startswith=prefix)
        pending = made.filter(confirmation_mail=MailStatus.PENDING).count()
        if not pending or time.monotonic() > deadline:
            break
        time.sleep(1)
    by_key = {b.idempotency_key: b for b in made}
    tried = {a["key"]: a for a in journey.attempts if a["key"]}
    problems = []
    for key, attempt in tried.items():
        booking = by_key.get(key)
        if attempt["outcome"] == "done" and booking is None:
            problems.append(f"{attempt['name']}: confirmed to the visitor, absent")
        if booking is not None and (
            booking.seat is None or booking.name != attempt["name"] or not booking.code
        ):
            problems.append(f"{attempt['name']}: incomplete row")
    untried = [b.name for b in made if b.idempotency_key not in tried]
    problems += [f"{name}: not tried by this run" for name in untried]
    over = (
        Booking.objects.exclude(seat=None)
        .values("desk", "starts_at", capacity=F("desk__capacity"))
        .annotate(n=Count("pk"))
        .filter(n__gt=F("capacity"))
        .count()
    )
    outcomes = {}
    for attempt in journey.attempts:
        outcomes[attempt["outcome"]] = outcomes.get(attempt["outcome"], 0) + 1
    return {
        "tried": len(journey.attempts),
        "outcomes": outcomes,
        "rows": made.count(),
        "mail_sent": made.filter(confirmation_mail=MailStatus.SENT).count(),
        "mail_pending": made.filter(confirmation_mail=MailStatus.PENDING).count(),
        "mail_failed": made.filter(confirmation_mail=MailStatus.FAILED).count(),
        "slots_over_capacity": over,
        "problems": problems,
    }


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--label", default="this branch")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--users", type=int, default=8, help="concurrent virtual users")
    parser.add_argument("--duration", type=int, default=60, help="seconds of the journey")
    parser.add_argument("--slice", type=int, default=5, help="seconds of each page alone")
    parser.add_argument("--port", type=int, default=8741)
    parser.add_argument(
        "--staff-user",
        default="ente",
        help="manager of the activities edited (national: bench-ente)",
    )
    parser.add_argument(
        "--case-user", default="equipe", help="case team member (national: bench-equipe)"
    )
    parser.add_argument("--page-cache", action="store_true", help="the page cache on")
    parser.add_argument("--fault-at", type=float, default=1 / 3, help="share of the duration")
    parser.add_argument("--down-seconds", type=int, default=10)
    parser.add_argument("--mail-wait", type=int, default=60, help="seconds for the mails")
    parser.add_argument("--restart-postgres", metavar="CMD")
    parser.add_argument("--stop-postgres", metavar="CMD")
    parser.add_argument("--start-postgres", metavar="CMD")
    parser.add_argument("--kill-worker", action="store_true")
    parser.add_argument("--stop-cache", metavar="CMD")
    parser.add_argument("--start-cache", metavar="CMD")
    parser.add_argument("--instances", type=int, default=1, help="gunicorns on one database")
    parser.add_argument("--run-workers", type=int, default=1, help="run_worker processes")
    args = parser.parse_args()
    faults = [args.restart_postgres, args.stop_postgres, args.kill_worker, args.stop_cache]
    if sum(bool(f) for f in faults) > 1:
        parser.error("one fault a run")
    if args.stop_postgres and not args.start_postgres:
        parser.error("--stop-postgres needs --start-postgres")
    if args.stop_cache:
        if not args.start_cache:
            parser.error("--stop-cache needs --start-cache")
        if "redis" not in os.environ.get("CACHE_BACKEND", "").lower():
            parser.error("--stop-cache: CACHE_BACKEND is not Redis here")
    return args


def main():
    args = parse_args()
    run_id = time.strftime("%H%M%S")
    workdir = Path(tempfile.mkdtemp(prefix="linkrete-journey-"))
    os.environ.setdefault("CACHE_LOCATION", str(workdir / "cache"))
    if "redis" not in os.environ.get("PAGE_CACHE_BACKEND", "").lower():
        os.environ["PAGE_CACHE_LOCATION"] = str(workdir / "pages")
    plan = prepare(args.staff_user, args.case_user)
    from django.utils import timezone

    started_at = timezone.now()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PAGE_CACHE": "1" if args.page_cache else "0",
        "DB_STATEMENT_TIMEOUT": "25",
        "TRUSTED_PROXY_COUNT": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "BENCH_MAIL_DIR": str(workdir / "mail"),
    }
    gunicorn_logs = [workdir / f"gunicorn-{port}.log" for port in instance_ports(args)]
    worker_log = open(workdir / "worker.log", "w")  # noqa: SIM115 (the worker's, to the end)
    servers = [
        start_gunicorn(args, env, log, port)
        for log, port in zip(gunicorn_logs, instance_ports(args), strict=True)
    ]
    state = {"env": env, "worker_log": worker_log, "worker": start_worker(env, worker_log)}
    # More workers on the same queue, each with its own daily-job scheduler.
    other_workers = [start_worker(env, worker_log) for _ in range(args.run_workers - 1)]
    journey = Journey(args, plan, run_id)
    load = os.getloadavg()
    try:
        # Every worker imports and fills its caches before anything is timed.
        for thread in journey.load(args.slice)[0]:
            thread.join()
        alone = []
        for step in ["bare", stats.ONE_QUERY, "search", "detail", "booking", "staff edit", "case"]:
            threads, samples, started = journey.load(args.slice, only=step)
            for thread in threads:
                thread.join()
            alone += stats.summarize(samples, time.monotonic() - started)[:-1]
        alone = stats.with_ratios(alone)
        threads, samples, started = journey.load(args.duration)
        fault = None
        if any([args.restart_postgres, args.stop_postgres, args.kill_worker, args.stop_cache]):
            time.sleep(args.duration * args.fault_at)
            state["fault_at"] = time.monotonic()
            fault = threading.Thread(target=run_fault, args=(args, plan, state))
            fault.start()
        for thread in threads:
            thread.join()
        seconds = time.monotonic() - started
        if fault:
            fault.join()
        mixed = stats.summarize(samples, seconds)
        checks = check_bookings(journey, args.mail_wait)
        checks["statuses"] = journey.outcomes
        checks["case_pages_found"] = len(journey.cases)
        mails = mails_per_booking(workdir / "mail", run_id)
        checks["confirmation_mails"] = sum(mails.values())
        checks["bookings_mailed_more_than_once"] = sum(n > 1 for n in mails.values())
        checks["daily_jobs_enqueued"] = daily_jobs_enqueued(started_at)
    finally:
        for process in [*servers, state["worker"], *other_workers]:
            process.send_signal(signal.SIGTERM)
        for process in [*servers, state["worker"], *other_workers]:
            process.wait(timeout=60)
    log_text = "".join(
        log.read_text() + log.with_suffix(".out").read_text() for log in gunicorn_logs
    )
    checks["worker_timeouts"] = stats.worker_timeouts(log_text)
    report = {
        "label": args.label,
        "args": vars(args),
        "load": [load, os.getloadavg()],
        "alone": alone,
        "journey": mixed,
        "checks": checks,
    }
    if fault:
        back = state.get("back_at")
        report["fault"] = {
            key: state[key]
            for key in ("restart", "stop", "start", "while_down", "killed_pid")
            if key in state
        } | {
            "seconds_from_fault_to_ready": back - state["fault_at"] if back else None,
            # Before: answered before the fault; during: answered after it, sent before the
            # database was back (in flight when it went counts here).
            "errors_before_fault": sum(s.error for s in samples if s.ended < state["fault_at"]),
            "errors_during": sum(
                s.error
                for s in samples
                if s.ended >= state["fault_at"] and s.started < (back or 1e18)
            ),
            "errors_once_back": stats.errors_after(samples, back) if back else None,
        }
    print(
        f"\n{args.label}: {args.instances} instance(s) of {args.workers} gunicorn workers, "
        f"{args.run_workers} run_worker(s), {args.users} users"
    )
    print(f"\nEach page alone, {args.slice} s each:\n" + stats.table(alone))
    print(f"\nThe journey, {args.duration} s:\n" + stats.table(mixed))
    print("\nChecks: " + json.dumps(checks, indent=1))
    if fault:
        print("Fault: " + json.dumps(report["fault"], indent=1))
    out = ROOT / "bench" / "results" / f"journey-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=1))
    print(f"\n{out}\nlogs: {workdir}")


if __name__ == "__main__":
    main()
