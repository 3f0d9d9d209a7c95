"""POST /callouts/<id>/answer/: a plain form post (no JavaScript needed) or a fetch asking JSON.

Order of checks: the callout is open, the IP and the reader are under their rate limits, the
honeypot is empty (else "thanks" and nothing stored), the answers validate (else 400 with the
errors). Success redirects (303) back to the article with ``?answered=<id>#callout-<id>``, or
answers JSON. No input makes it fail with a 500.
"""

from urllib.parse import urlencode, urlsplit, urlunsplit

from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from masthead.jsonerrors import json_error

from ..models import Callout
from .forms import HONEYPOT, CalloutForm
from .selectors import callout_article_url, poll_results, respondent_key
from .services import Outcome, do_answer_callout, record_attempt

CLOSED = "This callout has closed and no longer takes answers. Thank you for your interest."
LIMITED = "You have sent many answers in a short time. Please try again in a few minutes."
INVALID = "Some answers need another look."


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _safe_next(request, callout) -> str:
    target = request.POST.get("next", "")[:2000]
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return callout_article_url(callout) or "/"


def _answered_url(target: str, callout_id: int) -> str:
    parts = urlsplit(target)
    query = [p for p in parts.query.split("&") if p and not p.startswith("answered=")]
    query.append(urlencode({"answered": callout_id}))
    path = "/" + parts.path.lstrip("/\\")  # never "//host": that would leave the site
    return urlunsplit(("", "", path, "&".join(query), f"callout-{callout_id}"))


def _refuse(request, callout, status, code, message, form=None):
    if _wants_json(request):
        errors = {name: list(e) for name, e in form.errors.items()} if form else {}
        return json_error(status, code, message, fields=errors)
    context = {
        "callout": callout,
        "message": message,
        "form": form,
        "next": request.POST.get("next", "")[:2000],  # re-validated when the form comes back
        "back": _safe_next(request, callout),
    }
    return TemplateResponse(request, "engagement/callout_answer.html", context, status=status)


def _thanks(request, callout, outcome):
    if _wants_json(request):
        results = poll_results(callout) if callout.show_results else None
        return JsonResponse(
            {"status": outcome.shown_as, "thank_you": callout.thank_you, "results": results}
        )
    target = _answered_url(_safe_next(request, callout), callout.pk)
    return HttpResponseRedirect(target, status=303)


@require_POST
def answer_callout(request, callout_id: int):
    callout = get_object_or_404(Callout, pk=callout_id)
    if not callout.is_open():
        return _refuse(request, callout, 403, "closed", CLOSED)
    ip = request.META.get("REMOTE_ADDR") or "unknown"
    key = respondent_key(request) or f"ip:{ip}"
    allowed_ip = record_attempt("ip", ip)
    if not (record_attempt("reader", key) and allowed_ip):
        response = _refuse(request, callout, 429, "rate_limited", LIMITED)
        response["Retry-After"] = "600"
        return response
    form = CalloutForm(callout, request.POST)
    if form.is_spam() or request.POST.get(HONEYPOT):
        return _thanks(request, callout, Outcome.DISCARDED)
    if not form.is_valid():
        return _refuse(request, callout, 400, "invalid", INVALID, form)
    outcome = do_answer_callout(callout, key, form.answers(), form.cleaned_data.get("email", ""))
    return _thanks(request, callout, outcome)
