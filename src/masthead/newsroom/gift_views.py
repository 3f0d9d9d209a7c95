"""Creating a gift link from the form under an article (the API has its own endpoint)."""

import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.views.decorators.http import require_POST

from masthead.access.gifts import GiftError, create_gift_link, gift_url

from .selectors import live_articles


@login_required
@require_POST
def create_gift(request):
    raw = request.POST.get("article", "")
    article = (
        live_articles().filter(pk=int(raw)).first() if re.fullmatch(r"[0-9]{1,12}", raw) else None
    )
    if article is None:
        messages.error(request, "That article cannot be gifted.")
        return _to_gifts()
    try:
        link, remaining = create_gift_link(request.user, article)
    except GiftError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            f"Your gift link (valid until {link.expires_at:%B %d}): "
            f"{gift_url(link)} — {remaining} left this month.",
        )
    return _to_gifts()


def _to_gifts() -> HttpResponseRedirect:
    """Back to the account page's list of gift links (members' page, above this app)."""
    return HttpResponseRedirect(settings.READER_ACCOUNT_URL + "#gifts")
