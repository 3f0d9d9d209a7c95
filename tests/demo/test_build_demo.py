"""The demo that `make demo` builds holds what CONTRACT.md promises; building is idempotent;
``--reset`` starts over; ``--scale`` adds generated articles."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Revision, Site

from masthead.access.models import Promotion
from masthead.billing.models import Offer, Plan, Subscription
from masthead.billing.selectors import entitlement_for, live_offers
from masthead.engagement.models import Banner
from masthead.engagement.selectors import live_banners
from masthead.newsroom.models import ArticlePage, Author, HomePage, SectionPage, Topic

pytestmark = pytest.mark.xdist_group("demo")
PASSWORD = "masthead-demo"


def build(*args) -> str:
    out = StringIO()
    call_command("build_demo", "--no-progress", *args, stdout=out)
    return out.getvalue()


def snapshot():
    models = (ArticlePage, SectionPage, Author, Topic, Plan, Offer, Banner, Promotion)
    models += (Subscription, get_user_model(), get_image_model(), Revision)
    return {model.__name__: model.objects.count() for model in models}


def test_demo_holds_the_contracts_content(demo):
    now = timezone.now()
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert home.title == "The Meridian Ledger"

    articles = ArticlePage.objects.live()
    assert articles.count() >= 30
    assert len({a.get_parent().pk for a in articles}) >= 4
    assert articles.filter(access="metered").count() >= 20
    assert articles.filter(access="free").count() >= 2
    assert articles.filter(access="subscribers").count() >= 2
    sponsored = articles.exclude(sponsor="")
    assert sponsored.exists()
    assert sponsored[0].sponsor_label == "Sponsored content"
    assert sponsored[0].sponsor_disclosure.startswith("This content was commissioned by")
    assert any(
        a.contributor_note and any(b.block_type == "crosshead" for b in a.body) for a in articles
    )
    with_callout = [a for a in articles if any(b.block_type == "callout" for b in a.body)]
    assert len(with_callout) == 1
    assert all(now - timezone.timedelta(days=21) < a.first_published_at < now for a in articles)
    newest = articles.order_by("-first_published_at")[0]
    assert newest.first_published_at > now - timezone.timedelta(days=1)
    # Published through Wagtail's revisions, at their own (past) time, not "updated" today.
    assert all(a.live_revision_id and a.last_published_at == a.first_published_at for a in articles)
    assert all(a.lead_image_id and a.primary_topic_id for a in articles)
    assert all(a.authors for a in articles.filter(sponsor=""))  # sponsored: no newsroom byline
    assert Author.objects.count() >= 8 and Topic.objects.count() >= 12

    offers = {o.slug: o for o in live_offers(now)}
    for slug in ("intro-1-month", "intro-3-months"):
        assert slug in offers and offers[slug].ends_at is not None
    assert offers["intro-1-month"].title == "Try 1 month for $0.99"
    assert any(b.text.startswith("The Meridian Ledger turns ten") for b in live_banners(now))
    promotion = Promotion.objects.get()
    assert timezone.timedelta(days=1) < promotion.starts_at - now < timezone.timedelta(days=7)


def test_demo_accounts_have_their_billing_state(demo):
    now = timezone.now()
    users = {u.email: u for u in get_user_model().objects.filter(email__endswith="@example.com")}
    assert set(users) == {
        f"{name}@example.com"
        for name in ("editor", "reader", "subscriber", "trial-ended", "lapsed")
    }
    assert all(u.check_password(PASSWORD) for u in users.values())
    assert users["editor@example.com"].is_staff and users["editor@example.com"].is_superuser
    state = {email: entitlement_for(user, now) for email, user in users.items()}
    assert state["subscriber@example.com"].entitled
    assert not state["reader@example.com"].entitled and state["reader@example.com"].lapse is None
    trial_ended, lapsed = state["trial-ended@example.com"], state["lapsed@example.com"]
    assert (trial_ended.entitled, trial_ended.lapse) == (False, "trial")
    assert (lapsed.entitled, lapsed.lapse) == (False, "access")


def test_building_again_adds_nothing(demo):
    before = snapshot()
    assert "nothing to add" in build()
    assert snapshot() == before


def test_the_summary_lists_accounts_walls_urls_and_the_mail_folder(demo):
    for line in (
        "trial-ended@example.com — first wall: trial-expired",
        "lapsed@example.com — first wall: access-expired",
        "subscriber@example.com — reads everything",
        "editor@example.com — the Wagtail admin",
        "reader@example.com — the meter, then first wall: subscription",
        "/admin/revenue/",
        "/newsletters/",
        "mail/",
    ):
        assert line in demo
    assert "password for all: masthead-demo" in demo


def test_reset_removes_the_demo_and_scale_builds_generated_articles(demo):
    first = set(ArticlePage.objects.values_list("pk", flat=True))
    build("--reset", "--scale", "5")
    assert ArticlePage.objects.live().count() == 5
    assert not first & set(ArticlePage.objects.values_list("pk", flat=True))
    assert get_user_model().objects.filter(username__endswith="@example.com").count() == 5
    assert Offer.objects.count() == 4 and Promotion.objects.count() == 1
    build("--scale", "8")  # adds only the three missing
    assert ArticlePage.objects.live().count() == 8
    assert ArticlePage.objects.filter(access="metered").exists()


def test_scale_must_be_positive(demo):
    with pytest.raises(Exception, match="positive"):
        build("--scale", "0")
