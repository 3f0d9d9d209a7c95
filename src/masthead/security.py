"""Content Security Policy: strict on reader pages, one the Wagtail admin can live with.

Reader pages (``CONTENT_SECURITY_POLICY`` in settings) allow scripts only from this site plus
a per-response nonce, no inline styles, and no framing at all. The admin needs inline
scripts and styles and frames its own previews: its wider directives and the header itself
come from ``masthead.responserules`` (one source for both ways a page is served). This
middleware only provides ``request.csp_nonce`` and refuses a nonce asked for too late.
"""

from csp.middleware import CheckableLazyObject, CSPMiddleware
from django.http import HttpResponseBadRequest

from masthead.jsonerrors import json_error


class MastheadCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        # The header is written by responserules.Security, further out, with this nonce.
        if getattr(request, "_csp_nonce", None) is None:
            request.csp_nonce = self._csp_nonce_refused()
        return response

    def _csp_nonce_refused(self):
        return CheckableLazyObject(self._csp_nonce_post_response)


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
