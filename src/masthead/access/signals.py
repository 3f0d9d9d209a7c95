"""Signal receivers: thin adapters that call services, nothing more."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import MeterSettings, Promotion
from .policy import clear_policy_cache
from .services import carry_device_views_to_account


@receiver(user_logged_in, dispatch_uid="masthead.access.carry_device_views")
def _carry_device_views(sender, request, user, **kwargs):
    device = getattr(request, "device", None) if request is not None else None
    carry_device_views_to_account(device.peek() if device else None, user)


def _clear_policy(**kwargs):
    clear_policy_cache()


def connect_policy_receivers():
    for model in (MeterSettings, Promotion):
        post_save.connect(_clear_policy, sender=model, dispatch_uid=f"policy-save-{model.__name__}")
        post_delete.connect(
            _clear_policy, sender=model, dispatch_uid=f"policy-delete-{model.__name__}"
        )
