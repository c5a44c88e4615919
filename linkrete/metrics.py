"""Prometheus metrics at ``/metrics``, when ``METRICS_ENABLED`` is set.

django-prometheus (its two middlewares and its PostgreSQL backend, put in place by the
settings) counts requests by view, method and status, times them in histograms by view, and
times every database query; this module adds the task queue's depth, read from django-tasks-db's
table when Prometheus scrapes. With several gunicorn workers each keeps its figures in files
under ``PROMETHEUS_MULTIPROC_DIR`` and the scrape adds them up (prometheus-client's multiprocess
mode): README, "Errors, health and monitoring".

``METRICS_TOKEN``, if set, must come as ``Authorization: Bearer <token>``; without
``METRICS_ENABLED`` the URL answers 404.
"""

import hmac
import os

import prometheus_client
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from prometheus_client import multiprocess
from prometheus_client.core import GaugeMetricFamily

MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"


class TaskQueueCollector:
    """Tasks waiting to run (ready now) and running, by queue: one query a scrape."""

    def collect(self):
        from django_tasks_db.models import DBTaskResult

        ready = GaugeMetricFamily(
            "linkrete_tasks_ready", "Background tasks ready to run, by queue.", labels=["queue"]
        )
        rows = DBTaskResult.objects.ready().values("queue_name").annotate(total=Count("pk"))
        for row in rows.order_by("queue_name"):
            ready.add_metric([row["queue_name"]], row["total"])
        yield ready


def _exposition() -> bytes:
    # The request and database figures: this process's, or every worker's in multiprocess mode.
    if os.environ.get(MULTIPROCESS_ENV):
        registry = prometheus_client.CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = prometheus_client.REGISTRY
    # The queue is read once, by the worker that answers the scrape.
    tasks = prometheus_client.CollectorRegistry()
    tasks.register(TaskQueueCollector())
    return prometheus_client.generate_latest(registry) + prometheus_client.generate_latest(tasks)


def _authorized(request) -> bool:
    token = settings.LINKRETE_METRICS_TOKEN
    if not token:
        return True
    given = request.headers.get("Authorization", "")
    return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


@csrf_exempt
@require_safe
@never_cache
def metrics(request):
    if not settings.LINKRETE_METRICS_ENABLED:
        raise Http404
    if not _authorized(request):
        raise PermissionDenied
    return HttpResponse(
        _exposition(),
        content_type=prometheus_client.CONTENT_TYPE_LATEST,
    )
