"""Referrer classes: only the class of the host is kept."""

import pytest

from masthead.events.traffic import classify_referrer, traffic_for


@pytest.mark.parametrize(
    ("referrer", "expected"),
    [
        ("", "direct"),
        ("https://news.example/world/story/", "internal"),
        ("https://www.google.co.jp/search?q=trade", "search"),
        ("https://google.com/", "search"),
        ("https://duckduckgo.com/?q=x", "search"),
        ("https://search.brave.com/search?q=x", "search"),
        ("https://t.co/abc", "social"),
        ("https://m.facebook.com/story", "social"),
        ("https://www.linkedin.com/feed/", "social"),
        ("https://news.ycombinator.com/item?id=1", "social"),
        ("https://mail.google.com/mail/u/0/", "email"),
        ("https://webmail.example.net/", "email"),
        ("https://blog.example.org/post", "other"),
        ("https://notgoogle.example/", "other"),
        ("not a url", "other"),
        ("http://[::1", "other"),
    ],
)
def test_referrer_classes(referrer, expected):
    assert classify_referrer(referrer, "news.example") == expected


def test_a_newsletter_medium_makes_email_and_tags_are_clipped():
    traffic = traffic_for(
        "https://blog.example.org/",
        "news.example",
        {"utm_medium": "newsletter", "utm_source": "x" * 200, "utm_campaign": "a\x00b"},
    )
    assert traffic.source == "email"
    assert traffic.utm_source == "x" * 60 and traffic.utm_campaign == "ab"
