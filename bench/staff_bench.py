"""Every signed-in page as its user, timed through the test client: the association area of the
500-activity organization (``bench-ente``), the console of the busy desk (``bench-operatore``),
the coordinator's pages and the Django admin's changelist, search, filter and change form for
every registered model (``bench-coordinatore``; a model the coordinator may not open is timed as
a superuser). Users and data come from bench/populate_network.py; on the demo data the demo
accounts are used (``ente``, ``sportello``, ``coordinatore``).

    DATABASE_URL=postgres://postgres@127.0.0.1:54347/linkrete \
        .venv/bin/python bench/staff_bench.py [--repeat 10] [--once-over 3000]

A page slower than ``--once-over`` ms on its first request is measured that once (the
coordinator's landing took a minute before issue 19); ``--statement-timeout`` (s) stops a query
that would run for ever. Same columns as site_bench.py, plus the peak memory growth.
"""

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib import admin  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import update_last_login  # noqa: E402
from django.contrib.auth.signals import user_logged_in  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench.measure import measure, save  # noqa: E402
from directory.models import (  # noqa: E402
    BoardPost,
    Course,
    Organization,
    Revision,
    Volunteer,
    VolunteeringCall,
)
from sportelli.models import Desk, Referral  # noqa: E402
from tests.signing_in import Client  # noqa: E402  (signs in with the second factor verified)

USERS = {
    "staff": ("bench-ente", "ente"),
    "operator": ("bench-operatore", "sportello"),
    "coordinator": ("bench-coordinatore", "coordinatore"),
}
FILTER_LINK = re.compile(r'href="(\?[a-z_]+__(?:exact|id__exact|isnull|gte)=[^"&]+)"')


def user(role):
    users = get_user_model().objects
    return users.filter(username__in=USERS[role]).order_by("username").first()


def association_pages(org):
    """The association area of ``org`` as its manager."""

    def staff(name, **kwargs):
        return reverse(f"staff:{name}", kwargs={"slug": org.slug, **kwargs})

    activity = org.activities.order_by("pk").first()
    location = org.locations.order_by("pk").first()
    volunteer = Volunteer.objects.filter(organization=org).order_by("pk").first()
    course = Course.objects.filter(plan__organization=org).order_by("pk").first()
    call = VolunteeringCall.objects.filter(organization=org).order_by("pk").first()
    revision = Revision.objects.filter(organization=org).order_by("pk").first()
    post = BoardPost.objects.filter(organization=org).order_by("pk").first()
    pages = [
        ("home", reverse("staff:home")),
        ("landing", reverse("landing")),
        ("organization", staff("organization")),
        ("profile form", staff("organization_edit")),
        ("members", staff("member_list")),
        ("new activity form", staff("activity_new")),
        ("new place form", staff("location_new")),
        ("changes", staff("revision_history")),
        ("volunteers", staff("volunteer_list")),
        ("new volunteer form", staff("volunteer_new")),
        ("volunteer register CSV", staff("volunteer_export")),
        ("volunteer register print", staff("volunteer_print")),
        ("hours log", staff("hours_log")),
        ("hours totals", staff("hours_totals")),
        ("training", staff("training")),
        ("new course form", staff("course_new")),
        ("calls", staff("call_list")),
        ("new call form", staff("call_new")),
        ("applications", staff("application_list")),
        ("needs and offers", reverse("staff:board")),
        ("new post form", reverse("staff:board_post_new")),
        ("courses open to the network", reverse("staff:network_courses")),
        ("referrals received", reverse("sportelli:referral_list") + "?casella=ricevute"),
        ("referrals sent", reverse("sportelli:referral_list") + "?casella=inviate"),
        ("new referral form", reverse("sportelli:referral_create")),
    ]
    if activity:
        pages += [
            ("activity form", staff("activity_edit", pk=activity.pk)),
            ("activity hours", staff("activity_hours", pk=activity.pk)),
        ]
    if location:
        pages.append(("place form", staff("location_edit", pk=location.pk)))
    if volunteer:
        pages += [
            ("volunteer", staff("volunteer_detail", pk=volunteer.pk)),
            ("volunteer form", staff("volunteer_edit", pk=volunteer.pk)),
        ]
    if course:
        pages += [
            ("course", staff("course_detail", pk=course.pk)),
            ("course form", staff("course_edit", pk=course.pk)),
        ]
    if call:
        pages.append(("call form", staff("call_edit", pk=call.pk)))
    if revision:
        pages.append(("change", staff("revision_detail", pk=revision.pk)))
    if post:
        pages.append(("post", reverse("staff:board_post", kwargs={"pk": post.pk})))
    return pages


