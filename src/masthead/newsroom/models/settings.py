"""Site-wide editorial settings of the publication, edited in Wagtail's Settings menu."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class PublicationSettings(BaseSiteSetting):
    tagline = models.CharField(
        max_length=200, blank=True, default="Independent reporting, every day"
    )
    description = models.TextField(
        blank=True, help_text="Used by search engines and feeds when a page has no description."
    )
    contact_email = models.EmailField(blank=True)
    share_campaign_tags = models.BooleanField(
        default=False, help_text="Add utm_source/utm_medium parameters to share links."
    )

    panels = [
        FieldPanel("tagline"),
        FieldPanel("description"),
        FieldPanel("contact_email"),
        FieldPanel("share_campaign_tags"),
    ]

    class Meta:
        verbose_name = "publication"
