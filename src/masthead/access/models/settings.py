"""The meter's editable policy and the copy of meter messages and walls.

Message templates use the syntax of ``masthead.metering.messages``: ``{{remaining}}``
substitutes a number, ``{{remaining|article|articles}}`` picks a plural form.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

SYNTAX_HELP = (
    "Variables: {{remaining}}, {{limit}}, {{used}}, {{month}}, {{registered_limit}}. "
    "Plural forms: {{remaining|article|articles}}, or {{remaining-plural}} for an 's'."
)


@register_setting(icon="lock")
class MeterSettings(BaseSiteSetting):
    anonymous_allowance = models.PositiveSmallIntegerField(
        default=3,
        validators=[MaxValueValidator(1000)],
        help_text="Free metered articles a month for readers who are not signed in.",
    )
    registered_allowance = models.PositiveSmallIntegerField(
        default=10,
        validators=[MaxValueValidator(1000)],
        help_text="Free metered articles a month for registered readers.",
    )
    preview_paragraphs = models.PositiveSmallIntegerField(
        default=2,
        validators=[MinValueValidator(0), MaxValueValidator(20)],
        help_text="Paragraphs shown above a wall.",
    )

    gift_links_per_month = models.PositiveSmallIntegerField(
        default=10,
        validators=[MaxValueValidator(1000)],
        help_text="Gift links a subscriber may create each month.",
    )
    gift_link_days = models.PositiveSmallIntegerField(
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="Days a gift link stays valid.",
    )
    gift_link_devices = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text="Readers (devices or accounts) that may open one gift link.",
    )

    meter_message = models.CharField(
        max_length=300,
        help_text=SYNTAX_HELP,
        default="You have {{remaining}} free {{remaining|article|articles}} left this month.",
    )
    last_article_message = models.CharField(
        max_length=300, help_text=SYNTAX_HELP, default="This is your last free article this month."
    )

    registration_wall_title = models.CharField(
        max_length=200, default="Register free to keep reading"
    )
    registration_wall_text = models.TextField(
        default="You have read your {{limit}} free {{limit|article|articles}} this month. "
        "Create a free account and read {{registered_limit}} articles a month."
    )
    subscription_wall_title = models.CharField(max_length=200, default="Subscribe to keep reading")
    subscription_wall_text = models.TextField(
        default="You have used your {{limit}} free {{limit|article|articles}} for {{month}}. "
        "Subscribe for unlimited access to every story."
    )
    subscribers_wall_title = models.CharField(
        max_length=200, default="This story is for subscribers"
    )
    subscribers_wall_text = models.TextField(
        default="Subscribe for unlimited access to our exclusives and analysis."
    )
    trial_expired_title = models.CharField(max_length=200, default="Your trial period has expired")
    trial_expired_text = models.TextField(default="You need a subscription to keep reading.")
    access_expired_title = models.CharField(max_length=200, default="Your full access has expired")
    access_expired_text = models.TextField(
        default="Renew your subscription to keep reading every story."
    )
    marketing_line = models.CharField(
        max_length=300, default="Stay ahead with our exclusives, analysis and newsletters."
    )
    benefits = models.TextField(
        default="Read all stories with unlimited access\nUse our apps on phone and tablet\n"
        "Send gift links to friends",
        help_text="One subscriber benefit a line.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("anonymous_allowance"),
                FieldPanel("registered_allowance"),
                FieldPanel("preview_paragraphs"),
            ],
            "Meter",
        ),
        MultiFieldPanel(
            [FieldPanel("meter_message"), FieldPanel("last_article_message")], "Meter messages"
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_wall_title"),
                FieldPanel("registration_wall_text"),
                FieldPanel("subscription_wall_title"),
                FieldPanel("subscription_wall_text"),
                FieldPanel("subscribers_wall_title"),
                FieldPanel("subscribers_wall_text"),
                FieldPanel("trial_expired_title"),
                FieldPanel("trial_expired_text"),
                FieldPanel("access_expired_title"),
                FieldPanel("access_expired_text"),
                FieldPanel("marketing_line"),
                FieldPanel("benefits"),
            ],
            "Walls",
        ),
    ]

    class Meta:
        verbose_name = "meter and walls"

    def benefit_list(self) -> list[str]:
        return [line.strip() for line in self.benefits.splitlines() if line.strip()]
