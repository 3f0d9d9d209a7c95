"""Signal receivers: thin adapters that call services, nothing more."""

from anymail.signals import tracking
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Newsletter
from .selectors import clear_newsletter_cache
from .services.suppression import tracking_event_apply


@receiver(tracking, dispatch_uid="masthead.newsletters.tracking")
def _provider_event(sender, event, esp_name, **kwargs):
    detail = event.reject_reason or event.description or event.mta_response or ""
    tracking_event_apply(
        esp_name, event.event_id or "", event.event_type, event.recipient or "", str(detail)
    )


post_save.connect(clear_newsletter_cache, sender=Newsletter, dispatch_uid="newsletter-save")
post_delete.connect(clear_newsletter_cache, sender=Newsletter, dispatch_uid="newsletter-delete")
