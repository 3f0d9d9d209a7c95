"""The gate never leaks: a canary in the gated part of an article must not reach a reader who
is not entitled through any channel — HTML, print, API, RSS, search, Open Graph, JSON-LD,
headers — and crawlers or referrers unlock nothing. The walled article has comments with a
canary of their own (a comment can quote the gated text): none reaches a walled reader through
any of those channels either, nor through the thread part or its API, which give the count."""

import json
import re

import pytest

from tests import factories
from tests.comments.support import SECRET as COMMENT_CANARY
from tests.comments.support import comment
from tests.factories import CANARY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("both_routes")]


@pytest.fixture
def walled(client, world):
    """An article that the (anonymous) client is walled from: its allowance is used up."""
    for _ in range(3):
        client.get(factories.article(world).public_path)
    story = factories.article(world, title="The walled story", topics=[factories.topic("Trade")])
    quoted = comment(story, body=f"Quoting the gated part: {COMMENT_CANARY}")
    comment(story, parent=quoted, body=f"And a reply quoting it again: {COMMENT_CANARY}")
    return story


def _leaks(text: str) -> bool:
    return CANARY in text or COMMENT_CANARY in text


def _all_text(response) -> str:
    headers = "\n".join(f"{k}: {v}" for k, v in response.items())
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return headers + "\n" + content.decode()


def test_walled_html_print_and_headers_hold_no_gated_text(client, walled):
    for path in (walled.public_path, walled.public_path + "print/"):
        response = client.get(path)
        assert response.status_code == 200
        text = _all_text(response)
        assert 'data-paywall="registration"' in text
        assert not _leaks(text)


def test_open_graph_and_json_ld_carry_only_the_standfirst_and_preview(client, walled):
    html = client.get(walled.public_path).content.decode()
    assert f'<meta property="og:description" content="{walled.standfirst}">' in html
    assert f'<meta name="twitter:description" content="{walled.standfirst}">' in html
    blob = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(blob)
    assert data["@type"] == "NewsArticle"
    assert data["isAccessibleForFree"] is False
    assert data["hasPart"]["cssSelector"] == ".paywalled-content"
    assert data["hasPart"]["isAccessibleForFree"] is False
    assert not _leaks(blob)
    assert "Paragraph 1 of the story" in data["articleBody"]


def test_json_ld_for_a_metered_full_view_still_carries_only_the_preview(client, world):
    html = client.get(factories.article(world).public_path).content.decode()
    assert CANARY in html  # the reader may read it ...
    blob = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert not _leaks(blob)  # ... but structured data is for crawlers: preview only.
    assert '<div class="paywalled-content">' in html


def test_free_article_is_accessible_for_free_in_json_ld(client, world):
    html = client.get(factories.article(world, access="free").public_path).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["isAccessibleForFree"] is True
    assert "hasPart" not in data
    assert CANARY in data["articleBody"]


def test_api_detail_of_walled_article_is_gated(client, walled):
    response = client.get(f"/api/v1/articles/{walled.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert data["gated"] is True
    assert data["wall"] == "registration"
    assert not _leaks(_all_text(response))
    assert "Paragraph 2 of the story" in data["body"]


def test_rss_feeds_never_carry_gated_text(client, world, walled):
    factories.article(world)  # metered, unread
    factories.article(world, access="subscribers")
    for path in ("/feeds/latest/", "/world/feed/"):
        response = client.get(path)
        assert response.status_code == 200
        text = _all_text(response)
        assert "<rss" in text and walled.title in text
        assert not _leaks(text)


def test_rss_carries_full_text_of_free_articles(client, world):
    factories.article(world, access="free", title="An open story")
    text = client.get("/feeds/latest/").content.decode()
    assert "An open story" in text and CANARY in text


def test_search_never_matches_or_shows_gated_text(client, walled):
    response = client.get("/search/", {"q": "walled story"})
    assert walled.title in response.content.decode()
    assert not _leaks(response.content.decode())
    # "detail" appears only in the gated paragraphs: no match, nothing shown.
    response = client.get("/search/", {"q": "detail"})
    assert walled.title not in response.content.decode()
    assert "0 results" in response.content.decode()
    assert not _leaks(response.content.decode())


def test_listing_pages_show_no_gated_text(client, walled):
    for path in ("/", "/world/", "/topics/trade/", "/authors/ana-writer/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert not _leaks(response.content.decode()), path


def test_the_walled_thread_and_its_api_give_the_count_and_no_comment(client, walled):
    for headers in ({}, {"HTTP_X_COMMENTS_PART": "1"}):
        response = client.get(f"/comments/{walled.pk}/", **headers)
        assert response.status_code == 200
        text = _all_text(response)
        assert 'data-comment-count="2"' in text and "data-comments-gated" in text
        assert "data-comment=" not in text
        assert not _leaks(text)
    response = client.get(f"/api/v1/articles/{walled.pk}/comments/")
    assert response.json()["gated"] is True and response.json()["count"] == 2
    assert response.json()["results"] == []
    assert not _leaks(_all_text(response))
    # The page and the lists tell the walled reader the count, never a comment.
    assert not _leaks(_all_text(client.get(walled.public_path)))
    listing = client.get("/world/").content.decode()
    assert f'href="{walled.public_path}#comments" data-comment-count="2"' in listing


@pytest.mark.parametrize(
    "headers",
    [
        {
            "HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
        },
        {"HTTP_USER_AGENT": "facebookexternalhit/1.1"},
        {"HTTP_REFERER": "https://www.google.com/"},
        {"HTTP_REFERER": "https://t.co/abc", "HTTP_X_FORWARDED_FOR": "66.249.66.1"},
    ],
)
def test_no_user_agent_or_referrer_unlocks_anything(client, walled, headers):
    response = client.get(walled.public_path, **headers)
    text = _all_text(response)
    assert 'data-paywall="registration"' in text
    assert not _leaks(text)


@pytest.mark.parametrize(
    "cookie",
    [
        "forged:signature",
        "0123456789abcdef0123456789abcdef:AAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "x" * 5000,
        "",
        "\u00e9\u00e9",
    ],
)
def test_damaged_device_cookie_means_a_new_device_never_an_error(client, world, cookie):
    client.cookies["mh_device"] = cookie
    response = client.get(factories.article(world).public_path)
    assert response.status_code == 200
    assert 'data-meter-remaining="2"' in response.content.decode()
    assert response.cookies["mh_device"].value != cookie
    assert response.cookies["mh_device"]["httponly"]
    assert response.cookies["mh_device"]["samesite"] == "Lax"


def test_truncated_valid_cookie_is_a_new_device(client, world):
    first = client.get(factories.article(world).public_path)
    value = first.cookies["mh_device"].value
    client.cookies["mh_device"] = value[:-3]
    response = client.get(factories.article(world).public_path)
    assert 'data-meter-remaining="2"' in response.content.decode()


def test_pages_without_meter_set_no_device_cookie(client, world):
    factories.article(world)
    for path in ("/", "/world/", "/feeds/latest/", "/robots.txt"):
        response = client.get(path)
        assert "mh_device" not in response.cookies, path
