"""Subscribing: the offers page, starting a checkout, the demo provider's test checkout, and
the return from a provider's checkout. Cancel and resume live here too."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST

from masthead.events.kinds import EventKind
from masthead.events.services import click_record, reader_key_of
from masthead.metering import Wall

from .models import Offer, Plan
from .providers import CheckoutError, get_provider
from .selectors import current_subscription, live_offers
from .services import check_offer_eligibility


def account_url() -> str:
    """The reader's account page (members' ``/account/``, above this layer): where a signed-in
    reader lands, ``LOGIN_REDIRECT_URL``."""
    return settings.LOGIN_REDIRECT_URL


def subscribe(request):
    offers = live_offers()
    for offer in offers:
        click_record(EventKind.OFFER_SHOWN, reader_key=reader_key_of(request), offer=offer.slug)
    plans = Plan.objects.filter(active=True)
    response = TemplateResponse(
        request,
        "billing/subscribe.html",
        {"offers": offers, "plans": plans, "provider": get_provider()},
    )
    response["Cache-Control"] = "private, no-cache"
    return response


@require_POST
def choose_offer(request, slug):
    offer = get_object_or_404(Offer.objects.select_related("plan"), slug=slug)
    wall = request.POST.get("from_wall", "")
    key = reader_key_of(request)
    if wall in {str(w) for w in Wall}:
        click_record(EventKind.WALL_CLICK_OFFER, reader_key=key, wall=wall, offer=slug)
    click_record(EventKind.OFFER_CHOSEN, reader_key=key, offer=slug, wall=wall[:20])
    if not request.user.is_authenticated:
        target = reverse("billing:subscribe") + "?" + urlencode({"offer": slug})
        return HttpResponseRedirect(reverse("account_signup") + "?" + urlencode({"next": target}))
    try:
        check_offer_eligibility(request.user, offer)
        base = request.build_absolute_uri(reverse("billing:checkout-return"))
        url = get_provider().start_checkout(
            user=request.user,
            offer=offer,
            success_url=base + "?session_id={CHECKOUT_SESSION_ID}",
            cancel_url=request.build_absolute_uri(reverse("billing:subscribe")),
        )
    except CheckoutError as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(reverse("billing:subscribe"))
    click_record(EventKind.CHECKOUT_STARTED, reader_key=key, offer=slug, plan=offer.plan.slug)
    return HttpResponseRedirect(url)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def test_checkout(request):
    """The test checkout page of a provider that has one (the demo's): clearly a test, no
    card, no money."""
    provider = get_provider()
    if not provider.supports_test_checkout:
        return HttpResponseRedirect(reverse("billing:subscribe"))
    session_id = request.GET.get("session") or request.POST.get("session") or ""
    try:
        slug = provider.test_checkout_offer(user=request.user, session_id=session_id)
    except CheckoutError as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(reverse("billing:subscribe"))
    offer = get_object_or_404(Offer.objects.select_related("plan"), slug=slug)
    if request.method == "POST":
        return _complete(request, session_id)
    return TemplateResponse(
        request, "billing/test_checkout.html", {"offer": offer, "session": session_id}
    )


@login_required
def checkout_return(request):
    return _complete(request, request.GET.get("session_id", ""))


def _complete(request, session_id):
    try:
        get_provider().complete_checkout(user=request.user, session_id=session_id[:2000])
    except CheckoutError as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(reverse("billing:subscribe"))
    messages.success(request, "Welcome aboard: you now have full access to every story.")
    return HttpResponseRedirect(account_url())


@login_required
@require_POST
def cancel(request):
    sub = current_subscription(request.user)
    if sub is None:
        messages.error(request, "You have no subscription to cancel.")
    else:
        get_provider().cancel(sub)
        messages.success(
            request,
            "Your subscription will end at the close of this period. "
            "You keep full access until then.",
        )
    return HttpResponseRedirect(account_url())


@login_required
@require_POST
def resume(request):
    sub = current_subscription(request.user)
    if sub is None or not sub.cancel_at_period_end:
        messages.error(request, "There is no pending cancellation to undo.")
    else:
        try:
            get_provider().resume(sub)
        except CheckoutError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Your subscription continues. Thank you for staying.")
    return HttpResponseRedirect(account_url())


@login_required
def manage(request):
    url = get_provider().manage_url(
        user=request.user, return_url=request.build_absolute_uri(account_url())
    )
    return HttpResponseRedirect(url or account_url())
