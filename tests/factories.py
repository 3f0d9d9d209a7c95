"""Small builders for a test publication: a home page, sections, authors and articles.

Articles are published through Wagtail (``save_revision().publish()``) as editors would.
"""

import itertools
import json
import re

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from masthead.newsroom.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    HomePage,
    SectionPage,
    Topic,
)

CANARY = "CANARY-7f3a9c-GATED-TEXT"
PASSWORD = "correct horse battery staple"
_seq = itertools.count(1)


def home_page() -> HomePage:
    existing = HomePage.objects.first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    if root is None:
        # A transactional test flushed the tables, rows from Wagtail's migrations included.
        Locale.objects.get_or_create(language_code="en")
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="The Test Ledger", slug="home-test"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    # Wagtail's "Welcome" page is no longer reachable; remove it to keep the tree clean.
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return HomePage.objects.get(pk=home.pk)


def section(slug="world", title=None) -> SectionPage:
    existing = SectionPage.objects.filter(slug=slug).first()
    if existing:
        return existing
    home = home_page()
    page = home.add_child(instance=SectionPage(title=title or slug.title(), slug=slug))
    page.save_revision().publish()
    return SectionPage.objects.get(pk=page.pk)


def author(name="Ana Writer", role="staff writer") -> Author:
    slug = name.lower().replace(" ", "-")
    return Author.objects.get_or_create(slug=slug, defaults={"name": name, "role": role})[0]


def topic(name="Trade") -> Topic:
    return Topic.objects.get_or_create(slug=name.lower(), defaults={"name": name})[0]


def body(paragraphs: int = 6, canary_from: int = 2, crosshead: bool = True) -> str:
    """A body of ``paragraphs`` paragraphs; paragraphs from index ``canary_from`` hold CANARY."""
    blocks = []
    for i in range(paragraphs):
        text = f"Paragraph {i + 1} of the story with ordinary public words."
        if i >= canary_from:
            text = f"Gated paragraph {i + 1} holds {CANARY} and more detail."
        blocks.append({"type": "paragraph", "value": f"<p>{text}</p>"})
        if crosshead and i == 3:
            blocks.append({"type": "crosshead", "value": f"A crosshead {CANARY}"})
    return json.dumps(blocks)


def article(
    parent=None,
    *,
    title=None,
    access="metered",
    sponsor="",
    paragraphs=6,
    canary_from=2,
    authors=None,
    topics=None,
    contributor_note="",
    publish=True,
    dateline="TOKYO",
    standfirst=None,
) -> ArticlePage:
    parent = parent or section()
    n = next(_seq)
    page = ArticlePage(
        title=title or f"Test headline number {n}",
        slug=f"test-article-{n}",
        standfirst=standfirst or f"A standfirst for story {n} that tells the reader why.",
        dateline=dateline,
        body=body(paragraphs, canary_from),
        access=access,
        sponsor=sponsor,
        contributor_note=contributor_note or f"Staff writers contributed. {CANARY}",
    )
    parent.add_child(instance=page)
    for i, a in enumerate(authors if authors is not None else [author()]):
        ArticleAuthor.objects.create(article=page, author=a, sort_order=i)
    if topics:
        page.topics.set(topics)
        page.primary_topic = topics[0]
        page.save()
    if publish:
        page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def user(email="reader@example.org", password=PASSWORD, **extra):
    User = get_user_model()
    existing = User.objects.filter(email=email).first()
    if existing:
        return existing
    from allauth.account.models import EmailAddress

    created = User.objects.create_user(username=email, email=email, password=password, **extra)
    EmailAddress.objects.create(user=created, email=email, verified=True, primary=True)
    return created


def subscriber(email="subscriber@example.org", status="active", days=30, **sub):
    from masthead.billing.models import Subscription

    u = user(email)
    Subscription.objects.create(
        user=u,
        provider="demo",
        provider_subscription_id=f"sub_test_{next(_seq)}",
        status=status,
        current_period_end=timezone.now() + timezone.timedelta(days=days),
        converted=status == "active",
        **sub,
    )
    return u


def image(title="Test image", size=(800, 450), color=(120, 40, 40)):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image
    from wagtail.models import Collection

    if Collection.get_first_root_node() is None:  # a transactional test flushed Wagtail's rows
        Collection.add_root(name="Root")
    buffer = BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="test.jpg"))


def emailed_code(message) -> str:
    """The sign-in or verification code (``ABCD-EFGH``) in an allauth e-mail."""
    return re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", message.body, re.M)[1]


def me(client) -> dict:
    """What ``/api/v1/me/`` says of the client's session."""
    return client.get("/api/v1/me/").json()