def console_pages(operator):
    desk = Desk.objects.filter(operators=operator).annotate(n=Count("bookings")).order_by("-n")[0]
    referral = Referral.objects.filter(to_desk=desk).order_by("pk").first()
    console = reverse("sportelli:console")
    pages = [
        ("agenda, today", f"{console}?sportello={desk.slug}"),
        ("agenda, week", f"{console}?sportello={desk.slug}&vista=settimana"),
        ("accesses", reverse("sportelli:access_list")),
        ("accesses CSV", reverse("sportelli:access_export")),
        ("new access form", reverse("sportelli:access_create", kwargs={"slug": desk.slug})),
        ("closures", reverse("sportelli:desk_closures", kwargs={"slug": desk.slug})),
        ("referrals received", reverse("sportelli:referral_list") + "?casella=ricevute"),
        ("referrals sent", reverse("sportelli:referral_list") + "?casella=inviate"),
        ("new referral form", reverse("sportelli:referral_create")),
    ]
    if referral:
        pages.append(("referral", referral.get_absolute_url()))
    return pages


def coordinator_pages():
    revision = Revision.objects.pending().order_by("pk").first()
    call = VolunteeringCall.objects.filter(review_status="pending").order_by("pk").first()
    big = Organization.objects.annotate(n=Count("activities")).order_by("-n").first()
    pages = [
        ("landing", reverse("landing")),
        ("area home", reverse("staff:home")),
        ("review queue", reverse("staff:review_queue")),
        ("call review queue", reverse("staff:call_review_queue")),
        ("all referrals", reverse("sportelli:referral_list") + "?casella=tutte"),
        ("organization (500 activities)", reverse("staff:organization", kwargs={"slug": big.slug})),
        ("admin index", reverse("admin:index")),
        # Forms where a coordinator acts for any organization (typed, not a list of all).
        ("new post form", reverse("staff:board_post_new")),
        ("invitation form", reverse("staff:invite")),
    ]
    if post := BoardPost.objects.order_by("pk").first():
        pages.append(("post", reverse("staff:board_post", kwargs={"pk": post.pk})))
    if revision:
        pages.append(
            ("change to review", reverse("staff:review_detail", kwargs={"pk": revision.pk}))
        )
    if call:
        pages.append(
            ("call to review", reverse("staff:call_review_detail", kwargs={"pk": call.pk}))
        )
    return pages


def admin_pages(client):
    """Changelist, a search, the first filter link and the newest object's change form of every
    registered model."""
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        name = f"admin {meta.app_label}.{meta.model_name}"
        yield name, "changelist", changelist
        if model_admin.search_fields:
            yield name, "search", f"{changelist}?q=prova"
        if model_admin.list_filter:
            html = client.get(changelist).content.decode()
            if link := FILTER_LINK.search(html):
                yield name, "filter", changelist + link.group(1).replace("&amp;", "&")
        newest = model.objects.order_by("-pk").values_list("pk", flat=True).first()
        if newest is not None:
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[newest])
            yield name, "change form", change


def main():
    # Staff and coordinators owe the second factor: the test client's sign-in verifies an
    # authenticator, creating one for a bench user who has none. Everything the run writes
    # (that device, the sessions) is rolled back: the national-scale database stays as it was.
    # Signing in leaves the users' last_login alone: that update would lock their row until the
    # rollback, and a second run beside this one would wait for it (and time out).
    user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
    with transaction.atomic():
        run_all()
        transaction.set_rollback(True)


def run_all():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--once-over", type=float, default=3000, help="ms; measured once above")
    parser.add_argument("--statement-timeout", type=int, default=120, help="seconds")
    parser.add_argument("--only", help="kinds of page containing this text")
    parser.add_argument("--skip", help="pages whose label contains this text")
    parser.add_argument(
        "--pages", help="only pages whose label contains one of these texts (comma-separated)"
    )
    args = parser.parse_args()
    with connection.cursor() as cursor:
        cursor.execute(f"SET statement_timeout = '{args.statement_timeout}s'")
    staff, operator, coordinator = user("staff"), user("operator"), user("coordinator")
    org = Organization.objects.filter(memberships__user=staff, memberships__role="manager")[0]
    plan = [("association area", staff, p) for p in association_pages(org)]
    plan += [("desk console", operator, p) for p in console_pages(operator)]
    plan += [("coordinator", coordinator, p) for p in coordinator_pages()]
    clients = {}
    results = []

    def run(kind, who, label, url):
        if who.pk not in clients:
            clients[who.pk] = Client(raise_request_exception=False)
            clients[who.pk].force_login(who)
        result = measure(clients[who.pk], kind, label, url, args.repeat, args.once_over)
        results.append(result | {"user": who.username})
        return result

    for kind, who, (label, url) in plan:
        wanted = not args.pages or any(text in label for text in args.pages.split(","))
        skipped = args.skip and args.skip in label
        if (not args.only or args.only in kind) and wanted and not skipped:
            run(kind, who, label, url)
    if not args.only or "admin" in args.only:
        superuser = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        clients[coordinator.pk] = clients.get(coordinator.pk) or Client(
            raise_request_exception=False
        )
        clients[coordinator.pk].force_login(coordinator)
        for kind, label, url in admin_pages(clients[coordinator.pk]):
            if run(kind, coordinator, label, url)["status"] == 403 and superuser:
                results.pop()
                run(kind, superuser, label + " (superuser)", url)
    save("staff", results, vars(args))


if __name__ == "__main__":
    main()
