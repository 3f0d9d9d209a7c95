"""``/api/v1/newsletters/`` and ``/api/v1/me/newsletters/``: the same rules as the web pages
(a subscribers-only newsletter is refused to others, with a JSON error)."""

from django.http import JsonResponse

from masthead.newsletters.models import Source
from masthead.newsletters.selectors import active_newsletters, subscribed_slugs
from masthead.newsletters.services.subscriptions import NewsletterRefused, subscriptions_replace

from .auth import api_user
from .errors import ApiError, api_endpoint, json_body
from .views import check_csrf


@api_endpoint("GET")
def newsletter_list(request):
    results = [
        {
            "slug": n.slug,
            "name": n.name,
            "description": n.description,
            "visibility": n.visibility,
        }
        for n in active_newsletters()
    ]
    return JsonResponse({"results": results})


def _slugs(request) -> list[str]:
    if (request.content_type or "") != "application/json":
        raise ApiError(415, "unsupported_media_type", 'Send JSON: {"subscribed": [slug, ...]}.')
    slugs = json_body(request).get("subscribed")
    if not isinstance(slugs, list) or not all(isinstance(s, str) for s in slugs):
        raise ApiError(400, "invalid_body", '"subscribed" must be a list of newsletter slugs.')
    if len(slugs) > 100 or any(len(s) > 60 or "\x00" in s for s in slugs):
        raise ApiError(400, "invalid_body", '"subscribed" holds an impossible slug.')
    return list(dict.fromkeys(slugs))


@api_endpoint("GET", "PUT")
def my_newsletters(request):
    user = api_user(request)
    if not user.is_authenticated:
        raise ApiError(401, "not_authenticated", "Sign in or send a bearer token.")
    if request.method == "PUT":
        check_csrf(request)
        try:
            subscriptions_replace(user, _slugs(request), Source.API)
        except NewsletterRefused as exc:
            status = 400 if exc.code == "unknown_newsletter" else 403
            raise ApiError(status, exc.code, exc.message) from None
    return JsonResponse({"subscribed": subscribed_slugs(user)})
