"""Structured data for articles: schema.org ``NewsArticle`` as JSON-LD.

Follows search engines' guidance for paywalled content: ``isAccessibleForFree`` is false for
an article that is not open to everyone, and ``hasPart`` names the CSS selector of the gated
part (``.paywalled-content``). ``articleBody`` carries the full text only when the article is
free for everyone, and otherwise only the preview that every reader sees.
"""

import json

from django.conf import settings

GATED_SELECTOR = ".paywalled-content"


def article_jsonld(article, gated) -> dict:
    """``article`` is an article snapshot (``masthead.newsroom.snapshots``)."""
    url = settings.SITE_URL + article.public_path
    free_for_all = gated.decision.reason in {"free", "sponsored", "promotion"}
    # Full text only where the article is free for everyone; otherwise the public preview.
    shown = gated.preview + (gated.rest if free_for_all else [])
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
        "author": [
            {"@type": "Person", "name": a["name"], "url": settings.SITE_URL + a["url"]}
            for a in article.authors
        ],
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
