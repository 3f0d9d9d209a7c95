"""Proof of an address, and what it may do to an account: the rules every password-less door
shares (newsletter opt-in, imports, sign-in codes).

An account's address is *proven* when allauth holds it as verified. Anyone can type an address
into a sign-up form, so an unproven address is a claim, and a claim never wins over a proof::

    reader, taken_over = reader_for_proven_address("ann@example.org")

finds the owner of a proven address, or takes over an account that only *claimed* it: its
password (set by someone who never proved the address) is dropped, which ends every session it
had (Django's session hash is made from the password), its API tokens are revoked and its other
unproven addresses removed. An unproven secondary address on an account that proved another one
is detached from it, and the prover gets an account of their own. Staff accounts are never
changed by a proof from outside the admin: they are found, and nothing else.

``spend_once(purpose, token)`` makes a token single-use (a unique row per token's hash), and
``normalised_mailbox`` is the key for limits per inbox (``Ann+x@`` and ``"ann"@`` are one).
"""

import hashlib
import secrets
import unicodedata
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ApiToken, SpentToken

USERNAME_MAX = 150
SPENT_KEEP = timedelta(days=7)  # longer than any single-use token lives
GMAIL = {"gmail.com", "googlemail.com"}


def normalised_mailbox(email: str) -> str:
    """The inbox an address delivers to, as far as can be told from the address alone:
    Unicode NFC, lower case, a quoted local part unquoted, a ``+tag`` dropped, and Gmail's
    dots (which Gmail ignores) removed."""
    text = unicodedata.normalize("NFC", str(email)).strip().lower()
    local, at, domain = text.rpartition("@")
    if not at:
        return text
    if len(local) >= 2 and local.startswith('"') and local.endswith('"'):
        local = local[1:-1].replace("\\\\", "\x00").replace("\\", "").replace("\x00", "\\")
    local = local.split("+", 1)[0]
    if domain in GMAIL:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def unique_username(email: str) -> str:
    """A free username for an account made from ``email``: the address itself when it fits and
    is free, else its first characters and a random suffix (addresses run to 254 characters,
    usernames to 150)."""
    User = get_user_model()
    if len(email) <= USERNAME_MAX and not User.objects.filter(username__iexact=email).exists():
        return email
    while True:
        candidate = f"{email[: USERNAME_MAX - 9]}-{secrets.token_hex(4)}"
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate


def tokens_revoke_all(user) -> int:
    """Revoke every active API token of ``user`` (a password change or a takeover)."""
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def _is_staff(user) -> bool:
    return bool(user.is_staff or user.is_superuser)


def _new_reader(email: str):
    User = get_user_model()
    try:
        with transaction.atomic():
            user = User(username=unique_username(email), email=email)
            user.set_unusable_password()
            user.save()
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            return user
    except IntegrityError:  # the same address proven twice at once: the other one won
        return EmailAddress.objects.select_related("user").get(email__iexact=email).user


def claim_clear(user, email: str) -> None:
    """``user`` only claimed ``email`` when its password was set; the address's prover owns the
    account now, and nothing of the claimer's survives: no password, no session, no API token,
    no other unproven address. (The caller marks ``email`` verified.)"""
    user.set_unusable_password()
    user.save(update_fields=["password"])
    tokens_revoke_all(user)
    EmailAddress.objects.filter(user=user, verified=False).exclude(email__iexact=email).delete()


def _take_over(user, email: str) -> None:
    claim_clear(user, email)
    user.email = email
    user.save(update_fields=["email"])
    address = EmailAddress.objects.filter(user=user, email__iexact=email).first()
    if address is None:
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    else:
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])


def _detach(user, email: str) -> None:
    """Remove the unproven ``email`` from an account that proved another address."""
    EmailAddress.objects.filter(user=user, email__iexact=email, verified=False).delete()
    if user.email.lower() == email.lower():
        proven = EmailAddress.objects.filter(user=user, verified=True).order_by("-primary").first()
        user.email = proven.email if proven else ""
        user.save(update_fields=["email"])


def reader_for_proven_address(email: str) -> tuple[object, bool]:
    """(the account that owns ``email`` now that its holder proved it, taken over?).

    Call it only with proof (a link that reached the inbox). See the module's docstring."""
    User = get_user_model()
    with transaction.atomic():
        verified = (
            EmailAddress.objects.filter(email__iexact=email, verified=True)
            .select_related("user")
            .first()
        )
        if verified is not None:
            return verified.user, False
        claim = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
        claimer = claim.user if claim is not None else None
        if claimer is None:
            claimer = User.objects.filter(email__iexact=email).first()
        if claimer is None:
            return _new_reader(email), False
        if _is_staff(claimer):
            return claimer, False
        if EmailAddress.objects.filter(user=claimer, verified=True).exists():
            _detach(claimer, email)
            return _new_reader(email), False
        _take_over(claimer, email)
        return claimer, True


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def is_spent(purpose: str, token: str) -> bool:
    return SpentToken.objects.filter(purpose=purpose, digest=token_digest(token)).exists()


def spend_once(purpose: str, token: str) -> bool:
    """Record ``token`` as used for ``purpose``; False when it was used before. Call it inside
    the transaction that does what the token allows, so a failure there un-spends it."""
    now = timezone.now()
    try:
        with transaction.atomic():
            SpentToken.objects.create(purpose=purpose, digest=token_digest(token), spent_at=now)
    except IntegrityError:
        return False
    if secrets.randbelow(100) == 0:  # now and then, forget what no longer needs remembering
        SpentToken.objects.filter(spent_at__lt=now - SPENT_KEEP).delete()
    return True


def has_proven_address(user) -> bool:
    """Whether ``user`` proved an address (what allauth's mandatory verification asks of a
    sign-in with a password; the API's token sign-in asks the same)."""
    return EmailAddress.objects.filter(user=user, verified=True).exists()
