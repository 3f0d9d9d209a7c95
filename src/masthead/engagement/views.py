"""Dismissing a banner without JavaScript: a cookie lists the dismissed banners."""

import re

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

DISMISSED_COOKIE = "mh_dismissed"
_KEY = re.compile(r"^banner-\d{1,10}$")


def dismissed_keys(request) -> set[str]:
    raw = request.COOKIES.get(DISMISSED_COOKIE, "")[:400]
    return {k for k in raw.split(".") if _KEY.match(k)}


@csrf_exempt  # only sets a cookie on the requester; no token keeps cached pages token-free
@require_POST
def dismiss_banner(request):
    key = request.POST.get("key", "")
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    if _KEY.match(key):
        keys = sorted(dismissed_keys(request) | {key})[-20:]
        response.set_cookie(
            DISMISSED_COOKIE, ".".join(keys), max_age=90 * 24 * 3600, httponly=True, samesite="Lax"
        )
    return response
