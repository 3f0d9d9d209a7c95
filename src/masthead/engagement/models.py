"""Announcement banners: scheduled, site-wide or for one section, dismissible."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class Banner(models.Model):
    text = models.CharField(max_length=300)
    link_url = models.CharField(max_length=500, blank=True)
    link_text = models.CharField(max_length=80, blank=True, default="Find out more")
    section = models.ForeignKey(
        "newsroom.SectionPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text="Leave empty to show the banner on every page.",
    )
    starts_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    dismissible = models.BooleanField(default=True)
    live = models.BooleanField(default=True)

    panels = [
        FieldPanel("text"),
        FieldPanel("link_url"),
        FieldPanel("link_text"),
        FieldPanel("section"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("dismissible"),
        FieldPanel("live"),
    ]

    class Meta:
        ordering = ["-starts_at", "-id"]

    def __str__(self) -> str:
        return self.text[:60]

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The banner must end after it starts."})

    @property
    def dismiss_key(self) -> str:
        return f"banner-{self.pk}"
