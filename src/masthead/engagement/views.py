"""Dismissing a banner without JavaScript: a cookie lists the dismissed banners."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .dismissals import DISMISSED_COOKIE, dismissed_keys, is_banner_key


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
    if is_banner_key(key):
        keys = sorted(dismissed_keys(request) | {key})[-20:]
        response.set_cookie(
            DISMISSED_COOKIE,
            ".".join(keys),
            max_age=90 * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=settings.SITE_HTTPS,
        )
    return response
