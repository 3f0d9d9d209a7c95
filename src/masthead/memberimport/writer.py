"""One imported row written: reader, note and labels, complimentary access, Stripe
subscriptions, newsletter consent — each through the owning app's service, each counted.

``member_write`` runs inside the caller's transaction (one per row). What it changes it counts
in ``tally`` as created / updated / unchanged; what it must refuse it appends to ``refused``
(the row's reader is still imported). Order matters: subscriptions before newsletters, so a
paying reader may join a subscribers-only newsletter in the same row.
"""

from datetime import timedelta

from django.utils import timezone

from masthead.billing.models import AccessGrant
from masthead.billing.providers import LinkRefused, get_provider
from masthead.newsletters.models import Newsletter, Source, Subscription, Suppression
from masthead.newsletters.selectors import is_entitled
from masthead.newsletters.services.subscriptions import NewsletterRefused, subscription_set

from .accounts import account_for, odd_addresses
from .cleaning import Member
from .models import MemberRecord

COMP_DAYS = 3650  # a complimentary plan with no end date: ten years, as `masthead grant` allows


class Tally:
    """counts[kind][outcome] and the report's refusals for one run."""

    KINDS = ("members", "subscriptions", "newsletter_subscriptions", "grants")

    def __init__(self) -> None:
        self.counts = {
            k: {"created": 0, "updated": 0, "unchanged": 0, "rejected": 0} for k in self.KINDS
        }

    def add(self, kind: str, outcome: str, n: int = 1) -> None:
        self.counts[kind][outcome] += n


def _record(user, member: Member, *, source: str) -> str:
    record = MemberRecord.objects.filter(user=user).first()
    if record is None:
        MemberRecord.objects.create(
            user=user, note=member.note, labels=member.labels, source=source
        )
        return "created"
    changed = []
    if member.note and member.note != record.note:
        record.note = member.note
        changed.append("note")
    labels = record.labels + [label for label in member.labels if label not in record.labels]
    if labels != record.labels:
        record.labels = labels
        changed.append("labels")
    if changed:
        record.save(update_fields=[*changed, "updated_at"])
        return "updated"
    return "unchanged"


def _grant(user, member: Member, now) -> str | None:
    if not member.complimentary:
        return None
    record = MemberRecord.objects.select_related("grant").get(user=user)
    until = member.complimentary_until
    if until is not None and until <= now:
        return None  # it has ended already: nothing to grant
    if record.grant is not None:
        if until is None or record.grant.ends_at == until:
            return "unchanged"
        AccessGrant.objects.filter(pk=record.grant.pk).update(ends_at=until)
        return "updated"
    current = AccessGrant.objects.filter(user=user, ends_at__gt=now).order_by("-ends_at").first()
    if current is not None and (until is None or current.ends_at >= until):
        return "unchanged"  # already granted here (`masthead grant`, or an export read back)
    grant = AccessGrant.objects.create(
        user=user,
        starts_at=now,
        ends_at=until or now + timedelta(days=COMP_DAYS),
        note="complimentary plan (member import)",
    )
    MemberRecord.objects.filter(pk=record.pk).update(grant=grant)
    return "created"


def _consent(member: Member, *, source: str, label: str, now) -> str:
    return f"subscribed_to_emails in a {source} export ({label}), imported {now:%Y-%m-%d}"[:300]


class RowWriter:
    def __init__(self, *, source: str, label: str, newsletters, prices, tally: Tally):
        self.source, self.label = source, label
        # A row's own list (the masthead format's "newsletters") may name any active one.
        self.newsletters = {n.slug: n for n in Newsletter.objects.filter(active=True)}
        self.default_newsletters = list(newsletters)
        self.prices = prices
        self.tally = tally
        self.odd = odd_addresses()
        self.user_id = None  # the reader of the row in hand, once known

    def write(self, member: Member, refused: list[str]) -> tuple[object, str]:
        """Import one row; returns (user, members outcome)."""
        now = timezone.now()
        user, found = account_for(
            member.email, name=member.name, joined=member.created_at, odd=self.odd
        )
        self.user_id = user.pk
        outcome = "created" if found == "created" else "unchanged"
        if found == "found" and member.name and not user.first_name and not user.last_name:
            user.first_name = member.name[:150]
            user.save(update_fields=["first_name"])
            outcome = "updated"
        record = _record(user, member, source=self.source)
        if outcome == "unchanged" and record != "unchanged":
            outcome = "updated"
        if (grant := _grant(user, member, now)) is not None:
            self.tally.add("grants", grant)
        if member.stripe_customer:
            self._link(user, member, refused)
        if member.subscribed:
            self._join(user, member, refused, now)
        return user, outcome

    def _link(self, user, member: Member, refused: list[str]) -> None:
        try:
            outcome = get_provider().link_existing(
                user=user,
                reference=member.stripe_customer,
                email=member.email,
                plans=self.prices,
                spelled=member.written,
            )
        except LinkRefused as exc:
            self.tally.add("subscriptions", "rejected")
            refused.append(f"stripe_customer_id {member.stripe_customer}: {exc}")
            return
        for result, _sub in outcome.stored:
            self.tally.add("subscriptions", result)
        for reason in outcome.refused:
            self.tally.add("subscriptions", "rejected")
            refused.append(f"stripe_customer_id {member.stripe_customer}: {reason}")

    def _join(self, user, member: Member, refused: list[str], now) -> None:
        if Suppression.objects.filter(email=member.email, suppressed=True).exists():
            return  # the suppression list always wins: no newsletter for a bounced address
        if member.newsletters is not None:
            wanted = [self.newsletters.get(slug) for slug in member.newsletters]
            unknown = [s for s, n in zip(member.newsletters, wanted, strict=True) if n is None]
            for slug in unknown:
                self.tally.add("newsletter_subscriptions", "rejected")
                refused.append(f"newsletters: no active newsletter {slug!r}")
            chosen = [n for n in wanted if n is not None]
        else:
            chosen = self.default_newsletters
        if not chosen:
            return
        # Any row, active or not: a reader who left a newsletter here is not put back in.
        held = set(
            Subscription.objects.filter(user=user, newsletter__in=chosen).values_list(
                "newsletter_id", flat=True
            )
        )
        entitled = None
        changed = False
        for newsletter in chosen:
            if newsletter.pk in held:
                self.tally.add("newsletter_subscriptions", "unchanged")
                continue
            if newsletter.subscribers_only and entitled is None:
                entitled = is_entitled(user, now=now)
            try:
                subscription_set(user, newsletter, True, Source.IMPORT, entitled=entitled)
            except NewsletterRefused as exc:
                self.tally.add("newsletter_subscriptions", "rejected")
                refused.append(f"newsletter {newsletter.slug}: {exc.message}")
                continue
            changed = True
            self.tally.add("newsletter_subscriptions", "created")
        if changed:
            consent = _consent(member, source=self.source, label=self.label, now=now)
            MemberRecord.objects.filter(user=user).update(consent=consent)
