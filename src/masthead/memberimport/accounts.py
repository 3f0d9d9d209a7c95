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


class AccountRefused(Exception):
    """The address belongs to an account the import must not add to."""


def _username(email: str) -> str:
    User = get_user_model()
    if not User.objects.filter(username=email[:150]).exists():
        return email[:150]
    return "member-" + hashlib.sha256(email.encode()).hexdigest()[:24]


def account_for(email: str, *, name: str = "", joined=None):
    """(user, "created" | "found") for the normalised ``email``."""
    User = get_user_model()
    address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    user = address.user if address is not None else None
    if user is None:
        user = User.objects.filter(email__iexact=email).first()
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
        return account_for(email, name=name, joined=joined)
    return user, "created"
