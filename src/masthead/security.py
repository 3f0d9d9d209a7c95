"""Content Security Policy: strict on reader pages, one the Wagtail admin can live with.

Reader pages (``CONTENT_SECURITY_POLICY`` in settings) allow scripts only from this site plus
a per-response nonce, no inline styles, and no framing at all. The admin needs inline
scripts and styles and frames its own previews, so ``/admin/`` gets these wider directives.
"""

from csp.constants import SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponseBadRequest

from masthead.jsonerrors import json_error

ADMIN_DIRECTIVES = {
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", "https:"],
    "frame-src": [SELF, "https:"],
    "frame-ancestors": [SELF],  # Wagtail's live preview frames admin preview URLs
}


class MastheadCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith("/admin/"):
            reader = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            response._csp_config = {**reader, **ADMIN_DIRECTIVES}
            response["X-Frame-Options"] = "SAMEORIGIN"
        return super().process_response(request, response)


class RejectNulMiddleware:
    """A NUL character in a URL or query string is never a reader's doing; PostgreSQL cannot
    store it, so it would surface as a server error deep in a query. Answer 400 at the door."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or "\x00" in value for key, value in request.GET.items()
        ):
            if request.path.startswith("/api/"):
                return json_error(400, "invalid_request", "NUL characters are not allowed.")
            return HttpResponseBadRequest("Bad request", content_type="text/plain")
        return self.get_response(request)
