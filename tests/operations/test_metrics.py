"""/metrics: Prometheus' text format behind the bearer token, by route never by raw path, and
added up across server processes (issue 11, item 13)."""

import re
import urllib.request

import pytest

from tests import factories
from tests.support.live import running_server
from tests.support.live import test_database_url as database_url

TOKEN = "metrics-token-0123456789"


@pytest.fixture
def metrics_token(settings):
    settings.METRICS_TOKEN = TOKEN


def _scrape(client, token=TOKEN):
    return client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.mark.django_db
def test_no_token_configured_means_no_metrics(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404
    assert _scrape(client, "").status_code == 404


@pytest.mark.django_db
@pytest.mark.usefixtures("metrics_token")
def test_wrong_or_missing_token_is_404(client):
    assert client.get("/metrics").status_code == 404
    assert _scrape(client, "wrong").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION=TOKEN).status_code == 404


@pytest.mark.django_db
@pytest.mark.usefixtures("metrics_token")
def test_metrics_count_routes_gate_decisions_and_queue_depth(client, world):
    article = factories.article(world)
    client.get(article.public_path)
    client.get("/no/such/page/at/all-1234/")
    response = _scrape(client)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert 'masthead_gate_decisions_total{outcome="metered"}' in text
    assert "masthead_task_queue_depth" in text
    assert "masthead_request_seconds_bucket" in text
    assert "masthead_emails_sent_total" in text or "masthead_emails_sent" in text
    routes = set(re.findall(r'masthead_requests_total\{[^}]*route="([^"]*)"', text))
    assert "all-1234" not in text and article.slug not in text  # never a raw path
    assert routes


def _robots_total(text: str) -> float:
    total = 0.0
    for line in text.splitlines():
        wanted = ('route="robots"', 'status="200"', 'method="GET"')
        if line.startswith("masthead_requests_total{") and all(w in line for w in wanted):
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_metrics_add_up_across_server_processes(tmp_path, django_db_setup):
    env = {
        "DATABASE_URL": database_url(),
        "MASTHEAD_METRICS_TOKEN": TOKEN,
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path),
    }
    with running_server(env, workers=2, ready_path="/robots.txt") as base:
        for _ in range(30):
            urllib.request.urlopen(base + "/robots.txt", timeout=5).read()
        totals = []
        for _ in range(6):  # each scrape may be answered by either process
            request = urllib.request.Request(
                base + "/metrics", headers={"Authorization": f"Bearer {TOKEN}"}
            )
            text = urllib.request.urlopen(request, timeout=5).read().decode()
            totals.append(_robots_total(text))
        assert min(totals) >= 31, totals  # 30 plus the readiness check, from both processes
