"""Writing readers' API tokens: the one home of the token rules, for the account page and the API.

A reader holds at most ``MAX_ACTIVE_TOKENS`` active tokens (revoke one to make another); a
token's name is cleaned the same way whichever door it came through::

    token, raw = api_token_issue(user, "  My reader ")   # name "My reader"; raw shown once
    api_token_revoke(user, token.pk)                      # True; False if not theirs/active
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .models import ApiToken

MAX_ACTIVE_TOKENS = 20
DEFAULT_NAME = "App"


class TokenLimitReached(Exception):
    """The reader already holds ``MAX_ACTIVE_TOKENS`` active tokens."""

    def __init__(self) -> None:
        super().__init__(f"You have {MAX_ACTIVE_TOKENS} active tokens; revoke one first.")


def clean_token_name(name: object) -> str:
    text = str(name or "").replace("\x00", "").strip()[:100]
    return text or DEFAULT_NAME


def api_token_issue(user, name: object = DEFAULT_NAME) -> tuple[ApiToken, str]:
    """Issue a token, or raise ``TokenLimitReached``. The reader's row is locked while counting,
    so two parallel requests cannot both make the twentieth token (on SQLite the write
    transaction already serialises them)."""
    with transaction.atomic():
        list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk"))
        active = ApiToken.objects.filter(user=user, revoked_at__isnull=True).count()
        if active >= MAX_ACTIVE_TOKENS:
            raise TokenLimitReached()
        return ApiToken.issue(user, name=clean_token_name(name))


def api_token_revoke(user, token_id: int) -> bool:
    """Revoke one of the reader's active tokens; False when there is no such token."""
    updated = ApiToken.objects.filter(pk=token_id, user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    return bool(updated)
