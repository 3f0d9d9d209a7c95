"""The JSON API for apps (``/api/v1/``): the same gate and meter as the web pages."""

import re

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware

from masthead.access.gate import Channel, decide, record
from masthead.access.gifts import GiftError, create_gift_link, gift_url
from masthead.access.readers import counts_views, reader_for_user
from masthead.access.selectors import meter_for
from masthead.members.proof import has_proven_address
from masthead.members.services import TokenLimitReached, api_token_issue, api_token_revoke
from masthead.members.signin import SignInThrottled, signin_authenticate
from masthead.newsroom.cardcounts import attach_comment_counts
from masthead.newsroom.models import SectionPage
from masthead.newsroom.selectors import attach_sections, live_articles
from masthead.newsroom.snapshots import snapshot_for

from .auth import api_user
from .errors import ApiError, api_endpoint, json_body
from .openapi import openapi_document
from .serializers import article_detail, article_summary, meter_json

PAGE_SIZE = 20


def _positive_int(value, name):
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ApiError(400, "invalid_parameter", f"'{name}' must be a positive integer.") from None
    if number < 1 or number > 1_000_000:
        raise ApiError(400, "invalid_parameter", f"'{name}' must be a positive integer.")
    return number


_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,120}")


def _slug_param(request, name):
    value = request.GET.get(name)
    if value is None or value == "":
        return None
    if not _SLUG.fullmatch(value):
        raise ApiError(400, "invalid_parameter", f"'{name}' must be a slug.")
    return value


def check_csrf(request):
    """Session-authenticated writes need the CSRF token; bearer-token writes do not."""
    if getattr(request, "_api_token", None) is None and request.user.is_authenticated:
        reason = CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})
        if reason is not None:
            raise ApiError(
                403, "csrf_failed", "Send the CSRF token with session-authenticated writes."
            )


@api_endpoint("GET")
def article_list(request):
    qs = live_articles()
    section = _slug_param(request, "section")
    topic = _slug_param(request, "topic")
    if section:
        qs = qs.filter(path__startswith=_section_path(section))
    if topic:
        qs = qs.filter(topics__slug=topic[:120]).distinct()
    page_number = _positive_int(request.GET.get("page", "1"), "page")
    paginator = Paginator(qs, PAGE_SIZE)
    try:
        page = paginator.page(page_number)
    except EmptyPage:
        raise ApiError(404, "page_not_found", "That page of results does not exist.") from None
    items = attach_comment_counts(attach_sections(page.object_list))
    next_url = None
    if page.has_next():
        params = request.GET.copy()
        params["page"] = str(page.next_page_number())
        next_url = f"{settings.SITE_URL}/api/v1/articles/?{params.urlencode()}"
    return JsonResponse(
        {"results": [article_summary(a) for a in items], "next": next_url, "count": paginator.count}
    )


def _section_path(slug):
    section = SectionPage.objects.filter(slug=slug[:255]).only("path").first()
    if section is None:
        raise ApiError(404, "section_not_found", f"There is no section '{slug[:60]}'.")
    return section.path


@api_endpoint("GET")
def article_detail_view(request, article_id):
    user = api_user(request)
    article = live_articles().filter(pk=article_id).first()
    if article is None:
        raise ApiError(404, "article_not_found", "There is no published article with that id.")
    attach_sections([article])
    snap = snapshot_for(article)
    ctx = reader_for_user(user, request.device)
    gift = (request.GET.get("gift") or "")[:64] or None
    gated = decide(ctx, snap, channel=Channel.API, gift=gift)
    if counts_views(request):
        gated = record(ctx, snap, gated)
    return JsonResponse(article_detail(snap, gated))


@api_endpoint("POST")
def gifts(request, article_id):
    user = api_user(request)
    if not user.is_authenticated:
        raise ApiError(401, "not_authenticated", "Sign in or send a bearer token.")
    check_csrf(request)
    article = live_articles().filter(pk=article_id).first()
    if article is None:
        raise ApiError(404, "article_not_found", "There is no published article with that id.")
    try:
        link, remaining = create_gift_link(user, article)
    except GiftError as exc:
        status = 403 if exc.code == "not_subscriber" else 429
        raise ApiError(status, exc.code, exc.message) from None
    return JsonResponse(
        {
            "url": gift_url(link),
            "expires_at": link.expires_at.isoformat(),
            "remaining_this_month": remaining,
        },
        status=201,
    )


@api_endpoint("GET")
def me(request):
    user = api_user(request)
    ctx = reader_for_user(user, request.device)
    data = {"status": ctx.status, "meter": meter_json(meter_for(ctx))}
    if user.is_authenticated:
        data["email"] = user.email
    return JsonResponse(data)


@api_endpoint("POST")
def tokens(request):
    data = json_body(request)
    email = str(data.get("email", "")).strip()[:254]
    password = str(data.get("password", ""))[:1024]
    if not email or not password:
        raise ApiError(400, "missing_credentials", "Send 'email' and 'password'.")
    try:
        user = signin_authenticate(request, email, password)
    except SignInThrottled as exc:
        raise ApiError(429, "too_many_attempts", str(exc)) from exc
    if user is None:
        raise ApiError(401, "invalid_credentials", "The e-mail or password is not correct.")
    if not has_proven_address(user):
        # As on the web (mandatory verification): a password alone, set by whoever typed the
        # address, is not proof of owning it.
        raise ApiError(
            403, "email_unverified", "Confirm your e-mail address first (see the mail we sent)."
        )
    try:
        token, raw = api_token_issue(user, data.get("name"))
    except TokenLimitReached as exc:
        raise ApiError(409, "too_many_tokens", str(exc)) from None
    return JsonResponse(
        {"token": raw, "id": token.pk, "created_at": token.created_at.isoformat()}, status=201
    )


@api_endpoint("DELETE")
def token_revoke(request, token_id):
    user = api_user(request)
    if not user.is_authenticated:
        raise ApiError(401, "not_authenticated", "Sign in or send a bearer token.")
    check_csrf(request)
    if not api_token_revoke(user, token_id):
        raise ApiError(404, "token_not_found", "No such active token.")
    return HttpResponse(status=204)


@api_endpoint("GET")
def openapi(request):
    response = JsonResponse(openapi_document())
    response["Cache-Control"] = "public, max-age=3600"
    return response


@api_endpoint("GET", "POST", "PUT", "PATCH", "DELETE")
def not_found(request, rest=""):
    raise ApiError(404, "not_found", "There is no such API endpoint.")
