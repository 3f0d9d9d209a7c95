"""The demo's accounts (password ``DEMO_PASSWORD``) and the billing history behind each.

A history is the sequence of states the payment provider reported, oldest first, each applied
through ``billing.services.upsert_subscription`` as a webhook would: so the trial that ended
and the paid subscription that lapsed reach the gate exactly as real ones do. Day offsets are
relative to the build (negative: in the past).
"""

from dataclasses import dataclass, field

from masthead.billing.models.subscriptions import SubscriptionStatus as S

DEMO_PASSWORD = "masthead-demo"  # noqa: S105 - public demo credentials, printed on purpose


@dataclass(frozen=True)
class State:
    """One state of a subscription, as the provider reported it."""

    status: str
    period_end_days: float | None = None
    trial_end_days: float | None = None
    ended_days: float | None = None


@dataclass(frozen=True)
class Account:
    email: str
    role: str
    shows: str  # what a visitor sees when signed in as this account, for the summary
    staff: bool = False
    plan: str = ""
    offer: str = ""
    history: tuple[State, ...] = field(default_factory=tuple)


ACCOUNTS = [
    Account(
        "editor@example.com",
        "editor (Wagtail admin, staff)",
        "the Wagtail admin, the revenue dashboard; reads everything",
        staff=True,
    ),
    Account(
        "reader@example.com",
        "registered reader, no subscription",
        "the meter, then first wall: subscription",
    ),
    Account(
        "subscriber@example.com",
        "subscriber (active)",
        "reads everything; gift links on /account/",
        plan="monthly",
        history=(State(S.ACTIVE, period_end_days=30),),
    ),
    Account(
        "trial-ended@example.com",
        "reader whose free trial ended without paying",
        "first wall: trial-expired",
        plan="annual",
        offer="annual-trial",
        history=(
            State(S.TRIALING, period_end_days=-6, trial_end_days=-6),
            State(S.CANCELED, period_end_days=-6, trial_end_days=-6, ended_days=-6),
        ),
    ),
    Account(
        "lapsed@example.com",
        "reader whose paid subscription lapsed",
        "first wall: access-expired",
        plan="monthly",
        history=(
            State(S.ACTIVE, period_end_days=-12),
            State(S.CANCELED, period_end_days=-12, ended_days=-12),
        ),
    ),
]

EMAILS = tuple(a.email for a in ACCOUNTS)
EDITOR_EMAIL = ACCOUNTS[0].email
