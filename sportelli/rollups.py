"""Keeping the desk accesses' monthly and daily rollups (``AccessMonth``, ``AccessTopicMonth``,
``AccessDay``, ``AccessTopicDay``) exact.

A desk's month (its monthly rows and its days' rows) is recounted from its accesses in the
transaction that saves, edits or deletes one of them or changes its topics (the signals
connected in ``apps.py``): the rollups commit or roll back with the access, so the dashboard's
figures are as fresh as the access log. A recount reads one desk's month through
``access_desk_when_idx``: ten small grouped queries. ``refresh_access_months`` rebuilds both
rollups whole (``manage.py refresh_indicator_rollups``, nightly) for what bypasses the models:
bulk loads, SQL, a topic moved to another parent.

Two recounts of one desk (two operators saving at once) queue on a transaction-level advisory
lock of the desk, so the second counts the first's access; the nightly rebuild takes the
exclusive lock the recounts share, so neither writes rows the other is replacing.
"""

import datetime

from django.db import connection, transaction
from django.db.models import Count, DateField
from django.db.models.functions import Coalesce, TruncDate, TruncMonth
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils import timezone

from directory.indicators.needs_offer import area_of
from directory.indicators.period import midnight, next_month
from sportelli.models import (
    FIELD_OF_DIMENSION,
    Access,
    AccessDay,
    AccessMonth,
    AccessTopicDay,
    AccessTopicMonth,
    Dimension,
)

# pg_advisory_xact_lock's keys: the rebuild (one bigint) and a desk's recount (two ints).
REBUILD_LOCK = 7_125_031_214
DESK_LOCK = 714
MONTH_MODELS = (AccessMonth, AccessTopicMonth)
DAY_MODELS = (AccessDay, AccessTopicDay)


def month_of(instant: datetime.datetime) -> datetime.date:
    """The first day of the local month of ``instant`` (the months the dashboard shows)."""
    return timezone.localtime(instant).date().replace(day=1)


def counted_rows(accesses) -> tuple[list[AccessMonth], list[AccessTopicMonth]]:
    """The monthly rollup's rows for ``accesses`` (an ``Access`` queryset): five grouped
    queries."""
    return _counted(accesses, TruncMonth, "month", AccessMonth, AccessTopicMonth)


def counted_days(accesses) -> tuple[list[AccessDay], list[AccessTopicDay]]:
    """The daily rollup's rows for ``accesses``: five grouped queries."""
    return _counted(accesses, TruncDate, "day", AccessDay, AccessTopicDay)


def _counted(accesses, trunc, when, model, topic_model):
    """Rows of ``model`` and ``topic_model`` counting ``accesses`` by desk, ``when`` (the local
    month or day of ``occurred_at``, truncated by ``trunc``) and each dimension."""
    by_when = accesses.order_by().annotate(**{when: trunc("occurred_at", output_field=DateField())})
    rows = [
        model(
            desk_id=row["desk"],
            dimension=dimension,
            value=row[field],
            accesses=row["n"],
            **{when: row[when]},
        )
        for dimension, field in FIELD_OF_DIMENSION.items()
        for row in by_when.values("desk", when, field).annotate(n=Count("pk"))
    ]
    areas = (
        by_when.annotate(root=Coalesce("topics__parent__slug", "topics__slug"))
        .annotate(area=area_of("root"))
        .values("desk", when, "area")
        .annotate(n=Count("pk", distinct=True))
    )
    rows += [
        model(
            desk_id=row["desk"],
            dimension=Dimension.AREA,
            value=row["area"],
            accesses=row["n"],
            **{when: row[when]},
        )
        for row in areas
        if row["area"]
    ]
    topics = [
        topic_model(
            desk_id=row["desk"], topic_id=row["topics"], accesses=row["n"], **{when: row[when]}
        )
        for row in by_when.filter(topics__isnull=False)
        .values("desk", when, "topics")
        .annotate(n=Count("pk"))
    ]
    return rows, topics


def refresh_access_months() -> int:
    """Every month of every desk, from the accesses as they are now; returns the rows written.
    One transaction: the dashboard reads the old rows until it commits."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REBUILD_LOCK])
        written = 0
        for counted, models in ((counted_rows, MONTH_MODELS), (counted_days, DAY_MODELS)):
            for model in models:
                model.objects.all().delete()
            for model, found in zip(models, counted(Access.objects.all()), strict=True):
                model.objects.bulk_create(found, batch_size=5000)
                written += len(found)
    return written


def recount(slices) -> None:
    """Recount each (desk id, month) of ``slices`` from its accesses, in the current
    transaction."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock_shared(%s)", [REBUILD_LOCK])
            for desk in sorted({desk for desk, _month in slices}):
                cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [DESK_LOCK, desk])
        for desk, month in sorted(slices):
            accesses = Access.objects.filter(
                desk=desk,
                occurred_at__gte=midnight(month),
                occurred_at__lt=midnight(next_month(month)),
            )
            for model in MONTH_MODELS:
                model.objects.filter(desk=desk, month=month).delete()
            for model in DAY_MODELS:
                model.objects.filter(desk=desk, day__gte=month, day__lt=next_month(month)).delete()
            for counted, models in ((counted_rows, MONTH_MODELS), (counted_days, DAY_MODELS)):
                for model, found in zip(models, counted(accesses), strict=True):
                    model.objects.bulk_create(found)


def _slice(access) -> tuple[int, datetime.date]:
    return access.desk_id, month_of(access.occurred_at)


def _remember_where_it_was(sender, instance, raw=False, **kwargs):
    """An edit may move the access to another desk or month: both are recounted."""
    instance._counted_in = None
    if raw or instance._state.adding or instance.pk is None:
        return
    was = Access.objects.filter(pk=instance.pk).values_list("desk_id", "occurred_at").first()
    if was:
        instance._counted_in = (was[0], month_of(was[1]))


def _saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the nightly rebuild counts it
        return
    slices = {_slice(instance)}
    if getattr(instance, "_counted_in", None):
        slices.add(instance._counted_in)
    recount(slices)


def _deleted(sender, instance, **kwargs):
    recount({_slice(instance)})


def _topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        recount({_slice(instance)})
    elif pk_set:  # a topic's accesses changed (from the category's side)
        recount(
            {
                (desk, month_of(when))
                for desk, when in Access.objects.filter(pk__in=pk_set).values_list(
                    "desk_id", "occurred_at"
                )
            }
        )


def connect() -> None:
    pre_save.connect(_remember_where_it_was, sender=Access, dispatch_uid="access_month_pre")
    post_save.connect(_saved, sender=Access, dispatch_uid="access_month_saved")
    post_delete.connect(_deleted, sender=Access, dispatch_uid="access_month_deleted")
    m2m_changed.connect(
        _topics_changed, sender=Access.topics.through, dispatch_uid="access_month_topics"
    )
