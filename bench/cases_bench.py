"""The family cases' pages timed through the test client on a database filled by
bench/populate_cases.py: the team's home (its first pages) as the team lead and as an educator
on every case of the team, the case page and the diary of the case with the longest history
(``BENCHBIG00``) and of an ordinary case, the audit trail of the big case (the lead's).
The issue's target: p95 ≤ 100 ms for the home and the case page, queries fixed whatever the
history's length.

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/cases_bench.py [--repeat 20] [--once-over 3000]

Same columns as site_bench.py and staff_bench.py (bench/measure.py); JSON to bench/results/.
Every case page read writes its audit rows, as in production: the history grows while timed.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench.measure import measure, save  # noqa: E402
from bench.populate_cases import BIG_CODE, MARKER, WORKER  # noqa: E402
from famiglie.models import Case, CaseState  # noqa: E402
from tests.signing_in import Client  # noqa: E402  (signs in with the second factor verified)


def pages(is_lead):
    big = Case.objects.get(code=BIG_CODE)
    ordinary = (
        Case.objects.filter(team=big.team)
        .exclude(pk=big.pk)
        .exclude(state=CaseState.CLOSED)
        .order_by("pk")
        .first()
    )
    home = reverse("famiglie:home")
    found = [
        ("home", "first page", home),
        ("home", "page 5", home + "?pagina=5"),
        ("case", "longest history", big.get_absolute_url()),
        ("case", "longest history, timeline page 50", big.get_absolute_url() + "?pagina=50"),
        ("diary", "longest history", reverse("famiglie:note_list", args=[big.code])),
        ("diary", "page 20", reverse("famiglie:note_list", args=[big.code]) + "?pagina=20"),
    ]
    if is_lead:
        found.append(("audit", "longest history", reverse("famiglie:case_audit", args=[big.code])))
    if ordinary:
        found += [
            ("case", "ordinary", ordinary.get_absolute_url()),
            ("diary", "ordinary", reverse("famiglie:note_list", args=[ordinary.code])),
        ]
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--once-over", type=float, default=3000)
    args = parser.parse_args()
    users = get_user_model().objects
    results = []
    for username in (MARKER, WORKER):
        user = users.get(username=username)
        client = Client()
        client.force_login(user)
        for kind, label, url in pages(username == MARKER):
            results.append(
                measure(client, kind, f"{label} ({username})", url, args.repeat, args.once_over)
            )
    save("cases", results, {"repeat": args.repeat, "once_over": args.once_over})


if __name__ == "__main__":
    main()
