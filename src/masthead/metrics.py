"""``/metrics``: Prometheus' text format, only for ``Authorization: Bearer
$MASTHEAD_METRICS_TOKEN``; 404 when no token is configured and for any other caller (the
token is compared in constant time). Values of every server process are added up when
``PROMETHEUS_MULTIPROC_DIR`` is set (``masthead.observability``); the task queue's depth is
read from django-tasks-db's table at scrape time.
"""

import hmac
import os

from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django_tasks_db.models import DBTaskResult
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector

from masthead import observability


class QueueDepth:
    def collect(self):
        gauge = GaugeMetricFamily(
            "masthead_task_queue_depth", "Background tasks waiting to run", labels=["queue"]
        )
        try:
            rows = DBTaskResult.objects.filter(status="READY").values_list("queue_name")
            depths: dict[str, int] = {}
            for (queue,) in rows.iterator():
                depths[queue] = depths.get(queue, 0) + 1
        except DatabaseError:
            depths = {}
        for queue, depth in sorted(depths.items()) or [("default", 0)]:
            gauge.add_metric([queue], depth)
        yield gauge


def _registry() -> CollectorRegistry:
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        MultiProcessCollector(registry)
    else:
        for metric in (
            observability.REQUESTS,
            observability.LATENCY,
            observability.GATE_DECISIONS,
            observability.METER_FAILURES,
            observability.CACHE_FAILURES,
            observability.EMAILS_SENT,
            observability.EMAILS_FAILED,
        ):
            registry.register(metric)
    registry.register(QueueDepth())
    return registry


def metrics_view(request):
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    if not token or not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        raise Http404("No such page.")
    response = HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)
    response["Cache-Control"] = "no-store"
    return response
