"""The demo's revenue dashboard passes a publisher's glance (issue 24, items 6 and 7): churn
of a few percent, every wall kind met, callout answers and newsletter sign-ups, and every rate
shown with its n (or "too few to tell")."""

import re

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.xdist_group("demo")
FIGURE = re.compile(
    r'<div class="revenue-figure" data-metric="([a-z_]+)" data-value="([0-9.]+)"'
    r'(?: data-n="([0-9]+)")?><dt>[^<]*</dt><dd>([^<]*)</dd>'
)
RATES = ("stop_rate", "registration_wall_conversion", "paid_stop_conversion", "trial_to_paid",
         "churn")  # fmt: skip


def figures(client) -> dict[str, tuple[float, int | None, str]]:
    client.force_login(get_user_model().objects.get(email="editor@example.com"))
    response = client.get("/admin/revenue/")
    assert response.status_code == 200
    found = FIGURE.findall(response.content.decode())
    return {name: (float(v), int(n) if n else None, shown) for name, v, n, shown in found}


def test_the_last_30_days_look_like_a_publication(demo, client):
    shown = figures(client)
    churn, base, text = shown["churn"]
    assert base is not None and base >= 400  # a real base of subscribers, not a handful
    assert 0 < churn < 0.25 and text.endswith("%")
    for wall in ("registration", "subscription", "trial_expired", "access_expired",
                 "subscribers_only"):  # fmt: skip
        assert shown[f"walls_{wall}"][0] > 0, wall
    for name in ("cancellations", "lapses", "callout_answers", "newsletter_signups", "trials"):
        assert shown[name][0] > 0, name
    assert 400 <= shown["active_subscribers"][0] <= 700
    assert 0.05 <= shown["registration_wall_conversion"][0] <= 0.10  # published figures
    assert 0.005 <= shown["paid_stop_conversion"][0] <= 0.05
    assert shown["readers"][0] > 10_000


def test_every_rate_shows_its_n_or_says_too_few_to_tell(demo, client):
    shown = figures(client)
    for name in RATES:
        value, n, text = shown[name]
        assert n is not None, name
        assert text == "too few to tell" if n < 30 else text == f"{value * 100:.1f}%"
    assert all(shown[name][1] is None for name in ("readers", "mrr", "walls"))
