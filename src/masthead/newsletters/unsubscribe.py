"""Leaving by a link in the mail: one-click unsubscribe (RFC 8058) and the preference page.

``/newsletters/unsubscribe/<token>/``:

* ``GET`` shows a page that asks for confirmation and changes nothing (mail scanners and
  link previews follow GET links);
* ``POST`` (``List-Unsubscribe=One-Click`` from a mail client, or the page's button) needs no
  cookie and no CSRF token — the signed per-recipient token is the authority — and answers
  200 with a page, never a redirect.

``/newsletters/preferences/<token>/`` lets the same reader choose all their newsletters.
"""

from django.contrib.auth import get_user_model
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .models import Newsletter, Source
from .selectors import active_newsletters, is_entitled, subscribed_slugs
from .services.subscriptions import NewsletterRefused, subscription_set
from .tokens import read_unsubscribe_token


def _resolve(token):
    found = read_unsubscribe_token(token)
    if found is None:
        return None, None
    user = get_user_model().objects.filter(pk=found[0]).first()
    newsletter = Newsletter.objects.filter(pk=found[1]).first()
    if user is None or newsletter is None:
        return None, None
    return user, newsletter


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"  # the token must not leak to other sites
    return response


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    user, newsletter = _resolve(token)
    if user is None:
        return _private(
            TemplateResponse(request, "newsletters/unsubscribe_invalid.html", status=404)
        )
    context = {"newsletter": newsletter, "token": token, "email": user.email, "done": False}
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        source = Source.ONE_CLICK if one_click else Source.PREFERENCES
        subscription_set(user, newsletter, False, source)
        context["done"] = True
    return _private(TemplateResponse(request, "newsletters/unsubscribe.html", context))


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    user, newsletter = _resolve(token)
    if user is None:
        return _private(
            TemplateResponse(request, "newsletters/unsubscribe_invalid.html", status=404)
        )
    entitled = is_entitled(user)
    saved, refused = False, []
    if request.method == "POST":
        wanted = set(request.POST.getlist("newsletter"))
        for item in active_newsletters():
            try:
                subscription_set(
                    user, item, item.slug in wanted, Source.PREFERENCES, entitled=entitled
                )
            except NewsletterRefused as exc:
                refused.append(exc.message)
        saved = True
    context = {
        "newsletters": active_newsletters(),
        "subscribed": set(subscribed_slugs(user)),
        "entitled": entitled,
        "token": token,
        "email": user.email,
        "saved": saved,
        "refused": refused,
    }
    return _private(TemplateResponse(request, "newsletters/preferences.html", context))
