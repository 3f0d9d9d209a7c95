"""Content Security Policy: strict on reader pages, one the Wagtail admin can live with.

Reader pages (``CONTENT_SECURITY_POLICY`` in settings) allow scripts only from this site plus
a per-response nonce, no inline styles, and no framing by other sites. The admin needs inline
scripts and styles and frames its own previews, so ``/admin/`` gets these wider directives.
"""

from csp.constants import SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_DIRECTIVES = {
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", "https:"],
    "frame-src": [SELF, "https:"],
}


class MastheadCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith("/admin/"):
            reader = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            response._csp_config = {**reader, **ADMIN_DIRECTIVES}
        return super().process_response(request, response)
