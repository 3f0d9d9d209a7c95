"""Builds (and resets) the demo publication, "The Meridian Ledger": what ``make demo`` shows and
what the acceptance tests read (CONTRACT.md, demo accounts and demo content).

``STEPS`` is the build, in order; each step is a module of ``masthead.demo.steps`` with
``build(demo)`` and ``reset(demo)``, and adding one is one line here. The steps find everything
by its slug, e-mail, name or text before making it, so building twice changes nothing;
``reset`` runs the steps' resets in reverse and removes exactly what they make.

- ``catalogue``: topics, authors, plans, offers, the banner, the scheduled promotion (data in
  ``masthead.demo.catalogue``);
- ``accounts``: the five demo accounts and their subscriptions, through billing's services;
- ``site``: the home page as the site's root, and the section fronts;
- ``articles``: the default demo's articles, published through Wagtail's revisions;
- ``scale``: with ``--scale N`` instead, N generated articles by a fast bulk path (benchmarks);
- ``history``: 62 days of generated reader history and a finished meter experiment (not with
  ``--scale``);
- ``history_accounts``: the accounts and billing rows of the history's sign-ups and
  subscriptions (so active subscribers, MRR and churn describe the history's readers);
- ``newsletters``: two newsletters, the demo reader and subscriber subscribed, one issue sent;
- ``comments``: comment threads with replies on four articles, a pending and a reported comment
  in the moderation queue, a suspended reader.
"""

import time

from django.db import transaction

from .context import Demo
from .steps import (
    accounts,
    articles,
    catalogue,
    comments,
    history,
    history_accounts,
    newsletters,
    scale,
    site,
)

STEPS = [
    catalogue,
    accounts,
    site,
    articles,
    scale,
    history,
    history_accounts,
    newsletters,
    comments,
]


def build(demo: Demo) -> dict[str, int]:
    """Run every step; returns what was created, by kind, and the time taken."""
    started = time.monotonic()
    for step in STEPS:
        step.build(demo)
    created = dict(demo.created)
    created["seconds"] = round(time.monotonic() - started, 1)
    return created


def reset(demo: Demo) -> None:
    """Delete what the steps create (and only that)."""
    with transaction.atomic():
        for step in reversed(STEPS):
            step.reset(demo)
    demo.log("Demo content removed.")
