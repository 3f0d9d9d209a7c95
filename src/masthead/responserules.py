"""Every rule a response follows on its way out, in one place for both ways a page is served.

A reader page is answered either by Django (its handler and middleware) or by the reader path
(``masthead.readerpath``, ahead of Django). Both call these functions on a response object —
Django's ``HttpResponse``, or the reader path's bare ``HttpResponseBase`` holding only headers
and cookies — so a header, a cookie flag, a ``Vary`` entry or a metric is written once::

    reader_page(response, noindex=False)          # Cache-Control, Vary, X-Robots-Tag
    body = compress(response, body, accept)       # gzip, with Django's BREACH padding
    security(response, path=..., secure=...)      # HSTS, nosniff, referrer, COOP, frames, CSP
    count_request(route, "GET", 200, seconds)     # /metrics

The Django middleware classes at the bottom are thin adapters that call the same functions
(settings.MIDDLEWARE lists them in place of Django's own security, gzip, CSRF and
X-Frame-Options middleware). Nothing here imports an app of ours: every layer may use it.
"""

import time
from functools import lru_cache

from csp.constants import HEADER, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.utils import build_policy
from django.conf import settings
from django.core import checks
from django.middleware.csrf import CsrfViewMiddleware
from django.middleware.gzip import GZipMiddleware
from django.middleware.security import SecurityMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.regex_helper import _lazy_re_compile
from django.utils.text import compress_string

from masthead import observability

GZIP_MIN = 200  # shorter bodies are not worth compressing (Django's own threshold)
GZIP_RANDOM_BYTES = 100  # Django's GZipMiddleware.max_random_bytes: BREACH mitigation
_ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")
ADMIN_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's live preview frames admin preview URLs
ADMIN_DIRECTIVES = {
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", "https:"],
    "frame-src": [SELF, "https:"],
    "frame-ancestors": [SELF],
}


# --- reader pages -----------------------------------------------------------------------


def reader_page(response, *, noindex: bool) -> None:
    """A page that depends on its reader: no shared cache may store it, and full text never
    sits in any HTTP cache."""
    patch_cache_control(response, private=True, no_store=True)
    patch_vary_headers(response, ["Cookie", "Authorization"])
    if noindex:
        response["X-Robots-Tag"] = "noindex"


def refused_prefetch(response) -> None:
    response["Cache-Control"] = "no-store"


# --- compression ------------------------------------------------------------------------


def compress(response, body: bytes, accept_encoding: str) -> bytes:
    """The body to send: gzipped when the client takes it and it is worth it (setting
    ``Content-Encoding``, ``Content-Length`` and ``Vary``), else ``body`` as it is."""
    if len(body) < GZIP_MIN or response.has_header("Content-Encoding"):
        return body
    patch_vary_headers(response, ("Accept-Encoding",))
    if not _ACCEPTS_GZIP.search(accept_encoding):
        return body
    compressed = compress_string(body, max_random_bytes=GZIP_RANDOM_BYTES)
    if len(compressed) >= len(body):
        return body
    response.headers["Content-Length"] = str(len(compressed))
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response.headers["ETag"] = "W/" + etag
    response.headers["Content-Encoding"] = "gzip"
    return compressed


def head_body(method: str, body: bytes) -> bytes:
    """HEAD gets the headers of GET (``Content-Length`` included) and no body."""
    return b"" if method == "HEAD" else body


# --- security headers and CSP -------------------------------------------------------------


@lru_cache(maxsize=1)
def _security_defaults() -> tuple[tuple[str, str], ...]:
    headers = []
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers.append(("X-Content-Type-Options", "nosniff"))
    if settings.SECURE_REFERRER_POLICY:
        policy = settings.SECURE_REFERRER_POLICY
        value = policy if isinstance(policy, str) else ",".join(policy)
        headers.append(("Referrer-Policy", value))
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
    return tuple(headers)


def _hsts() -> str:
    value = f"max-age={settings.SECURE_HSTS_SECONDS}"
    if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
        value += "; includeSubDomains"
    if settings.SECURE_HSTS_PRELOAD:
        value += "; preload"
    return value


def _csp_config(admin: bool) -> dict | None:
    if not admin:
        return None  # the settings' policy
    return {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], **ADMIN_DIRECTIVES}


@lru_cache(maxsize=2)
def _csp(admin: bool) -> str:
    return build_policy(config=_csp_config(admin))


def csp_header(path: str, nonce: str | None = None) -> str:
    """The Content-Security-Policy of a response at ``path`` (reader pages: strict; the
    admin: what Wagtail needs), with the response's nonce when a template used one."""
    admin = path.startswith("/admin/")
    if nonce is None:
        return _csp(admin)
    return build_policy(config=_csp_config(admin), nonce=nonce)


