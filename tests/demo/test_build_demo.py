"""The demo that `make demo` builds holds what CONTRACT.md promises; building is idempotent."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from masthead.billing.models import Offer, Plan, Subscription
from masthead.billing.selectors import entitlement_for, live_offers
from masthead.engagement.models import Banner
from masthead.engagement.selectors import live_banners
from masthead.newsroom.models import ArticlePage, Author, HomePage, SectionPage, Topic

PASSWORD = "masthead-demo"


def build(*args):
    call_command("build_demo", "--no-progress", *args)


def snapshot():
    from wagtail.images import get_image_model
    from wagtail.models import Revision

    return {
        model.__name__: model.objects.count()
        for model in (
            ArticlePage,
            SectionPage,
            Author,
            Topic,
            Plan,
            Offer,
            Banner,
            Subscription,
            get_user_model(),
            get_image_model(),
            Revision,
        )
    }


@pytest.mark.django_db
def test_demo_holds_the_contract_and_building_twice_adds_nothing():
    build()
    now = timezone.now()

    home = HomePage.objects.get()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert home.title == "The Meridian Ledger"

    articles = ArticlePage.objects.live()
    assert articles.count() >= 30
    assert SectionPage.objects.child_of(home).live().count() >= 4
    assert articles.filter(access="metered").count() >= 20
    assert articles.filter(access="free").count() >= 2
    assert articles.filter(access="subscribers").count() >= 2
    assert articles.exclude(sponsor="").count() >= 1
    sponsored = articles.exclude(sponsor="").first()
    assert sponsored.sponsor_label == "Sponsored content"
    assert sponsored.sponsor_disclosure.startswith("This content was commissioned by")
    assert articles.exclude(contributor_note="").exists()
    assert any(b.block_type == "crosshead" for a in articles for b in a.body)
    with_callout = [a for a in articles if any(b.block_type == "callout" for b in a.body)]
    assert len(with_callout) == 1 and with_callout[0].access == "free"
    assert all(a.first_published_at > now - timezone.timedelta(days=21) for a in articles)
    newest = articles.order_by("-first_published_at").first()
    assert newest.first_published_at > now - timezone.timedelta(days=1)
    assert all(a.lead_image_id and a.primary_topic_id and a.authors for a in articles)
    assert all(a.live_revision_id for a in articles)
    assert Author.objects.count() >= 8
    assert Topic.objects.count() >= 12

    offers = {o.slug: o for o in live_offers(now)}
    for slug in ("intro-1-month", "intro-3-months"):
        assert slug in offers and offers[slug].ends_at is not None
    assert offers["intro-1-month"].title == "Try 1 month for $0.99"
    assert any(b.text.startswith("The Meridian Ledger turns ten") for b in live_banners(now))

    User = get_user_model()
    editor = User.objects.get(username="editor@example.com")
    reader = User.objects.get(username="reader@example.com")
    subscriber = User.objects.get(username="subscriber@example.com")
    assert editor.is_staff and editor.is_superuser and editor.check_password(PASSWORD)
    assert reader.check_password(PASSWORD) and subscriber.check_password(PASSWORD)
    assert not entitlement_for(reader, now).entitled
    assert entitlement_for(subscriber, now).entitled

    before = snapshot()
    build()
    assert snapshot() == before


@pytest.mark.django_db
def test_reset_removes_and_rebuilds_the_demo():
    build("--scale", "5")
    first = set(ArticlePage.objects.values_list("pk", flat=True))
    build("--reset", "--scale", "5")
    assert ArticlePage.objects.count() == 5
    assert not first & set(ArticlePage.objects.values_list("pk", flat=True))
    assert get_user_model().objects.filter(username__endswith="@example.com").count() == 3
    assert Offer.objects.count() == 3


@pytest.mark.django_db
def test_scale_builds_that_many_articles():
    build("--scale", "50")
    assert ArticlePage.objects.live().count() == 50
    assert ArticlePage.objects.filter(access="metered").exists()
