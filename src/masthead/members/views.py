"""The reader's account page: access, subscription, API tokens (and, later, gift links)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from masthead.access.gifts import gift_url, gifts_left
from masthead.access.models import GiftLink
from masthead.access.readers import reader_for_user
from masthead.billing.models import AccessGrant, Subscription
from masthead.billing.providers import get_provider
from masthead.billing.selectors import current_subscription

from .models import ApiToken
from .services import TokenLimitReached, api_token_issue, api_token_revoke


@login_required
def account(request):
    now = timezone.now()
    ctx = reader_for_user(request.user, now=now)
    new_token = request.session.pop("new_api_token", None)
    response = TemplateResponse(
        request,
        "members/account.html",
        {
            "now": now,
            "status": ctx.status,
            "lapse": ctx.reader.lapse,
            "subscription": current_subscription(request.user),
            "past_subscriptions": Subscription.objects.filter(user=request.user)[:5],
            "grant": AccessGrant.objects.filter(
                user=request.user, starts_at__lte=now, ends_at__gt=now
            ).first(),
            "tokens": ApiToken.objects.filter(user=request.user, revoked_at__isnull=True),
            "new_token": new_token,
            "provider": get_provider(),
            "gifts": [
                (link, gift_url(link))
                for link in GiftLink.objects.filter(sender=request.user).select_related("article")[
                    :20
                ]
            ],
            "gifts_left": gifts_left(request.user, now) if ctx.status.entitled else 0,
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def create_token(request):
    try:
        _token, raw = api_token_issue(request.user, request.POST.get("name"))
    except TokenLimitReached as exc:
        messages.error(request, str(exc))
    else:
        request.session["new_api_token"] = raw
    return HttpResponseRedirect(reverse("members:account") + "#tokens")


@login_required
@require_POST
def revoke_token(request, token_id):
    if api_token_revoke(request.user, token_id):
        messages.success(request, "The token was revoked; apps using it are signed out.")
    return HttpResponseRedirect(reverse("members:account") + "#tokens")
