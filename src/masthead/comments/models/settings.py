"""Editorial settings of comments: who may comment, the site's default for threads, and the
rules that hold or refuse a comment (Settings → Comments); and per article or per section, a
``ThreadPolicy`` (Snippets → Comment policies) that opens, closes or turns off threads."""

from django.core.validators import MaxValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.snippets.models import register_snippet


class WhoMayComment(models.TextChoices):
    REGISTERED = "registered", "Registered readers (and subscribers)"
    SUBSCRIBERS = "subscribers", "Subscribers only"


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    who_may_comment = models.CharField(
        max_length=12, choices=WhoMayComment.choices, default=WhoMayComment.REGISTERED
    )
    comments_on = models.BooleanField(
        default=True, help_text="Threads under articles, unless a comment policy says otherwise."
    )
    close_after_days = models.PositiveSmallIntegerField(
        default=0,
        validators=[MaxValueValidator(3650)],
        help_text="Close threads this many days after the article's publication (0: never).",
    )
    premoderate_first = models.PositiveSmallIntegerField(
        default=0,
        validators=[MaxValueValidator(100)],
        help_text="A reader's first N comments wait for a moderator (0: none).",
    )
    banned_words = models.TextField(
        blank=True, help_text="One word or phrase a line: a comment holding one is refused."
    )
    suspect_words = models.TextField(
        blank=True, help_text="One word or phrase a line: a comment holding one is held."
    )
    hold_links = models.BooleanField(
        default=True, help_text="Hold comments that contain a link for a moderator."
    )
    moderator_emails = models.TextField(
        blank=True,
        help_text="Addresses mailed when a reader reports a comment, one a line "
        "(empty: staff who may moderate).",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("who_may_comment"),
                FieldPanel("comments_on"),
                FieldPanel("close_after_days"),
            ],
            "Threads",
        ),
        MultiFieldPanel(
            [
                FieldPanel("premoderate_first"),
                FieldPanel("banned_words"),
                FieldPanel("suspect_words"),
                FieldPanel("hold_links"),
                FieldPanel("moderator_emails"),
            ],
            "Moderation rules",
        ),
    ]

    class Meta:
        verbose_name = "comments"


class ThreadMode(models.TextChoices):
    OPEN = "open", "Open"
    CLOSE_AFTER = "after", "Open, closed N days after publication"
    CLOSED = "closed", "Closed: shown, no new comments"
    OFF = "off", "Off: no comments at all"


@register_snippet
class ThreadPolicy(models.Model):
    """Comments on one article, or on every article of a section that has no policy of its own."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="An article, or a section (the default of its articles).",
    )
    mode = models.CharField(max_length=8, choices=ThreadMode.choices, default=ThreadMode.OPEN)
    close_after_days = models.PositiveSmallIntegerField(
        default=14, validators=[MaxValueValidator(3650)], help_text="For 'closed N days after'."
    )

    panels = [FieldPanel("page"), FieldPanel("mode"), FieldPanel("close_after_days")]

    class Meta:
        verbose_name = "comment policy"
        verbose_name_plural = "comment policies"

    def __str__(self) -> str:
        return f"Comments {self.get_mode_display().lower()}: page {self.page_id}"
