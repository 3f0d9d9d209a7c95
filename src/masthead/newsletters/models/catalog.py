"""Newsletters: editable objects (Wagtail snippets) that readers subscribe to."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet


class Visibility(models.TextChoices):
    REGISTERED = "registered", "Registered readers"
    SUBSCRIBERS = "subscribers", "Subscribers only"


@register_snippet
class Newsletter(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=60, unique=True, help_text="Also the List-Id of its mail")
    description = models.TextField(blank=True)
    sender_name = models.CharField(max_length=120, blank=True, help_text="Empty: the site's name")
    sender_email = models.EmailField(blank=True, help_text="Empty: the site's sender address")
    reply_to = models.EmailField(blank=True)
    visibility = models.CharField(
        max_length=16, choices=Visibility.choices, default=Visibility.REGISTERED
    )
    default_on_signup = models.BooleanField(
        default=False, help_text="The box is ticked on the sign-up form"
    )
    active = models.BooleanField(
        default=True, help_text="Untick to archive: no sign-ups, no issues"
    )
    sort_order = models.PositiveIntegerField(default=0)
    track_opens = models.BooleanField(default=False, help_text="Adds an open pixel (off: private)")
    track_clicks = models.BooleanField(default=False, help_text="Links go through a redirect")
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("sender_name"), FieldPanel("sender_email"), FieldPanel("reply_to")],
            heading="Sender",
        ),
        FieldPanel("visibility"),
        FieldPanel("default_on_signup"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
        MultiFieldPanel(
            [FieldPanel("track_opens"), FieldPanel("track_clicks")], heading="Tracking"
        ),
    ]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def subscribers_only(self) -> bool:
        return self.visibility == Visibility.SUBSCRIBERS

    @property
    def from_email(self) -> str:
        address = self.sender_email or settings.DEFAULT_FROM_EMAIL
        name = (self.sender_name or settings.WAGTAIL_SITE_NAME).replace('"', "")
        return f'"{name}" <{address}>'
