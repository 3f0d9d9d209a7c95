"""Signal receivers: thin adapters that call services, nothing more."""

from anymail.signals import tracking
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Newsletter
from .selectors import clear_newsletter_cache
from .services.suppression import tracking_event_apply

SOFT_ESP_TYPES = {"SoftBounce", "Transient", "DnsError"}


@receiver(tracking, dispatch_uid="masthead.newsletters.tracking")
def _provider_event(sender, event, esp_name, **kwargs):
    detail = event.reject_reason or event.description or event.mta_response or ""
    kind = event.event_type
    esp_type = event.esp_event.get("Type") if isinstance(event.esp_event, dict) else None
    if kind == "bounced" and esp_type in SOFT_ESP_TYPES:
        kind = "deferred"  # e.g. Postmark's SoftBounce, which anymail reports as a bounce
    tracking_event_apply(esp_name, event.event_id or "", kind, event.recipient or "", str(detail))


post_save.connect(clear_newsletter_cache, sender=Newsletter, dispatch_uid="newsletter-save")
post_delete.connect(clear_newsletter_cache, sender=Newsletter, dispatch_uid="newsletter-delete")
