"""Signal receivers of the members app: thin adapters that call services, nothing more."""

from allauth.account.signals import user_signed_up
from django.core.management import call_command
from django.db.models.signals import pre_migrate
from django.dispatch import receiver

from masthead.events.services import signup_record
from masthead.metering.keys import device_key, user_key


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
