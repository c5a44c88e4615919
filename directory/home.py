"""The home page's figures, kept in Django's cache between requests.

At national scale (600,000 activities) counting the activities of each need and finding the
zones that have one takes seconds of SQL: far too much for every visit of the front door, and
the figures only change when the data does. So they are computed once and kept in the shared
cache (settings: ``CACHES``) under a key of the day (an activity's validity period is counted by
date, so a new day starts with fresh figures).

How fresh they are: any save or delete of an activity, organization, category, taxonomy, zone,
location or municipality, and any change of an activity's categories or locations or a zone's
municipalities, drops the cached copy at once and again when the transaction commits (signals
connected in ``DirectoryConfig.ready``, whatever code writes: the staff's approved changes, the
admin, imports); the next visit computes them again. A ``QuerySet.update()`` sends no signal, so
the copy also expires after ``TIMEOUT`` seconds: figures are at most that old after such writes.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.db.models.functions import Coalesce
from django.utils import timezone

from directory.models import Activity, Category, Organization, Zone

NEED_TAXONOMIES = ("aree-intervento", "tempo-libero")
# The zones offered as links on the home page; the others are found by the place search.
HOME_ZONES = 24
TIMEOUT = 600
KEY_PREFIX = "directory:home-figures:1:"
# The last figures computed, shown while another process recomputes them.
LAST_KEY = "directory:home-figures:last"
LAST_TIMEOUT = 24 * 3600
LOCK_KEY = "directory:home-figures:computing"
LOCK_TIMEOUT = 60


def _key(day):
    return f"{KEY_PREFIX}{day.isoformat()}"


def figures():
    """{need_categories, zones, zone_total, activity_count, organization_count} of today.

    One process at a time recomputes them (seconds at national scale); meanwhile the others
    show the last figures computed, if any, rather than pile up the same queries.
    """
    day = timezone.localdate()
    key = _key(day)
    cached = cache.get(key)
    if cached is not None:
        return cached
    computing = cache.add(LOCK_KEY, True, LOCK_TIMEOUT)
    if not computing:
        last = cache.get(LAST_KEY)
        if last is not None:
            return last
    try:
        cached = _compute(day)
        cache.set(key, cached, TIMEOUT)
        cache.set(LAST_KEY, cached, LAST_TIMEOUT)
    finally:
        if computing:
            cache.delete(LOCK_KEY)
    return cached


def _compute(day):
    visible = Activity.objects.public().current(on=day)
    # One pass over the activities' categories, grouped by root (a root or a root's child):
    # at national scale half the time of one count per root.
    per_root = dict(
        visible.order_by()
        .values_list(Coalesce("categories__parent", "categories"))
        .annotate(n=Count("pk", distinct=True))
    )
    need_categories = list(
        Category.objects.roots()
        .filter(taxonomy__slug__in=NEED_TAXONOMIES)
        .select_related("taxonomy")
        .prefetch_related(Prefetch("children", queryset=Category.objects.order_by("order", "name")))
    )
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
    """Drop today's cached figures (a signal receiver: takes the signal's arguments)."""
    key = _key(timezone.localdate())
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))
