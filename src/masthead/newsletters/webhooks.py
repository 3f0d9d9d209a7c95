"""The e-mail provider's tracking webhooks (anymail's views, ``/anymail/<esp>/tracking/``).

Mounted always, answering 404 until ``MASTHEAD_EMAIL_WEBHOOK_SECRET`` is set: without it
anymail would accept unauthenticated events (with only a warning), and a forged bounce could
suppress any address. With it, anymail checks HTTP basic auth (and the provider's signature
where it has one) and answers a forged request with 400, changing nothing.
"""

from functools import wraps

from anymail import urls as anymail_urls
from django.conf import settings
from django.http import Http404
from django.urls import URLPattern


def _guarded(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not settings.ANYMAIL.get("WEBHOOK_SECRET"):
            raise Http404("No e-mail provider webhooks are configured.")
        return view(request, *args, **kwargs)

    guarded.csrf_exempt = True
    return guarded


urlpatterns = [
    URLPattern(p.pattern, _guarded(p.callback), p.default_args, p.name)
    for p in anymail_urls.urlpatterns
]
