"""Probes for the load balancer and the orchestrator, outside the language prefixes.

``/healthz``: the process answers (no database, session or cache). ``/readyz``: it can serve,
the database answering ``SELECT 1`` and the shared cache a write and a read; 503 otherwise,
naming the component that failed and nothing else (no host, no error message). Both are
``GET`` and ``HEAD`` only, public, never cached, and not in the sitemaps.

``MachinePathsMiddleware`` answers them, and ``/metrics``, before the other middlewares: no
session, CSRF or HTTPS redirect, and no check of the ``Host`` header, which a load balancer or
Prometheus calling a worker by its address (``10.0.0.5:8000``) sends instead of the site's name.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK, FAILING = "ok", "unavailable"
# Seconds the cache's test entry lives should its deletion fail.
CACHE_PROBE_SECONDS = 10


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception as error:  # any failure means "not ready"; the type is enough to log
        logger.warning("Readiness: the database failed (%s)", type(error).__name__)
        return False


def _cache() -> bool:
    key = f"readyz:{uuid.uuid4().hex}"
    try:
        cache.set(key, key, CACHE_PROBE_SECONDS)
        ok = cache.get(key) == key
        cache.delete(key)
        return ok
    except Exception as error:
        logger.warning("Readiness: the cache failed (%s)", type(error).__name__)
        return False


def _answer(components: dict[str, bool]) -> JsonResponse:
    ready = all(components.values())
    body = {"status": OK if ready else FAILING}
    body.update({name: OK if ok else FAILING for name, ok in components.items()})
    return JsonResponse(body, status=200 if ready else 503)


@csrf_exempt
@require_safe
@never_cache
def healthz(request):
    return _answer({})


@csrf_exempt
@require_safe
@never_cache
def readyz(request):
    return _answer({"database": _database(), "cache": _cache()})


class MachinePathsMiddleware:
    def __init__(self, get_response):
        from linkrete import metrics

        self.get_response = get_response
        self.views = {"/healthz": healthz, "/readyz": readyz, "/metrics": metrics.metrics}

    def __call__(self, request):
        view = self.views.get(request.path_info)
        if view is not None:
            return view(request)
        return self.get_response(request)
