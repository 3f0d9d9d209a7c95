"""Signal receivers: thin adapters that call services, nothing more."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .services import carry_device_views_to_account


@receiver(user_logged_in, dispatch_uid="masthead.access.carry_device_views")
def _carry_device_views(sender, request, user, **kwargs):
    device = getattr(request, "device", None) if request is not None else None
    carry_device_views_to_account(device.peek() if device else None, user)
