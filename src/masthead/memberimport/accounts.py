"""The reader an imported row belongs to: found by its address, or made without a password.

Who may be adopted is a question of trust. An account whose address is verified is its
owner's: the import adds to it. An account with no usable password can only ever be entered
by a code e-mailed to the address, so it is its owner's too. But an account whose address is
*unverified* and which has a password may be anyone's: someone can register a victim's
address before the move, and an import that added the victim's subscription or consent to
it would hand them over. Such a row is refused, with the reason, and nothing is added::

    account_for("ada@example.com", name="Ada", joined=...)
    # -> (user, "created")  |  (user, "found")  |  raises AccountRefused

A new account has no usable password (the reader signs in by e-mailed code or sets one) and
its address is marked verified: nobody but the mailbox's owner can ever sign in to it, and the
publication's newsletters (sent only to verified addresses) keep reaching the readers who
consented to them.
"""

import hashlib

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower

from .cleaning import email_normalise


class AccountRefused(Exception):
    """The address belongs to an account the import must not add to."""


def _username(email: str) -> str:
    User = get_user_model()
    if not User.objects.filter(username=email[:150]).exists():
        return email[:150]
    return "member-" + hashlib.sha256(email.encode()).hexdigest()[:24]


def odd_addresses() -> dict[str, int]:
    """Normalised address -> user id, for the accounts an indexed lookup of allauth's
    (lowercase) ``EmailAddress`` would miss: users with no such row (``createsuperuser``'s),
    and rows stored in another case. Read once a run: a case-insensitive lookup per row scans
    the whole table on both databases, which made 100,000 rows quadratic."""
    User = get_user_model()
    found: dict[str, int] = {}
    bare = (
        User.objects.exclude(email="")
        .filter(~Exists(EmailAddress.objects.filter(user=OuterRef("pk"))))
        .values_list("email", "pk")
    )
    mixed = EmailAddress.objects.exclude(email=Lower("email")).values_list("email", "user_id")
    for email, pk in [*bare, *mixed]:
        found.setdefault(email_normalise(email), pk)
    return found


def _existing(email: str, odd: dict[str, int] | None):
    """(address row or None, user or None) for the normalised ``email``."""
    address = EmailAddress.objects.filter(email=email).select_related("user").first()
    if address is not None:
        return address, address.user
    if odd is None:  # no index built: look case-insensitively (slow on large tables)
        address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
        if address is not None:
            return address, address.user
        return None, get_user_model().objects.filter(email__iexact=email).first()
    if email not in odd:
        return None, None
    user = get_user_model().objects.filter(pk=odd[email]).first()
    if user is None:
        return None, None
    return EmailAddress.objects.filter(user=user, email__iexact=email).first(), user


def account_for(email: str, *, name: str = "", joined=None, odd: dict[str, int] | None = None):
    """(user, "created" | "found") for the normalised ``email``; ``odd`` is
    ``odd_addresses()``, read once by the caller."""
    User = get_user_model()
    address, user = _existing(email, odd)
    if user is not None:
        verified = address is not None and address.verified
        if not user.is_active:
            raise AccountRefused("the account with this address is deactivated: not changed")
        if not verified and user.has_usable_password():
            raise AccountRefused(
                "an account with a password already uses this address and it was never "
                "verified: not adopted (its owner must verify it, then import again)"
            )
        if address is None:
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        elif not address.verified:
            address.verified = True
            address.save(update_fields=["verified"])
        return user, "found"
    try:
        with transaction.atomic():
            user = User(username=_username(email), email=email, first_name=name[:150])
            if joined is not None:
                user.date_joined = joined
            user.set_unusable_password()
            user.save()
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    except IntegrityError:  # the same address made at the same moment by another run
        return account_for(email, name=name, joined=joined)  # odd=None: look everywhere
    return user, "created"
