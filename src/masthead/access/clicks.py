"""Wall clicks: the wall's links go through ``/wall/click/``, which records the click as a
reader event and redirects to where the link leads. Plain links, no script; the target is
one of three fixed places, so this is no open redirect::

    /wall/click/?to=register&wall=registration&article=42&next=/world/some-story/
        -> 302 /accounts/signup/?next=/world/some-story/

Anything malformed still redirects (to the target without ``next``), never an error.
"""

import re

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_GET

from masthead.events.kinds import EventKind
from masthead.events.services import click_record, reader_key_of
from masthead.metering import Wall

TARGETS = {
    "register": ("/accounts/signup/", EventKind.WALL_CLICK_REGISTER),
    "signin": ("/accounts/login/", EventKind.WALL_CLICK_SIGNIN),
    "offers": ("/subscribe/", EventKind.WALL_CLICK_OFFER),
}
WALLS = {str(w) for w in Wall}


def _safe_next(request, value: str) -> str:
    if value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts=None):
        return value[:500]
    return ""


@require_GET
def wall_click(request):
    target, kind = TARGETS.get(request.GET.get("to", ""), TARGETS["offers"])
    wall = request.GET.get("wall", "")
    raw_article = request.GET.get("article", "")
    next_path = _safe_next(request, request.GET.get("next", ""))
    if wall in WALLS and request.method == "GET":
        click_record(
            kind,
            reader_key=reader_key_of(request),
            wall=wall,
            article_id=int(raw_article) if re.fullmatch(r"[0-9]{1,12}", raw_article) else None,
        )
    if next_path and kind is not EventKind.WALL_CLICK_OFFER:
        target = f"{target}?{urlencode({'next': next_path})}"
    return HttpResponseRedirect(target)
