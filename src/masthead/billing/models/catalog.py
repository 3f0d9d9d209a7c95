"""What a reader can buy: plans at a regular price, and offers that introduce them.

An offer is a plan plus either an introductory price for N periods ("1 month for $0.99") or a
free trial of N days, live between its start and end dates.
"""

from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def money(amount: Decimal | None, currency: str) -> str:
    amount = amount or Decimal(0)
    symbol = CURRENCY_SYMBOLS.get(currency.upper())
    text = f"{amount:.0f}" if amount == amount.to_integral() else f"{amount:.2f}"
    return f"{symbol}{text}" if symbol else f"{text} {currency.upper()}"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@register_snippet
class Plan(models.Model):
    INTERVALS = [("month", "Monthly"), ("year", "Yearly")]
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    interval = models.CharField(max_length=5, choices=INTERVALS, default="month")
    amount = models.DecimalField(max_digits=8, decimal_places=2, help_text="Regular price")
    currency = models.CharField(max_length=3, default="USD")
    benefits = models.TextField(blank=True, help_text="One benefit a line.")
    stripe_price_id = models.CharField(max_length=100, blank=True)
    active = models.BooleanField(default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("interval"),
        FieldPanel("amount"),
        FieldPanel("currency"),
        FieldPanel("benefits"),
        FieldPanel("stripe_price_id"),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["amount"]

    def __str__(self) -> str:
        return f"{self.name} ({self.amount} {self.currency}/{self.interval})"

    def benefit_list(self) -> list[str]:
        return [line.strip() for line in self.benefits.splitlines() if line.strip()]

    @property
    def price_line(self) -> str:
        return f"{money(self.amount, self.currency)} a {self.interval}"


@register_snippet
class Offer(models.Model):
    KINDS = [("intro", "Introductory price"), ("trial", "Free trial")]
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="offers")
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=120, help_text='e.g. "Try 1 month for $0.99"')
    description = models.TextField(blank=True)
    kind = models.CharField(max_length=5, choices=KINDS, default="intro")
    intro_amount = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Price of the whole introductory period.",
    )
    intro_periods = models.PositiveSmallIntegerField(default=1)
    trial_days = models.PositiveSmallIntegerField(default=0)
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(null=True, blank=True)
    new_subscribers_only = models.BooleanField(default=True)
    redemption_cap = models.PositiveIntegerField(null=True, blank=True)
    redemptions = models.PositiveIntegerField(default=0, editable=False)
    featured = models.BooleanField(default=False)
    stripe_coupon_id = models.CharField(max_length=100, blank=True)

    panels = [
        FieldPanel("plan"),
        FieldPanel("slug"),
        FieldPanel("title"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("intro_amount"),
                FieldPanel("intro_periods"),
                FieldPanel("trial_days"),
            ],
            "Terms",
        ),
        MultiFieldPanel(
            [
                FieldPanel("starts_at"),
                FieldPanel("ends_at"),
                FieldPanel("new_subscribers_only"),
                FieldPanel("redemption_cap"),
                FieldPanel("featured"),
            ],
            "Availability",
        ),
        FieldPanel("stripe_coupon_id"),
    ]

    class Meta:
        ordering = ["-featured", "intro_amount"]
        indexes = [models.Index(fields=["starts_at", "ends_at"], name="offer_window_idx")]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.kind == "intro" and self.intro_amount is None:
            raise ValidationError({"intro_amount": "An introductory offer needs a price."})
        if self.kind == "trial" and not self.trial_days:
            raise ValidationError({"trial_days": "A trial needs a number of days."})
        if self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The offer must end after it starts."})

    @property
    def terms_line(self) -> str:
        plan = self.plan
        regular = f"then {money(plan.amount, plan.currency)} a {plan.interval}"
        if self.kind == "trial":
            return f"Free for {self.trial_days} days, {regular}. Cancel any time."
        periods = self.intro_periods
        unit = plan.interval if periods == 1 else f"{plan.interval}s"
        return (
            f"{money(self.intro_amount, plan.currency)} for {periods} {unit}, {regular}. "
            "Cancel any time."
        )

    @property
    def ends_line(self) -> str:
        """'Offer ends October 31st', in the publication's time zone."""
        if not self.ends_at:
            return ""
        # The offer is live until ends_at; its last full day is the day before at midnight.
        last = timezone.localtime(self.ends_at - timedelta(seconds=1))
        return f"Offer ends {last:%B} {ordinal(last.day)}"

    def is_live(self, now=None) -> bool:
        now = now or timezone.now()
        if self.starts_at > now or (self.ends_at and self.ends_at <= now):
            return False
        if self.redemption_cap is not None and self.redemptions >= self.redemption_cap:
            return False
        return self.plan.active
