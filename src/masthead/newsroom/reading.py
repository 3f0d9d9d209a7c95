"""Rendering an article for a reader: the page and print views, always through the gate.

Both the fast route (``newsroom.routing``) and Wagtail's own routing (``ArticlePage``'s routes,
previews) end here. This module imports no page model, so the models can import it.
"""

from functools import partial

from django.conf import settings
from django.http import HttpResponse

from masthead import responserules
from masthead.access.gate import Channel, decide, record
from masthead.access.readers import (
    counts_views,
    is_speculative,
    preview_reader,
    reader_for_request,
    view_logged,
)
from masthead.billing.selectors import wall_offers
from masthead.events.kinds import EventKind
from masthead.events.services import click_record

from .publication import publication_settings
from .share import share_links
from .shells import render_article_page
from .snapshots import ArticleSnapshot, build_snapshot, snapshot_for

ARTICLE_TEMPLATE = "newsroom/article_page.html"
PRINT_TEMPLATE = "newsroom/article_print.html"

__all__ = ["ARTICLE_TEMPLATE", "PRINT_TEMPLATE", "Channel", "render_article"]


def render_article(request, article, template: str, channel: Channel = Channel.WEB):
    """Render an article with exactly the body the gate allows for this reader.

    ``article`` is a live page (Wagtail's routing, previews) or its snapshot (the fast route);
    either way the page is rendered from a snapshot and cut by the one gate function.
    """
    preview = getattr(request, "is_preview", False)
    if not isinstance(article, ArticleSnapshot):
        article = build_snapshot(article) if preview else snapshot_for(article)
    gift = (request.GET.get("gift") or "")[:64] or None
    # An editor previewing a draft sees all of it, and the preview costs no meter.
    reader = preview_reader(request.user) if preview else reader_for_request(request)
    gated = decide(reader, article, channel=channel, gift=gift)
    if not preview and counts_views(request):
        gated = record(reader, article, gated, log=not view_logged(request))
    if gated.decision.awaiting_record and is_speculative(request):
        # A prefetch of an article that would cost a free view (or redeem a gift): a non-2xx
        # answer makes the browser drop it and load the page for real when the reader opens it.
        response = HttpResponse("Not prefetchable.", status=503, content_type="text/plain")
        responserules.refused_prefetch(response)
        return response
    context = page_context(reader, article, gated, gift=gift, preview=preview)
    offers_shown(reader, context)
    cacheable = not preview and is_cacheable(article)
    html = render_article_page(request, template, context, cacheable=cacheable)
    response = HttpResponse(html)
    responserules.reader_page(response, noindex=context["noindex"])
    return response


def is_cacheable(article) -> bool:
    """Whether the page's shell may be cached: not with a per-reader block (a callout)."""
    return not any(b.live_id for b in article.body)


def page_context(reader, article, gated, *, gift: str | None, preview: bool = False) -> dict:
    """What an article page's template is given (both ways of serving it use this)."""
    publication = publication_settings()
    return {
        "page": article,
        "self": article,
        "gated": gated,
        "decision": gated.decision,
        # Called by the template, so only when the page's shell is rendered (the links are
        # the same for every reader): a cached shell costs no URL quoting.
        "share_links": partial(
            share_links,
            settings.SITE_URL + article.public_path,
            article.title,
            article.standfirst,
            campaign=publication["share_campaign_tags"],
        ),
        "wall_offers": (
            wall_offers(returning=reader.reader.lapse is not None) if gated.wall else []
        ),
        "gifted": gated.decision.gifted,
        "noindex": bool(gift) or preview,
        "campaign": publication["share_campaign_tags"],
    }


def offers_shown(reader, context: dict) -> None:
    """The offers a wall displayed: one ``offer_shown`` reader event each (buffered)."""
    gated = context["gated"]
    if not gated.wall or gated.wall["kind"] == "registration":
        return
    key = reader.known_meter_key() or ""
    for offer in context["wall_offers"]:
        click_record(
            EventKind.OFFER_SHOWN,
            reader_key=key,
            offer=offer.slug,
            wall=gated.wall["kind"],
            article_id=context["page"].pk,
        )
