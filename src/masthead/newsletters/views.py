"""Reader pages: ``/newsletters/``, sign-up by e-mail (double opt-in) or toggle, confirmation."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpResponseRedirect, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from masthead.jsonerrors import json_error

from .forms import SIGNUP_SOURCES, EmailSignupForm
from .models import Source
from .selectors import active_newsletters, is_entitled, newsletter_by_slug, subscribed_slugs
from .services.optin import LinkUsed, optin_confirm, optin_request, optin_used
from .services.subscriptions import NewsletterRefused, subscription_set
from .throttle import confirm_mail_allowed, signup_address_allowed
from .tokens import OPTIN_COOKIE, OPTIN_SIGNIN_MAX_AGE, optin_nonce, read_optin_token

LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _next(request, default: str = "/newsletters/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if "\x00" in target or not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return default
    return target


def _answer(request, ok: bool, code: str, message: str, status: int = 200):
    if _wants_json(request):
        if ok:
            return JsonResponse({"ok": True, "message": message}, status=status)
        return json_error(status, code, message)
    (messages.success if ok else messages.error)(request, message)
    return HttpResponseRedirect(_next(request))


def newsletter_index(request):
    user = request.user
    response = TemplateResponse(
        request,
        "newsletters/index.html",
        {
            "newsletters": active_newsletters(),
            "subscribed": set(subscribed_slugs(user)),
            "entitled": is_entitled(user),
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _csrf_failed(request) -> bool:
    return CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {}) is not None


@csrf_exempt
@require_POST
def newsletter_signup(request):
    """Signed in: join at once. Otherwise: send the confirmation link (double opt-in).

    Anonymous sign-ups need no CSRF token (the form sits on cached article walls, which set no
    cookie; the worst a forged one does is send a confirmation link); a signed-in reader's
    request changes their account, so it must carry the token."""
    if request.user.is_authenticated and _csrf_failed(request):
        return _answer(request, False, "csrf_failed", "Reload the page and try again.", 403)
    form = EmailSignupForm(request.POST)
    if request.user.is_authenticated:
        form.fields["email"].required = False
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        return _answer(request, False, f"invalid_{field}", errors[0], 400)
    slugs, source = form.cleaned_data["newsletter"], form.cleaned_data["source"]
    if request.user.is_authenticated:
        try:
            for slug in slugs:
                subscription_set(request.user, newsletter_by_slug(slug), True, source)
        except NewsletterRefused as exc:
            return _answer(request, False, exc.code, exc.message, 403)
        return _answer(request, True, "", "You are subscribed.")
    locked = [s for s in slugs if newsletter_by_slug(s).subscribers_only]
    if locked:
        name = newsletter_by_slug(locked[0]).name
        message = f"{name} is for subscribers only: sign in with your subscription to join it."
        return _answer(request, False, "subscribers_only", message, 403)
    if not signup_address_allowed(request):
        message = "Too many sign-ups from your network. Try again in an hour."
        return _answer(request, False, "rate_limited", message, 429)
    nonce = optin_nonce(request.COOKIES.get(OPTIN_COOKIE))
    if confirm_mail_allowed(request, form.cleaned_data["email"]):
        optin_request(form.cleaned_data["email"], slugs, source, nonce)
    message = "Check your inbox: we sent you a link to confirm your sign-up."
    response = _answer(request, True, "", message, 202)
    # The link signs in only in this browser (a forwarded mail gives no account).
    response.set_cookie(
        OPTIN_COOKIE,
        nonce,
        max_age=OPTIN_SIGNIN_MAX_AGE,
        path="/newsletters/confirm/",
        httponly=True,
        samesite="Lax",
        secure=settings.SITE_HTTPS,
    )
    return response


@require_POST
def newsletter_toggle(request, slug):
    newsletter = newsletter_by_slug(slug)
    if newsletter is None:
        return _answer(request, False, "not_found", "No such newsletter.", 404)
    if not request.user.is_authenticated:
        return _answer(request, False, "not_signed_in", "Sign in to change your newsletters.", 401)
    on = request.POST.get("subscribe") == "1"
    try:
        source = request.POST.get("source")
        source = source if source in SIGNUP_SOURCES else Source.PAGE
        subscription_set(request.user, newsletter, on, source)
    except NewsletterRefused as exc:
        return _answer(request, False, exc.code, exc.message, 403)
    verb = "You are subscribed to" if on else "You have left"
    return _answer(request, True, "", f"{verb} {newsletter.name}.")


def _link_refused(request, used: bool):
    response = TemplateResponse(
        request, "newsletters/confirm_invalid.html", {"used": used}, status=400
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def newsletter_confirm(request, token):
    """GET shows one "Confirm" button and changes nothing (mail scanners follow links; they
    must not get the reader's session); only its POST (with the page's CSRF token) confirms,
    once. Who is signed in afterwards: ``services.optin``."""
    if request.method != "POST":
        data = read_optin_token(token)
        if data is None:
            return _link_refused(request, used=False)
        if optin_used(token):
            return _link_refused(request, used=True)
        names = [n.name for n in active_newsletters() if n.slug in data["n"]]
        context = {"email": data["e"], "names": names}
        response = TemplateResponse(request, "newsletters/confirm.html", context)
        response["Cache-Control"] = "private, no-store"
        return response
    try:
        result = optin_confirm(token, request.COOKIES.get(OPTIN_COOKIE))
    except LinkUsed:
        return _link_refused(request, used=True)
    if result is None:
        return _link_refused(request, used=False)
    user = result.user
    signed_in = request.user.is_authenticated and request.user.pk == user.pk
    if not signed_in and result.sign_in:
        login(request, user, backend=LOGIN_BACKEND)
        signed_in = True
    names = [n.name for n in active_newsletters() if n.slug in result.joined]
    if names:
        messages.success(request, f"Confirmed: you will receive {', '.join(names)}.")
    if result.refused:
        messages.error(request, "Subscribers-only newsletters need a subscription.")
    if result.taken_over:
        messages.info(
            request,
            "Someone had registered this address without confirming it: that account's "
            "password no longer works. Sign in with a code sent to this address.",
        )
    if not signed_in and not request.user.is_authenticated:
        messages.info(request, "To manage your newsletters, sign in.")
        return HttpResponseRedirect("/accounts/login/?next=/newsletters/")
    return HttpResponseRedirect("/newsletters/")
