"""The per-reader parts of an article page, rendered once per variant and kept as bytes.

An article page's shell (``newsroom.shells``) has a marker for each per-reader slot. Django
renders each slot through the template engine for every request; the reader path renders a
slot only the first time a *variant* is seen and keeps its bytes. A variant is the slot's
whole context, so a fragment cannot depend on anything its key leaves out: each slot below
says what it reads (``key``) and renders from exactly that (``context``), never from the
request or the gate's full answer::

    meter message   metered?, last free?, remaining, the message, reader status, path
    wall            the wall's copy, its offers, signed in?, article id, path, newsletters
    banners         the banners shown, path, full path, signed in?, newsletters
    account links   signed in?, path

The inputs come from the same cached selectors the templates read (offers, banners,
newsletters, the meter's wording), and those caches are cleared by their signals when an
editor changes something: the next request's key differs, so the fragment is rendered anew.
A CSRF field is rendered with a placeholder and filled in per response.
"""

from dataclasses import dataclass
from types import SimpleNamespace

from django.template import Context

from masthead.caching import LocalLRU
from masthead.newsletters.selectors import active_newsletters
from masthead.newsroom.shells import render_slot

CSRF_PLACEHOLDER = "@@masthead-csrf-token@@"
CSRF_BYTES = CSRF_PLACEHOLDER.encode()
FRAGMENT_SECONDS = 300
fragments = LocalLRU(max_entries=4096)


@dataclass
class PageView:
    """What a page's slots may be rendered from."""

    path: str
    full_path: str
    signed_in: bool
    banners: list
    context: dict  # newsroom.reading.page_context

    @property
    def request(self):
        return SimpleNamespace(
            path=self.path,
            get_full_path=lambda: self.full_path,
            user=SimpleNamespace(is_authenticated=self.signed_in),
        )


def _frozen(value):
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    return value


def _newsletters() -> tuple:
    return tuple(
        (n.pk, n.slug, n.name, n.subscribers_only, n.default_on_signup)
        for n in active_newsletters()
    )


OFFER_FIELDS = ("slug", "title", "description", "terms_line", "ends_line", "featured")


def robots(v: PageView):
    noindex = v.context["noindex"]
    return (noindex,), {"noindex": noindex}


def banners(v: PageView):
    shown = v.banners
    signup = any((b.get("link_url") or "")[:13] == "/newsletters/" for b in shown)
    items = tuple(tuple(b.items()) for b in shown)  # flat dicts, built in a fixed order
    key = (v.path, v.full_path, v.signed_in, items, _newsletters() if signup else None)
    return key, {"banners": shown, "request": v.request}


def account_links(v: PageView):
    return (v.signed_in, v.path), {"request": v.request}


def meter_message(v: PageView):
    gated, d = v.context["gated"], v.context["decision"]
    message = gated.meter_message if d.metered else ""
    key = (d.metered, d.is_last_free, d.remaining, message, gated.reader_status, v.path)
    decision = SimpleNamespace(
        metered=d.metered, is_last_free=d.is_last_free, remaining=d.remaining
    )
    status = SimpleNamespace(meter_message=message, reader_status=gated.reader_status)
    return key, {"decision": decision, "gated": status, "request": v.request}


def gift_note(v: PageView):
    gifted = v.context["gifted"]
    return (gifted,), {"gifted": gifted}


def wall(v: PageView):
    copy = v.context["gated"].wall
    if copy is None:
        return (None,), {"gated": SimpleNamespace(wall=None)}
    offers = [tuple(getattr(o, f) for f in OFFER_FIELDS) for o in v.context["wall_offers"]]
    page_id = v.context["page"].pk
    signup = copy["kind"] == "registration"
    key = (
        _frozen(copy),
        tuple(offers),
        v.signed_in,
        page_id,
        v.path,
        _newsletters() if signup else None,
    )
    return key, {
        "gated": SimpleNamespace(wall=copy),
        "wall_offers": [SimpleNamespace(**dict(zip(OFFER_FIELDS, o, strict=True))) for o in offers],
        "page": SimpleNamespace(pk=page_id),
        "request": v.request,
        "csrf_token": CSRF_PLACEHOLDER,
    }


def gift_form(v: PageView):
    page, status = v.context["page"], v.context["gated"].reader_status
    key = (status, page.is_sponsored, page.access, page.pk)
    return key, {
        "gated": SimpleNamespace(reader_status=status),
        "page": SimpleNamespace(is_sponsored=page.is_sponsored, access=page.access, pk=page.pk),
        "csrf_token": CSRF_PLACEHOLDER,
    }


SLOTS = {
    "newsroom/includes/robots_meta.html": robots,
    "includes/banners.html": banners,
    "includes/account_nav.html": account_links,
    "access/meter_message.html": meter_message,
    "newsroom/includes/gift_note.html": gift_note,
    "access/wall.html": wall,
    "newsroom/includes/gift_form.html": gift_form,
}


def fragment(name: str, view: PageView) -> bytes:
    """The slot ``name`` for this page view: from memory, or rendered once for its variant.
    A slot this module does not know raises KeyError (the reader path then lets Django
    answer)."""
    key, context = SLOTS[name](view)
    cache_key = (name, key)
    found = fragments.get(cache_key)  # type: ignore[arg-type]
    if found is None:
        found = render_slot(name, Context(context, autoescape=True)).encode()
        fragments.set(cache_key, found, FRAGMENT_SECONDS)  # type: ignore[arg-type]
    return found  # type: ignore[return-value]


def clear_fragments(**kwargs) -> None:
    fragments.clear()
