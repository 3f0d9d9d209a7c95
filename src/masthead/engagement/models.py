"""Announcement banners and reader callouts.

Banners are scheduled, site-wide or for one section, and dismissible. A callout is a short
survey placed in an article body: ordered questions, one response per reader or device (a
database constraint, so parallel submissions cannot double-count), results for editors.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
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


DEFAULT_CONSENT = "We may contact you about your answers. We will not publish your e-mail address."


@register_snippet
class Callout(ClusterableModel):
    """A reader callout or poll: an intro, ordered questions, and what readers see after."""

    title = models.CharField(max_length=255)
    intro = models.TextField(blank=True)
    closes_at = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty to keep the callout open."
    )
    show_results = models.BooleanField(
        default=False,
        help_text="Show readers the tallies of choice questions after they answer. "
        "Free-text answers are never shown to readers.",
    )
    ask_email = models.BooleanField(default=False, help_text="Offer an optional e-mail field.")
    email_consent_text = models.CharField(max_length=300, default=DEFAULT_CONSENT)
    thank_you = models.TextField(default="Thank you for answering.")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        InlinePanel("questions", label="Questions", min_num=1),
        FieldPanel("closes_at"),
        FieldPanel("show_results"),
        FieldPanel("ask_email"),
        FieldPanel("email_consent_text"),
        FieldPanel("thank_you"),
    ]

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def is_open(self, now=None) -> bool:
        return self.closes_at is None or self.closes_at > (now or timezone.now())


class CalloutQuestion(Orderable):
    """One question of a callout; choices are typed one per line by the editor."""

    SINGLE, MULTIPLE, TEXT = "single", "multiple", "text"
    KINDS = [(SINGLE, "One choice"), (MULTIPLE, "Several choices"), (TEXT, "Free text")]

    callout = ParentalKey(Callout, on_delete=models.CASCADE, related_name="questions")
    prompt = models.CharField(max_length=500)
    kind = models.CharField(max_length=10, choices=KINDS, default=SINGLE)
    choices = models.TextField(blank=True, help_text="One choice per line (not for free text).")
    required = models.BooleanField(default=True)

    panels = [
        FieldPanel("prompt"),
        FieldPanel("kind"),
        FieldPanel("choices"),
        FieldPanel("required"),
    ]

    def __str__(self) -> str:
        return self.prompt[:60]

    def choice_list(self) -> list[str]:
        """The choices in the editor's order, blank lines and repeats dropped."""
        seen: dict[str, None] = {}
        for line in self.choices.splitlines():
            if line.strip():
                seen.setdefault(line.strip()[:200], None)
        return list(seen)

    def clean(self):
        if self.kind != self.TEXT and len(self.choice_list()) < 2:
            raise ValidationError({"choices": "A choice question needs at least two choices."})


class CalloutResponse(models.Model):
    """One reader's answers: keyed ``u:<user id>`` or ``d:<device id>``, at most one each."""

    callout = models.ForeignKey(Callout, on_delete=models.CASCADE, related_name="responses")
    respondent_key = models.CharField(max_length=64)
    answers = models.JSONField(default=dict, help_text="Question id -> text or list of choices.")
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["callout", "respondent_key"], name="engagement_one_response_per_reader"
            )
        ]

    def __str__(self) -> str:
        return f"Response {self.pk} to {self.callout_id}"
