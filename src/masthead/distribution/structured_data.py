"""Structured data for articles: schema.org ``NewsArticle`` as JSON-LD.

Follows search engines' guidance for paywalled content: ``isAccessibleForFree`` is false for
an article that is not open to everyone, and ``hasPart`` names the CSS selector of the gated
part (``.paywalled-content``). ``articleBody`` carries the full text only when the article is
free for everyone, and otherwise only the preview that every reader sees.

The data describes the article, not the viewer: it is built from what the gate shows an
anonymous reader without counting, so a subscriber's page carries the same JSON-LD as anyone's.
Sponsored content names its sponsor as author: the newsroom did not write it.
"""

import json

from django.conf import settings

from masthead.access.gate import Channel, decide
from masthead.access.readers import reader_for_user

GATED_SELECTOR = ".paywalled-content"


def _authors(article) -> list[dict]:
    if article.is_sponsored:
        return [{"@type": "Organization", "name": article.sponsor}]
    return [
        {"@type": "Person", "name": a["name"], "url": settings.SITE_URL + a["url"]}
        for a in article.authors
    ]


def article_jsonld(article) -> dict:
    """``article`` is an article snapshot (``masthead.newsroom.snapshots``)."""
    url = settings.SITE_URL + article.public_path
    public = decide(reader_for_user(None), article, channel=Channel.METADATA)
    free_for_all = public.decision.full_text
    # Full text only where the article is free for everyone; otherwise the public preview.
    shown = public.preview + public.rest
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": article.title[:110],
        "description": article.standfirst,
        "datePublished": article.first_published_at.isoformat()
        if article.first_published_at
        else None,
        "dateModified": (article.last_published_at or article.first_published_at).isoformat()
        if (article.last_published_at or article.first_published_at)
        else None,
        "author": _authors(article),
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": settings.SITE_URL + "/",
        },
        "isAccessibleForFree": free_for_all,
    }
    if article.lead:
        data["image"] = [settings.SITE_URL + article.lead["og_url"]]
    if article.section:
        data["articleSection"] = article.section["title"]
    if not free_for_all:
        data["hasPart"] = {
            "@type": "WebPageElement",
            "isAccessibleForFree": False,
            "cssSelector": GATED_SELECTOR,
        }
    data["articleBody"] = "\n\n".join(b.text for b in shown if b.text)
    if article.is_sponsored:
        data["sponsor"] = {"@type": "Organization", "name": article.sponsor}
    return data


def to_script_json(data: dict) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
