"""The home page's figures, recomputed in the background and kept in Django's cache.

At national scale (600,000 activities) counting the activities of each need and finding the
zones that have one takes about 3.7 s of SQL: far too much for any visit of the front door.
So no visitor ever computes them: the worker does (``directory.tasks.recompute_home_figures``)
and stores them in the shared cache (settings: ``CACHES``); every visit reads the last stored
figures and no table. Another part of the site that keeps copies of pages showing them (a page
cache) listens to ``figures_stored``, sent once new figures are in the cache.

How fresh they are: any save or delete of a row a public page shows (an activity, organization,
category, taxonomy, zone, place, municipality…: ``directory.apps.public_models``, the same that
renew the page cache), and any change of their many-to-many links (an activity's categories or
places, a zone's municipalities), whatever code writes (the staff's approved changes, the
admin, imports), enqueues one recompute once its transaction commits; the figures change as
soon as the worker has run it (a few seconds at national scale). At most one recompute waits in
the queue however many changes come (``PENDING_KEY``); a change during a recompute enqueues the
next. A ``QuerySet.update()`` sends no signal, so figures older than ``MAX_AGE``, or of another
day (an activity's validity period is counted by date), are recomputed too, on the next visit,
which still shows them meanwhile. On a cold start (an empty cache) the page shows the needs
without counts and enqueues a recompute.
"""

import datetime
import logging

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.db.models.functions import Coalesce
from django.dispatch import Signal
from django.utils import timezone

from directory.models import Activity, Category, Organization, Zone
from linkrete.error_pages import database_error_in

logger = logging.getLogger(__name__)

NEED_TAXONOMIES = ("aree-intervento", "tempo-libero")
# The zones offered as links on the home page; the others are found by the place search.
HOME_ZONES = 24
FIGURES_KEY = "directory:home-figures:3"
# Kept until replaced; the timeout only bounds a cache that is never written again.
FIGURES_TIMEOUT = 7 * 24 * 3600
MAX_AGE = datetime.timedelta(minutes=10)
# Set while a recompute waits in the queue; expires in case the worker never takes it.
PENDING_KEY = "directory:home-figures:pending"
PENDING_TIMEOUT = 15 * 60

# Sent with ``figures`` (the dict ``figures()`` returns) once new figures are stored.
figures_stored = Signal()


def figures():
    """{need_categories, zones, zone_total, activity_count, organization_count}: the last
    stored figures, or on a cold start the needs without counts (counts are None)."""
    stored = cache.get(FIGURES_KEY)
    if stored is None:
        schedule_recompute()
        return _without_counts()
    if stored["day"] != timezone.localdate() or stored["computed_at"] < timezone.now() - MAX_AGE:
        schedule_recompute()
    return stored


def schedule_recompute() -> None:
    """Enqueue one recompute, unless one is already waiting."""
    # Imported here: directory.tasks imports this module.
    from directory.tasks import recompute_home_figures

    if not cache.add(PENDING_KEY, True, PENDING_TIMEOUT):
        return
    try:
        recompute_home_figures.enqueue()
    except Exception as error:
        # The page (or the save that called this) must not fail for it: the next change or
        # visit tries again. A database outage is logged by its type alone, as the requests'
        # (``linkrete.outage_logging``); anything else with its traceback.
        cache.delete(PENDING_KEY)
        if database_error_in(error) is not None:
            logger.warning(
                "Could not enqueue the home figures' recompute: %s", type(error).__name__
            )
        else:
            logger.exception("Could not enqueue the home figures' recompute")


def store_figures() -> dict:
    """Compute today's figures and store them (the worker's part); returns them."""
    # A change committed from now on must enqueue a recompute of its own.
    cache.delete(PENDING_KEY)
    day = timezone.localdate()
    stored = {**_compute(day), "day": day, "computed_at": timezone.now()}
    cache.set(FIGURES_KEY, stored, FIGURES_TIMEOUT)
    figures_stored.send(sender=store_figures, figures=stored)
    return stored


def _need_categories():
    return list(
        Category.objects.roots()
        .filter(taxonomy__slug__in=NEED_TAXONOMIES)
        .select_related("taxonomy")
        .prefetch_related(Prefetch("children", queryset=Category.objects.order_by("order", "name")))
    )


def _without_counts():
    need_categories = _need_categories()
    for root in need_categories:
        root.activity_count = None
    return {
        "need_categories": need_categories,
        "zones": [],
        "zone_total": 0,
        "activity_count": None,
        "organization_count": None,
    }


def _compute(day):
    visible = Activity.objects.public().not_ended(on=day)
    # One pass over the activities' categories, grouped by root (a root or a root's child):
    # at national scale half the time of one count per root.
    per_root = dict(
        visible.order_by()
        .values_list(Coalesce("categories__parent", "categories"))
        .annotate(n=Count("pk", distinct=True))
    )
    need_categories = _need_categories()
    for root in need_categories:
        root.activity_count = per_root.get(root.pk, 0)
    zones = list(
        Zone.objects.filter(
            Exists(visible.filter(locations__municipality__zones=OuterRef("pk")))
        ).order_by("name")
    )
    return {
        "need_categories": need_categories,
        "zones": zones[:HOME_ZONES],
        "zone_total": len(zones),
        "activity_count": visible.count(),
        "organization_count": Organization.objects.published().count(),
    }


def forget(**kwargs):
    """Recompute the figures once the current transaction commits (a signal receiver: takes
    the signal's arguments). ``robust``: a failure is logged, the saved change stands."""
    transaction.on_commit(schedule_recompute, robust=True)
