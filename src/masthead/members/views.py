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
            "gifts_left": gifts_left(request.user, now) if ctx.status == "subscriber" else 0,
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def create_token(request):
    name = (request.POST.get("name") or "App").replace("\x00", "").strip()[:100] or "App"
    if ApiToken.objects.filter(user=request.user, revoked_at__isnull=True).count() >= 20:
        messages.error(request, "You have 20 active tokens; revoke one first.")
    else:
        _token, raw = ApiToken.issue(request.user, name=name)
        request.session["new_api_token"] = raw
    return HttpResponseRedirect(reverse("members:account") + "#tokens")


@login_required
@require_POST
def revoke_token(request, token_id):
    updated = ApiToken.objects.filter(
        pk=token_id, user=request.user, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    if updated:
        messages.success(request, "The token was revoked; apps using it are signed out.")
    return HttpResponseRedirect(reverse("members:account") + "#tokens")
