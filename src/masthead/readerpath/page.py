"""An article page (or its print view) for one reader, without Django's handler.

The same steps as ``newsroom.reading.render_article``, with the same functions: the route
(``newsroom.routing.article_for_path``), the reader (``access.readers.reader_for_user`` with the
session's user and the device cookie), the gate (``decide``, then ``record`` on a counting
request), the page's context (``reading.page_context``) and its cached shell; then the slots'
fragments (``readerpath.fragments``) are joined into the shell's bytes and every response
rule comes from ``masthead.responserules``.

``answer`` returns None before anything is written whenever Django must answer instead (see
``readerpath.requests`` and the checks below); after the gate has recorded, it answers.
"""

import time
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache

from django.core.handlers.asgi import ASGIRequest
from django.http import HttpResponseBase
from django.urls import Resolver404, resolve

from masthead import observability, responserules
from masthead.access.gate import Channel, decide, record
from masthead.access.identity import NEW_DEVICE, set_device_cookie
from masthead.access.readers import VIEW_RECORDED, reader_for_user
from masthead.billing import entitlement_cache
from masthead.engagement.selectors import banners_for
from masthead.events.traffic import traffic_of
from masthead.newsroom import routing
from masthead.newsroom.reading import (
    ARTICLE_TEMPLATE,
    PRINT_TEMPLATE,
    is_cacheable,
    offers_shown,
    page_context,
)
from masthead.newsroom.shells import (
    cached_shell,
    render_shell,
    shell_context,
    shell_key,
    split_shell,
)

from . import fragments, tokens
from .requests import FallThrough, ReaderRequest

SHELL_PARTS = fragments.LocalLRU(max_entries=256)
# After the meter store or the cache failed (Redis gone: every call waits out its client's
# retries), Django answers for a while, in its own thread: the event loop stays free.
OUTAGE_SECONDS = 10.0


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


@lru_cache(maxsize=4096)
def article_route(path: str) -> tuple[str, str, bool, str] | None:
    """``(section, slug, print view?, metrics route)`` when Django's URLconf sends ``path`` to
    the article view, else None (another view, or no match)."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.func is not routing.article_view:
        return None
    kwargs = match.kwargs
    holder = type("Matched", (), {"resolver_match": match})()
    return (
        kwargs["section"],
        kwargs["slug"],
        bool(kwargs.get("print_view")),
        (observability.route_of(holder)),
    )


def answer(scope: dict) -> Answer | None:
    """The page for this scope, or None: Django's to answer."""
    started = time.perf_counter()
    from django.conf import settings

    if not settings.MASTHEAD_FAST_ARTICLES or observability.failed_within(OUTAGE_SECONDS):
        return None
    route = article_route(scope["path"])
    if route is None:
        return None
    section, slug, print_view, route_name = route
    try:
        req = ReaderRequest.from_scope(scope)
        snap = routing.article_for_path(section, slug)
        if snap is None or not is_cacheable(snap):
            return None
        user = req.user()
    except FallThrough:
        return None
    signed_in = bool(user.is_authenticated)
    device = req.device
    prefetch = req.entitlement_prefetch
    with entitlement_cache.prefetched(*prefetch) if prefetch else nullcontext():
        reader = reader_for_user(user if signed_in else None, device)
    template, channel = (
        (PRINT_TEMPLATE, Channel.PRINT)
        if print_view
        else (
            ARTICLE_TEMPLATE,
            Channel.WEB,
        )
    )
    gift = (req.query.get("gift") or "")[:64] or None
    if device.is_new:
        scope[NEW_DEVICE] = device.upcoming()  # should Django answer after all, it keeps this id
    with traffic_of(req.headers.get("referer", ""), req.host, req.query):
        gated = decide(reader, snap, channel=channel, gift=gift)
        if req.method != "HEAD":
            gated = record(reader, snap, gated)
            scope[VIEW_RECORDED] = True  # should Django answer after all, it logs no second event
        context = page_context(reader, snap, gated, gift=gift)
        offers_shown(reader, context)
    shown = banners_for(SimpleRequest(req.path, req.cookies))
    view = fragments.PageView(req.path, req.full_path, signed_in, shown, context)
    parts = _shell_parts(scope, template, context, user)
    body, needs_token = _join(parts, view)
    response = HttpResponseBase()
    responserules.reader_page(response, noindex=context["noindex"])
    if device.used and device.is_new:
        set_device_cookie(response, device.id)
    if needs_token:
        secret = req.csrf_secret or tokens.new_secret()
        body = body.replace(fragments.CSRF_BYTES, tokens.masked(secret).encode())
        responserules.csrf_cookie(response, secret)
    response.headers["Content-Length"] = str(len(body))
    body = responserules.compress(response, body, req.headers.get("accept-encoding", ""))
    responserules.security(response, path=req.path, secure=req.secure)
    headers = list(response.items()) + responserules.cookie_headers(response)
    body = responserules.head_body(req.method, body)
    responserules.count_request(route_name, req.method, 200, time.perf_counter() - started)
    return Answer(200, headers, body)


class SimpleRequest:
    """What ``banners_for`` reads of a request."""

    def __init__(self, path: str, cookies: dict):
        self.path, self.COOKIES = path, cookies


def _shell_parts(scope: dict, template: str, context: dict, user) -> list:
    key = shell_key(template, context["page"], context["gated"], context["campaign"])
    parts = SHELL_PARTS.get(key)
    if parts is None:
        shell = cached_shell(key)
        if shell is None:
            shell = render_shell(shell_context(_shell_request(scope, user), context), template, key)
        parts = [p.encode() if i % 2 == 0 else p for i, p in enumerate(split_shell(shell))]
        SHELL_PARTS.set(key, parts, 60)
    return parts  # type: ignore[return-value]


def _shell_request(scope: dict, user):
    """A Django request for rendering a shell on a cache miss (rare): context processors
    want one. The shell holds nothing of the reader's (those are the slots)."""
    import io

    from django.contrib.auth.models import AnonymousUser

    request = ASGIRequest(scope, io.BytesIO())
    request.user = AnonymousUser()
    return request


def _join(parts: list, view: fragments.PageView) -> tuple[bytes, bool]:
    out = []
    needs_token = False
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(part)
        else:
            piece = fragments.fragment(part, view)
            needs_token = needs_token or fragments.CSRF_BYTES in piece
            out.append(piece)
    return b"".join(out), needs_token
