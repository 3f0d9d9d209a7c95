"""One row's values, checked and turned into a ``Member``; a wrong value raises ``RowError``.

    member_clean({"email": " Ada@Example.COM ", "subscribed_to_emails": "TRUE",
                  "labels": "vip, early"}, fmt="ghost")
    # -> Member(email="ada@example.com", subscribed=True, labels=["vip", "early"], ...)

E-mail addresses are normalised (Unicode NFC, then lowercase), so two rows that differ only in
case are one reader. Values that look like spreadsheet formulas (``=SUM(A1)``, ``+44 123``,
``@handle``) are ordinary text here; ``export members`` writes them so that no spreadsheet runs
them, and the ``masthead`` format reads that quoting back.
"""

import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

LIMITS = {"email": 254, "name": 150, "note": 2000, "labels": 2000, "stripe_customer_id": 100}
MAX_VALUE = 2000
MAX_LABEL = 100
TRUE = {"true", "yes", "y", "1", "t", "on"}
FALSE = {"false", "no", "n", "0", "f", "off"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class RowError(Exception):
    """A value that cannot be imported; the message names the column."""


@dataclass
class Member:
    email: str
    written: str = ""  # the address as the file spells it (Stripe matches e-mails exactly)
    name: str = ""
    note: str = ""
    subscribed: bool = False
    newsletters: list[str] | None = None  # the row's own list (masthead format)
    complimentary: bool = False
    complimentary_until: datetime | None = None
    stripe_customer: str = ""
    created_at: datetime | None = None
    labels: list[str] = field(default_factory=list)


def email_normalise(value: str) -> str:
    return unicodedata.normalize("NFC", value.strip()).lower()


def _email(value: str) -> str:
    email = email_normalise(value)
    if not email:
        raise RowError("email is empty")
    if len(email) > LIMITS["email"]:
        raise RowError(f"email is longer than {LIMITS['email']} characters")
    if any(unicodedata.category(c)[0] in "CZ" for c in email) or "\ufffd" in email:
        raise RowError(f"email {value.strip()[:80]!r} holds spaces or control characters")
    try:
        validate_email(email)
    except ValidationError:
        raise RowError(f"email {value.strip()[:80]!r} is not an e-mail address") from None
    return email


def _bool(name: str, value: str) -> bool | None:
    text = value.strip().lower()
    if not text:
        return None
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise RowError(f"{name} {value.strip()[:40]!r} is not true or false")


def _when(name: str, value: str, *, future_ok: bool = False) -> datetime | None:
    text = value.strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace(" ", "T", 1) if " " in text else text)
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(text), time.min)
        except ValueError:
            raise RowError(f"{name} {text[:40]!r} is not a date (YYYY-MM-DD[THH:MM:SS])") from None
    if timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=UTC)
    if not future_ok and parsed > timezone.now() + timedelta(days=1):
        raise RowError(f"{name} {text[:40]!r} is in the future")
    if parsed.year < 1970:
        raise RowError(f"{name} {text[:40]!r} is before 1970")
    return parsed


def _text(name: str, value: str) -> str:
    text = value.strip()
    if "\x00" in text:
        raise RowError(f"{name} holds a NUL character")
    limit = LIMITS.get(name, MAX_VALUE)
    if len(text) > limit:
        raise RowError(f"{name} is longer than {limit} characters ({len(text)})")
    return text


def _labels(value: str) -> list[str]:
    labels: list[str] = []
    for part in _text("labels", value).split(","):
        label = part.strip()
        if len(label) > MAX_LABEL:
            raise RowError(f"a label is longer than {MAX_LABEL} characters")
        if label and label not in labels:
            labels.append(label)
    return labels


def unquote_formula(value: str) -> str:
    """What ``export members`` wrote as ``'=SUM(A1)`` reads back as ``=SUM(A1)``."""
    if value.startswith("'") and value[1:2] and value[1] in FORMULA_START:
        return value[1:]
    return value


def member_clean(values: dict[str, str], *, fmt: str) -> Member:
    if fmt == "masthead":
        values = {k: unquote_formula(v) for k, v in values.items()}
    for name, value in values.items():
        if len(value) > MAX_VALUE and name not in LIMITS:
            raise RowError(f"{name} is longer than {MAX_VALUE} characters")
    member = Member(email=_email(values.get("email", "")), written=values.get("email", "").strip())
    member.name = _text("name", values.get("name", ""))
    member.note = _text("note", values.get("note", ""))
    member.labels = _labels(values.get("labels", ""))
    subscribed = _bool("subscribed_to_emails", values.get("subscribed_to_emails", ""))
    disabled = _bool("email_disabled", values.get("email_disabled", ""))
    if subscribed is None and disabled is not None:
        subscribed = not disabled
    member.subscribed = bool(subscribed)
    if "newsletters" in values and values["newsletters"].strip():
        member.newsletters = [s.strip() for s in values["newsletters"].split(",") if s.strip()]
    comp = _bool("complimentary_plan", values.get("complimentary_plan", ""))
    kind = values.get("substack_type", "").strip().lower()
    member.complimentary = bool(comp) or kind in {"comp", "gift"}
    member.complimentary_until = _when(
        "complimentary_until", values.get("complimentary_until", ""), future_ok=True
    )
    member.stripe_customer = _text("stripe_customer_id", values.get("stripe_customer_id", ""))
    member.created_at = _when("created_at", values.get("created_at", ""))
    return member
