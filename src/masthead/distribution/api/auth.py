"""API authentication: the session cookie, or ``Authorization: Bearer <token>``.

A bearer token that is unknown or revoked is an error (401), never a silent fallback to
anonymous: an app must learn that its token stopped working.
"""

from django.utils import timezone

from masthead.members.models import ApiToken, hash_token

from .errors import ApiError


def api_user(request):
    header = request.headers.get("Authorization", "")
    if not header:
        return request.user
    scheme, _, raw = header.partition(" ")
    if scheme.lower() != "bearer" or not raw.strip():
        raise ApiError(401, "invalid_token", "Use 'Authorization: Bearer <token>'.")
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw.strip()), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        raise ApiError(401, "invalid_token", "The token is unknown or has been revoked.")
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    request._api_token = token
    return token.user
