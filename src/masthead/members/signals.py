"""Signal receivers of the members app: thin adapters that call services, nothing more."""

from allauth.account.models import EmailAddress
from allauth.account.signals import (
    email_confirmed,
    password_changed,
    password_reset,
    user_signed_up,
)
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.signals import user_logged_in
from django.core.management import call_command
from django.db.models.signals import pre_migrate
from django.dispatch import receiver

from masthead.events.services import signup_record
from masthead.metering.keys import device_key, user_key

from .proof import claim_clear, tokens_revoke_all


@receiver(user_signed_up, dispatch_uid="masthead.members.record_signup")
def _record_signup(sender, request, user, **kwargs):
    """A registration, as a reader event attributed to what its device did before."""
    device = getattr(request, "device", None) if request is not None else None
    device_id = device.peek() if device is not None else None
    signup_record(user_key(user.pk), device_key=device_key(device_id) if device_id else "")


@receiver(pre_migrate, dispatch_uid="masthead.members.cache_table")
def _cache_table(sender, using="default", **kwargs):
    """Before every ``migrate`` (every app's pre-migrate signal comes before any migration
    runs): the database cache table of a site without Redis, which holds the sign-in throttle,
    exists. Before, not after: post-migrate work (the Site record) already clears cache keys.
    ``createcachetable`` skips a table that exists."""
    if sender.name == "masthead.members":
        call_command("createcachetable", database=using, verbosity=0)


# --- A proof of the address ends an unproven claim (``masthead.members.proof``) ------------
# Signing in by e-mailed code proves the address; allauth then marks it verified. If the
# account's password was set before any address of it was proven, whoever set it is not known
# to own the address: the password, its sessions and its API tokens go (the reader sets a new
# password from the account page). The sign-up's own code is typed into the sign-up's session,
# so it proves the registrant, and is left alone.

CLAIM_PROVEN = "_masthead_claim_proven"


@receiver(email_confirmed, dispatch_uid="masthead.members.claim_by_code")
def _claim_proven_by_code(sender, request, email_address, **kwargs):
    match = getattr(request, "resolver_match", None) if request is not None else None
    if match is None or match.url_name != "account_confirm_login_code":
        return
    # allauth saves the address verified just before this signal: look at the others.
    user = email_address.user
    others = EmailAddress.objects.filter(user=user, verified=True).exclude(pk=email_address.pk)
    staff = user.is_staff or user.is_superuser
    if user.has_usable_password() and not staff and not others.exists():
        setattr(request, CLAIM_PROVEN, (user.pk, email_address.email))


@receiver(user_logged_in, dispatch_uid="masthead.members.claim_cleared")
def _clear_proven_claim(sender, request, user, **kwargs):
    proven = getattr(request, CLAIM_PROVEN, None) if request is not None else None
    if proven is None or proven[0] != user.pk:
        return
    claim_clear(user, proven[1])
    update_session_auth_hash(request, user)  # this session (the prover's) stays signed in


@receiver(password_reset, dispatch_uid="masthead.members.tokens_on_reset")
@receiver(password_changed, dispatch_uid="masthead.members.tokens_on_change")
def _tokens_end_with_password(sender, request, user, **kwargs):
    """A new password ends every app's token made with the old one (as it ends sessions)."""
    tokens_revoke_all(user)
