"""Step: the demo accounts (``catalogue.accounts``) and their billing histories.

Users are made with Django's ``create_user`` and a verified primary address in allauth's
``EmailAddress`` (so signing in needs no e-mailed code); each subscription state is applied
through ``billing.services.upsert_subscription``, the path every provider's webhook takes. The
states are re-applied on each build, relative to its time, so the active subscriber stays active
and the trial and the paid period stay recently ended however old the demo is.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

from masthead.billing.models import Offer, Plan
from masthead.billing.services import upsert_subscription
from masthead.revenue.access import revenue_access_grant

from ..catalogue.accounts import ACCOUNTS, DEMO_PASSWORD, EDITOR_EMAIL, EMAILS, Account
from ..context import Demo


def build(demo: Demo) -> None:
    with transaction.atomic():
        for account in ACCOUNTS:
            user = ensure_user(demo, account)
            apply_history(demo, user, account)
            demo.users[account.email] = user
    demo.editor = demo.users[EDITOR_EMAIL]
    revenue_access_grant(demo.editor)  # the "Revenue" group: the dashboard at /admin/revenue/


def ensure_user(demo: Demo, account: Account):
    User = get_user_model()
    user = User.objects.filter(username=account.email).first()
    if user is None:
        user = User.objects.create_user(
            username=account.email,
            email=account.email,
            password=DEMO_PASSWORD,
            first_name=account.email.split("@")[0].replace("-", " ").title(),
            is_staff=account.staff,
            is_superuser=account.staff,
        )
        demo.count("accounts")
    EmailAddress.objects.get_or_create(
        user=user, email=account.email, defaults={"verified": True, "primary": True}
    )
    return user


def subscription_id(account: Account) -> str:
    return "demo_sub_" + account.email.split("@")[0].replace("-", "_")


def apply_history(demo: Demo, user, account: Account) -> None:
    if not account.history:
        return
    sub_id = subscription_id(account)
    plan = Plan.objects.filter(slug=account.plan).first()
    offer = Offer.objects.filter(slug=account.offer).first() if account.offer else None
    made = not user.subscriptions.filter(provider_subscription_id=sub_id).exists()

    def at(days: float | None):
        return None if days is None else demo.now + timedelta(days=days)

    for state in account.history:
        upsert_subscription(
            user=user,
            provider="demo",
            provider_subscription_id=sub_id,
            status=state.status,
            current_period_end=at(state.period_end_days),
            trial_end=at(state.trial_end_days),
            ended_at=at(state.ended_days),
            plan=plan,
            offer=offer,
            customer_id=sub_id.replace("_sub_", "_cus_"),
        )
    demo.count("subscriptions", made)


def reset(demo: Demo) -> None:
    """The users go, and their subscriptions, grants and addresses with them (cascade)."""
    get_user_model().objects.filter(username__in=EMAILS).delete()
