"""Reader views of the newsroom: the article (through the gate), topics, authors, search."""

import re

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from masthead.access.gate import gate_article
from masthead.access.readers import preview_reader, reader_for_request
from masthead.billing.selectors import wall_offers

from .context_processors import publication_settings
from .models import ArticlePage, Author, Topic
from .selectors import articles_by_author, articles_for_topic, attach_sections, live_articles
from .share import share_links
from .shells import render_article_page
from .snapshots import build_snapshot, snapshot_for

PAGE_SIZE = 12
_WORDS = re.compile(r"\w+")


def render_article(request, article, template: str):
    """Render an article with exactly the body the gate allows for this reader.

    ``article`` is a live page (Wagtail's routing, previews) or its snapshot (the fast route);
    either way the page is rendered from a snapshot and cut by the one gate function.
    """
    preview = getattr(request, "is_preview", False)
    if isinstance(article, ArticlePage):
        article = build_snapshot(article) if preview else snapshot_for(article)
    gift = (request.GET.get("gift") or "")[:64] or None
    # An editor previewing a draft sees all of it, and the preview costs no meter.
    reader = preview_reader(request.user) if preview else reader_for_request(request)
    gated = gate_article(reader, article, gift=gift, count=not preview)
    publication = publication_settings()
    context = {
        "page": article,
        "self": article,
        "gated": gated,
        "decision": gated.decision,
        "share_links": share_links(
            settings.SITE_URL + article.public_path,
            article.title,
            article.standfirst,
            campaign=publication["share_campaign_tags"],
        ),
        "wall_offers": wall_offers() if gated.wall else [],
        "gifted": gated.decision.reason == "gift",
        "noindex": bool(gift) or preview,
        "campaign": publication["share_campaign_tags"],
    }
    cacheable = not preview and not any(b.live_id for b in article.body)
    html = render_article_page(request, template, context, cacheable=cacheable)
    response = HttpResponse(html)
    # The page depends on the reader: no shared cache may store it, and full text never
    # sits in any HTTP cache.
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie", "Authorization"])
    if context["noindex"]:
        response["X-Robots-Tag"] = "noindex"
    return response


def _listing(request, template, queryset, extra):
    paginator = Paginator(queryset, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    page_obj.object_list = attach_sections(page_obj.object_list)
    return TemplateResponse(request, template, {"page_obj": page_obj, **extra})


def topic_page(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return _listing(
        request, "newsroom/topic_page.html", articles_for_topic(topic), {"topic": topic}
    )


def author_page(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    return _listing(
        request, "newsroom/author_page.html", articles_by_author(author), {"author": author}
    )


def search(request):
    query = (request.GET.get("q") or "").strip()[:200]
    # Words only: punctuation means nothing to the search and upsets SQLite's FTS parser.
    terms = " ".join(_WORDS.findall(query))
    results = []
    if terms:
        results = list(live_articles().order_by().search(terms)[:40])
    paginator = Paginator(results, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    page_obj.object_list = attach_sections(page_obj.object_list)
    return TemplateResponse(
        request,
        "newsroom/search.html",
        {"query": query, "page_obj": page_obj, "total": len(results)},
    )
