"""Where a request came from, reduced to a class: the ``Referer`` host is classified and thrown
away, and only the first UTM tags are kept (clipped, printable).

    classify_referrer("https://www.google.co.jp/search?q=x", "news.example")   # Source.SEARCH
    classify_referrer("https://news.example/world/", "news.example")           # Source.INTERNAL
    classify_referrer("", "news.example")                                      # Source.DIRECT

``TrafficMiddleware`` stores the request's ``Traffic`` in a context variable for the duration of
the request, so the event recorders (called deep inside the gate, which knows nothing of HTTP)
can tag views without every caller passing it along.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import urlsplit

from .kinds import Source

SEARCH = ("google.", "bing.", "duckduckgo.", "yahoo.", "baidu.", "yandex.", "ecosia.", "naver.")
SEARCH_EXACT = {"search.brave.com", "kagi.com", "www.qwant.com", "qwant.com"}
SOCIAL = (
    "facebook.com",
    "fb.com",
    "t.co",
    "twitter.com",
    "x.com",
    "linkedin.com",
    "lnkd.in",
    "reddit.com",
    "instagram.com",
    "threads.net",
    "bsky.app",
    "mastodon.social",
    "news.ycombinator.com",
    "youtube.com",
    "tiktok.com",
    "whatsapp.com",
    "telegram.org",
    "t.me",
)
EMAIL = ("mail.google.com", "outlook.live.com", "outlook.office.com", "mail.yahoo.com")
EMAIL_PREFIXES = ("mail.", "webmail.")
EMAIL_MEDIUMS = {"email", "e-mail", "newsletter"}
UTM_MAX = 60


@dataclass(frozen=True)
class Traffic:
    source: str = Source.DIRECT
    utm_source: str = ""
    utm_medium: str = ""
    utm_campaign: str = ""


NO_TRAFFIC = Traffic(source="")
_current: ContextVar[Traffic] = ContextVar("masthead_traffic", default=NO_TRAFFIC)


def _matches(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def classify_referrer(referrer: str, own_host: str) -> Source:
    """The class of a ``Referer`` value; an unparsable one is ``other``."""
    if not referrer:
        return Source.DIRECT
    try:
        host = (urlsplit(referrer).hostname or "").lower()
    except ValueError:
        return Source.OTHER
    if not host:
        return Source.OTHER
    if own_host and (host == own_host.lower()):
        return Source.INTERNAL
    if any(_matches(host, domain) for domain in SOCIAL):
        return Source.SOCIAL
    if any(_matches(host, domain) for domain in EMAIL) or host.startswith(EMAIL_PREFIXES):
        return Source.EMAIL
    if host in SEARCH_EXACT or any(host.startswith(p) or f".{p}" in host for p in SEARCH):
        return Source.SEARCH
    return Source.OTHER


def _clip(value: str) -> str:
    return "".join(c for c in value[:UTM_MAX] if c.isprintable())


def traffic_for(referrer: str, own_host: str, params) -> Traffic:
    """A request's traffic: the referrer class, and UTM tags (``utm_medium=email`` or
    ``newsletter`` makes the class ``email`` whatever the referrer)."""
    source = classify_referrer(referrer, own_host)
    medium = _clip(params.get("utm_medium", ""))
    if medium.lower() in EMAIL_MEDIUMS:
        source = Source.EMAIL
    return Traffic(
        source=source,
        utm_source=_clip(params.get("utm_source", "")),
        utm_medium=medium,
        utm_campaign=_clip(params.get("utm_campaign", "")),
    )


def current_traffic() -> Traffic:
    return _current.get()


@contextmanager
def traffic_of(referrer: str, host: str, params) -> Iterator[Traffic]:
    """The request's traffic, current for the block (the middleware and the reader path)."""
    traffic = traffic_for(referrer, host.split(":")[0], params)
    token = _current.set(traffic)
    try:
        yield traffic
    finally:
        _current.reset(token)


class TrafficMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            host = request.get_host()
        except Exception:  # DisallowedHost: Django answers it later; no traffic then
            host = ""
        with traffic_of(request.META.get("HTTP_REFERER", ""), host, request.GET):
            return self.get_response(request)