def security(
    response, *, path: str, secure: bool, nonce: str | None = None, status: int = 200
) -> None:
    """HSTS (over https), nosniff, Referrer-Policy, COOP, X-Frame-Options and CSP; a header
    the view already set (or a frame-exempt view's) is left alone, as Django does."""
    if (
        settings.SECURE_HSTS_SECONDS
        and secure
        and not response.has_header("Strict-Transport-Security")
    ):
        response.headers["Strict-Transport-Security"] = _hsts()
    for name, value in _security_defaults():
        response.headers.setdefault(name, value)
    admin = path.startswith("/admin/")
    if admin:
        response.headers["X-Frame-Options"] = ADMIN_FRAME_OPTIONS
    elif response.get("X-Frame-Options") is None and not getattr(
        response, "xframe_options_exempt", False
    ):
        response.headers["X-Frame-Options"] = settings.X_FRAME_OPTIONS.upper()
    debug_page = settings.DEBUG and status in (404, 500)  # django-csp leaves debug pages be
    exempt = getattr(response, "_csp_exempt", False) is not False
    if not (debug_page or exempt or response.has_header(HEADER)):
        response.headers[HEADER] = csp_header(path, nonce)


# --- cookies --------------------------------------------------------------------------------


def csrf_cookie(response, secret: str) -> None:
    """The CSRF secret's cookie, with Django's CSRF settings."""
    response.set_cookie(
        settings.CSRF_COOKIE_NAME,
        secret,
        max_age=settings.CSRF_COOKIE_AGE,
        domain=settings.CSRF_COOKIE_DOMAIN,
        path=settings.CSRF_COOKIE_PATH,
        secure=settings.CSRF_COOKIE_SECURE,
        httponly=settings.CSRF_COOKIE_HTTPONLY,
        samesite=settings.CSRF_COOKIE_SAMESITE,
    )
    patch_vary_headers(response, ("Cookie",))


def cookie_headers(response) -> list[tuple[str, str]]:
    """``Set-Cookie`` headers as Django's handlers write them."""
    return [("Set-Cookie", c.output(header="")) for c in response.cookies.values()]


# --- metrics ----------------------------------------------------------------------------


def count_request(route: str, method: str, status: int, seconds: float) -> None:
    method = method if method in observability.METHODS else "other"
    observability.REQUESTS.labels(route=route, method=method, status=str(status)).inc()
    observability.LATENCY.labels(route=route).observe(seconds)


# --- Django adapters --------------------------------------------------------------------


class RequestMetrics:
    """Outermost middleware: every final status, by route (``observability.route_of``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        route = observability.route_of(request)
        count_request(route, request.method, response.status_code, time.perf_counter() - started)
        return response


class Security(SecurityMiddleware):
    """Django's HTTPS redirect on the way in; ``security`` on the way out (it replaces the
    response half of SecurityMiddleware, XFrameOptionsMiddleware and django-csp's header)."""

    def process_response(self, request, response):
        nonce = getattr(request, "_csp_nonce", None)
        security(
            response,
            path=request.path_info,
            secure=request.is_secure(),
            nonce=nonce if isinstance(nonce, str) else None,
            status=response.status_code,
        )
        return response


class GZip(GZipMiddleware):
    def process_response(self, request, response):
        if response.streaming:
            return super().process_response(request, response)
        accept = request.META.get("HTTP_ACCEPT_ENCODING", "")
        body = response.content
        compressed = compress(response, body, accept)
        if compressed is not body:
            response.content = compressed
        return response


class Csrf(CsrfViewMiddleware):
    def _set_csrf_cookie(self, request, response):
        if settings.CSRF_USE_SESSIONS:
            return super()._set_csrf_cookie(request, response)
        csrf_cookie(response, request.META["CSRF_COOKIE"])


# --- deployment check ---------------------------------------------------------------------

# Django's security.W001/W002/W003 look for its own middleware by name; settings silence them
# because the adapters above take those places. This check holds the adapters to it instead.
REPLACES = {
    "masthead.responserules.Security": "django.middleware.security.SecurityMiddleware "
    "and XFrameOptionsMiddleware (HSTS, nosniff, referrer, COOP, X-Frame-Options, CSP)",
    "masthead.responserules.Csrf": "django.middleware.csrf.CsrfViewMiddleware",
}


@checks.register(checks.Tags.security, deploy=True)
def response_rules_in_middleware(app_configs, **kwargs):
    return [
        checks.Error(
            f"{name} is not in MIDDLEWARE: nothing applies what {replaced} would.",
            hint=f"Put {name} back into settings.MIDDLEWARE.",
            id="masthead.E003",
        )
        for name, replaced in REPLACES.items()
        if name not in settings.MIDDLEWARE
    ]
