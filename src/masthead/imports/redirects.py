"""WordPress's shortlinks, ``/?p=ID`` and ``/?page_id=ID``, answered with a 301.

Old permalinks are Wagtail redirects (``wagtail.contrib.redirects``), which its middleware
serves when a path would otherwise be a 404. ``/`` is the front page, never a 404, so the
shortlinks the importer also records as redirects (``/?p=123``) need this middleware: on a
GET or HEAD of ``/`` with a numeric ``p`` or ``page_id``, it looks that one redirect up and
answers 301 to it; anything else (other parameters too) goes on to the front page.
"""

from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.middleware import get_redirect

KEYS = ("p", "page_id")


class ShortlinkRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.method in {"GET", "HEAD"}:
            for key in KEYS:
                value = request.GET.get(key, "")
                if value.isdigit() and len(value) < 20:
                    redirect = get_redirect(request, f"/?{key}={int(value)}")
                    if redirect is not None and redirect.link:
                        return HttpResponsePermanentRedirect(redirect.link)
        return self.get_response(request)
