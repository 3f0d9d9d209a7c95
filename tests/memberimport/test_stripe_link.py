"""Readers who already pay through the publication's Stripe account: their live subscriptions
become Masthead's, read through the real Stripe SDK from the Stripe-shaped server in
tests/billing, with GET requests only (nobody is charged) and nobody e-mailed."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from masthead.billing.models import Plan, Subscription
from masthead.billing.selectors import entitlement_for
from masthead.events.kinds import EventKind
from masthead.events.models import ReaderEvent
from tests import factories
from tests.access.test_gate_web import wall
from tests.billing import stripe_fixtures as fx
from tests.billing.stripe_fixtures import deliver
from tests.factories import CANARY

from .support import import_members, rejected_lines, write_csv

pytestmark = pytest.mark.django_db
stripe_fake = fx.stripe_fake  # the shared fixture
User = get_user_model()


@pytest.fixture
def monthly(db):
    return Plan.objects.create(name="Monthly", slug="monthly", amount="10")


def only_reads(fake) -> bool:
    return bool(fake.requests) and all(r["method"] == "GET" for r in fake.requests)


def ghost_csv(tmp_path, *rows: str):
    return write_csv(tmp_path, "email,name,stripe_customer_id\n" + "".join(f"{r}\n" for r in rows))


def test_a_live_subscription_is_linked_and_the_reader_reads_on(
    client, tmp_path, stripe_fake, monthly, world
):
    paid = stripe_fake.existing_subscription("payer@example.com", cancel_at_period_end=True)
    trial = stripe_fake.existing_subscription("trial@example.com", status="trialing", trial_days=9)
    stripe_fake.existing_subscription("old@example.com", status="canceled")
    path = ghost_csv(
        tmp_path,
        f"payer@example.com,Payer,{paid['customer']}",
        f"trial@example.com,Trial,{trial['customer']}",
    )
    mail.outbox.clear()
    code, report = import_members(
        path, "--price", "price_legacy_monthly=monthly", tmp_path=tmp_path
    )
    assert code == 0, report
    assert report["counts"]["subscriptions"] == {
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
    }
    payer = User.objects.get(email="payer@example.com")
    sub = Subscription.objects.get(user=payer)
    end = paid["items"]["data"][0]["current_period_end"]
    assert (sub.provider, sub.provider_subscription_id, sub.provider_customer_id) == (
        "stripe",
        paid["id"],
        paid["customer"],
    )
    assert sub.status == "active" and sub.cancel_at_period_end is True
    assert sub.current_period_end == datetime.fromtimestamp(end, tz=UTC)
    assert sub.plan == monthly
    trialing = Subscription.objects.get(user__email="trial@example.com")
    assert trialing.status == "trialing"
    assert trialing.trial_end == datetime.fromtimestamp(trial["trial_end"], tz=UTC)
    assert only_reads(stripe_fake) and mail.outbox == []
    # Taken over, not started today: the revenue dashboard counts the reader from Stripe's
    # start date and not as a new subscription of the import's week.
    assert sub.created_at == datetime.fromtimestamp(paid["start_date"], tz=UTC)
    assert not ReaderEvent.objects.filter(kind=EventKind.SUBSCRIPTION_STARTED).exists()
    assert not ReaderEvent.objects.filter(kind=EventKind.CANCELLATION).exists()

    # The paying reader reads a subscribers-only article at once ...
    page = factories.article(world, access="subscribers")
    client.force_login(payer)
    response = client.get(page.public_path)
    assert wall(response) is None and CANARY in response.content.decode()
    # ... and Stripe's webhooks keep the subscription true: cancelled there, walled here.
    ended = stripe_fake.set_subscription(paid["id"], status="canceled")
    assert (
        deliver(client, stripe_fake, "customer.subscription.deleted", ended)[0].status_code == 200
    )
    assert Subscription.objects.get(user=payer).status == "canceled"
    assert ReaderEvent.objects.filter(kind=EventKind.LAPSE).count() == 1  # webhooks count
    response = client.get(page.public_path)
    assert wall(response) == "subscribers-only" and CANARY not in response.content.decode()


def test_the_plans_own_stripe_price_maps_it_and_a_rerun_changes_nothing(
    tmp_path, stripe_fake, monthly
):
    Plan.objects.filter(pk=monthly.pk).update(stripe_price_id="price_legacy_monthly")
    paid = stripe_fake.existing_subscription("payer@example.com")
    path = ghost_csv(tmp_path, f"payer@example.com,Payer,{paid['customer']}")
    assert import_members(path, tmp_path=tmp_path)[0] == 0
    assert Subscription.objects.get().plan == monthly
    code, report = import_members(path, tmp_path=tmp_path)
    assert code == 0
    assert report["counts"]["subscriptions"]["unchanged"] == 1
    assert all(c["created"] == 0 and c["updated"] == 0 for c in report["counts"].values())
    assert Subscription.objects.count() == 1


def test_auto_finds_the_customer_by_email(tmp_path, stripe_fake, monthly):
    stripe_fake.existing_subscription("auto@example.com")
    path = ghost_csv(tmp_path, "auto@example.com,Auto,auto")
    code, report = import_members(
        path, "--price", "price_legacy_monthly=monthly", tmp_path=tmp_path
    )
    assert code == 0, report
    assert Subscription.objects.get().user.email == "auto@example.com"
    assert only_reads(stripe_fake)


def test_nothing_is_guessed(tmp_path, stripe_fake, monthly):
    unmapped = stripe_fake.existing_subscription("unmapped@example.com", price="price_other")
    taken = stripe_fake.existing_subscription("taken@example.com")
    someone = factories.user("someone@example.org")
    Subscription.objects.create(
        user=someone, provider="stripe", provider_subscription_id=taken["id"], status="active"
    )
    owned = stripe_fake.existing_subscription("owned@example.com")
    Subscription.objects.create(
        user=someone,
        provider="stripe",
        provider_subscription_id="sub_elsewhere",
        provider_customer_id=owned["customer"],
        status="active",
    )
    stripe_fake.create_customer({"email": "twice@example.com"})
    stripe_fake.create_customer({"email": "twice@example.com"})
    path = ghost_csv(
        tmp_path,
        "ghost@example.com,Nobody,cus_doesnotexist",
        f"unmapped@example.com,Unmapped,{unmapped['customer']}",
        f"taken@example.com,Taken,{taken['customer']}",
        f"owned@example.com,Owned,{owned['customer']}",
        "nobody@example.com,Nobody,auto",
        "twice@example.com,Twice,auto",
    )
    code, report = import_members(
        path, "--price", "price_legacy_monthly=monthly", tmp_path=tmp_path
    )
    assert code == 1
    lines = rejected_lines(report)
    assert "Stripe has no customer cus_doesnotexist" in lines["line 2"]
    assert "price price_other maps to no plan" in lines["line 3"]
    assert "already linked to another reader" in lines["line 4"]
    assert "already belongs to another reader" in lines["line 5"]
    assert "no Stripe customer has the e-mail nobody@example.com" in lines["line 6"]
    assert "2 Stripe customers have the e-mail" in lines["line 7"]
    assert report["counts"]["subscriptions"]["rejected"] == 6
    assert report["counts"]["members"]["created"] == 6  # the readers themselves are imported
    assert set(Subscription.objects.values_list("user__email", flat=True)) == {
        "someone@example.org"
    }
    assert only_reads(stripe_fake)


def test_substack_paid_members_carry_their_connected_customer(tmp_path, stripe_fake, monthly):
    paid = stripe_fake.existing_subscription("sub@example.com")
    path = write_csv(
        tmp_path,
        "email,active_subscription,expiry,plan,email_disabled,created_at,"
        "stripe_connected_customer_id\n"
        f"sub@example.com,true,,monthly,false,2021-05-06T07:08:09.000Z,{paid['customer']}\n"
        "free@example.com,false,,,true,2022-01-01T00:00:00.000Z,\n",
    )
    code, report = import_members(
        path, "--price", "price_legacy_monthly=monthly", tmp_path=tmp_path
    )
    assert code == 0, report
    assert report["format"] == "substack"
    assert Subscription.objects.get().user.email == "sub@example.com"
    assert entitlement_for(User.objects.get(email="sub@example.com"), datetime.now(UTC)).entitled


def test_without_stripe_the_subscription_is_reported_not_linked(tmp_path):
    path = ghost_csv(tmp_path, "payer@example.com,Payer,cus_123")
    code, report = import_members(path, tmp_path=tmp_path)
    assert code == 1
    assert "Stripe is not configured" in rejected_lines(report)["line 2"]
    assert User.objects.filter(email="payer@example.com").exists()
    assert not Subscription.objects.exists()


def test_auto_also_tries_the_address_as_the_file_spells_it(tmp_path, stripe_fake, monthly):
    stripe_fake.existing_subscription("Mixed.Case@Example.com")
    path = ghost_csv(tmp_path, "Mixed.Case@Example.com,Mixed,auto")
    code, report = import_members(
        path, "--price", "price_legacy_monthly=monthly", tmp_path=tmp_path
    )
    assert code == 0, report
    assert Subscription.objects.get().user.email == "mixed.case@example.com"


def test_a_dry_run_reads_stripe_and_writes_nothing(tmp_path, stripe_fake, monthly):
    paid = stripe_fake.existing_subscription("payer@example.com")
    path = ghost_csv(tmp_path, f"payer@example.com,Payer,{paid['customer']}")
    code, report = import_members(
        path, "--dry-run", "--price", "price_legacy_monthly=monthly", tmp_path=tmp_path
    )
    assert code == 0
    assert report["counts"]["subscriptions"]["created"] == 1
    assert not Subscription.objects.exists() and not User.objects.exists()
    assert only_reads(stripe_fake)
