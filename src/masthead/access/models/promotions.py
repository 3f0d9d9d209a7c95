"""Free-access promotions: a window in which every article is open to everyone."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class Promotion(models.Model):
    name = models.CharField(max_length=200, help_text="Internal name, e.g. 'Founding day'.")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    banner_text = models.CharField(
        max_length=300,
        blank=True,
        help_text="Shown site-wide during the window, e.g. 'Free access for everyone today'.",
    )
    link_url = models.CharField(max_length=500, blank=True)
    link_text = models.CharField(max_length=80, blank=True, default="Find out more")

    panels = [
        FieldPanel("name"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("banner_text"),
        FieldPanel("link_url"),
        FieldPanel("link_text"),
    ]

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["ends_at", "starts_at"], name="promotion_window_idx")]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The promotion must end after it starts."})
