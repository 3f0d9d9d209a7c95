"""Reader pages: every element of the article page, and every listing page answering."""

import pytest

from masthead.newsroom.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(world):
    page = factories.article(
        world,
        title="Harbour cranes fall silent as the port strike enters its second week",
        access="free",
        authors=[
            factories.author("Mina Okafor", "staff writer"),
            factories.author("Leo Varga", "correspondent"),
        ],
        topics=[factories.topic("Trade"), factories.topic("Labour")],
        contributor_note="Staff writers Ada Lin and Tom Reyes contributed to this story.",
    )
    img = factories.image()
    ArticlePage.objects.filter(pk=page.pk).update(
        lead_image=img,
        lead_image_caption="Idle cranes at the container terminal.",
        lead_image_credit="© Test Agency",
        lead_image_alt="Cranes against a grey sky",
    )
    return ArticlePage.objects.get(pk=page.pk)


def test_article_page_shows_every_element(client, story):
    response = client.get(story.public_path)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h1 id="headline" class="article__headline">{story.title}</h1>' in html
    assert story.standfirst in html
    assert 'href="/authors/mina-okafor/" rel="author">Mina Okafor</a>' in html
    assert '<span class="byline__role">staff writer</span>' in html
    assert 'class="byline__topic" href="/topics/trade/">Trade</a>' in html
    assert "TOKYO —" in html
    assert 'class="crosshead">A crosshead' in html
    assert "Staff writers Ada Lin and Tom Reyes contributed to this story." in html
    assert "Idle cranes at the container terminal." in html
    assert "© Test Agency" in html
    assert 'alt="Cranes against a grey sky"' in html
    for network in ("facebook", "linkedin", "twitter", "email", "print"):
        assert f'data-share="{network}"' in html
    assert f'href="{story.public_path}print/"' in html
    assert '<script src="https://' not in html  # no third-party scripts
    assert f'<link rel="canonical" href="http://127.0.0.1:8000{story.public_path}">' in html
    assert 'type="application/rss+xml"' in html and "/feeds/latest/" in html
    assert 'property="og:image" content="http://127.0.0.1:8000/media/images/' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert "data-article-body" in html
    assert '<main id="main"' in html and 'role="contentinfo"' in html


def test_email_share_prefills_subject_and_body(client, story):
    html = client.get(story.public_path).content.decode()
    assert 'href="mailto:?subject=Harbour%20cranes%20fall%20silent' in html


def test_print_view_has_print_stylesheet_and_same_article(client, story):
    response = client.get(story.public_path + "print/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "masthead/css/print.css" in html
    assert story.title in html and '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/world/",
        "/world/?page=2",
        "/world/?page=x",
        "/topics/trade/",
        "/authors/mina-okafor/",
        "/search/",
        "/search/?q=harbour",
        "/search/?q=%ff'\"<>",
    ],
)
def test_listing_pages_answer(client, story, path):
    response = client.get(path)
    assert response.status_code == 200


def test_front_page_leads_with_newest_story_and_section_rails(client, world):
    factories.article(world, title="Older story")
    factories.article(world, title="Newest story")
    factories.article(factories.section("business", "Business"), title="Business story")
    html = client.get("/").content.decode()
    assert "card--lead" in html
    assert html.index("Business story") < html.index("Older story")
    assert 'href="/business/"' in html


def test_search_finds_by_headline(client, story):
    html = client.get("/search/", {"q": "harbour cranes"}).content.decode()
    assert story.title in html
    assert "1 result" in html


def test_unknown_topic_and_author_are_404(client, site):
    assert client.get("/topics/nothing/").status_code == 404
    assert client.get("/authors/nobody/").status_code == 404
    assert client.get("/no/such/page/").status_code == 404


def test_sponsored_article_carries_label_and_disclosure(client, world):
    page = factories.article(world, sponsor="Northwind Ferries")
    html = client.get(page.public_path).content.decode()
    assert "data-sponsored" in html
    assert "This content was commissioned by Northwind Ferries" in html
    assert "data-sponsored" in client.get("/").content.decode()
