"""The three column sets a member CSV may use, and ``--map`` for any other column.

Every source column is renamed to one of ``FIELDS`` (what ``export members`` writes, the
``masthead`` format); unknown columns are ignored::

    columns_for("substack", ["email", "email_disabled", "stripe_connected_customer_id"], {})
    # -> {"email": "email", "email_disabled": "email_disabled",
    #     "stripe_connected_customer_id": "stripe_customer_id"}

Substack's ``email_disabled`` is kept as its own field: it says the opposite of
``subscribed_to_emails``.
"""

FIELDS = (
    "email",
    "name",
    "note",
    "subscribed_to_emails",
    "newsletters",
    "complimentary_plan",
    "complimentary_until",
    "stripe_customer_id",
    "created_at",
    "labels",
)
GHOST = {
    "email": "email",
    "name": "name",
    "note": "note",
    "subscribed_to_emails": "subscribed_to_emails",
    "complimentary_plan": "complimentary_plan",
    "stripe_customer_id": "stripe_customer_id",
    "created_at": "created_at",
    "labels": "labels",
}
SUBSTACK = {
    "email": "email",
    "name": "name",
    "created_at": "created_at",
    "email_disabled": "email_disabled",
    "stripe_connected_customer_id": "stripe_customer_id",
    "expiry": "complimentary_until",
    "type": "substack_type",
}
MASTHEAD = {name: name for name in FIELDS}
FORMATS = {"ghost": GHOST, "substack": SUBSTACK, "masthead": MASTHEAD}
MAPPABLE = (*FIELDS, "email_disabled")


class FormatError(Exception):
    """Options or a header that make the file unusable (exit 2)."""


def format_guess(header: list[str]) -> str:
    names = {h.strip().lower() for h in header}
    if names & {"stripe_connected_customer_id", "email_disabled", "active_subscription"}:
        return "substack"
    if names & {"complimentary_until", "newsletters"}:
        return "masthead"
    return "ghost"


def parse_maps(items: list[str]) -> dict[str, str]:
    """``["correo=email"]`` -> ``{"correo": "email"}``; a bad item raises ``FormatError``."""
    maps: dict[str, str] = {}
    for item in items:
        source, sep, field = item.partition("=")
        source, field = source.strip().lower(), field.strip().lower()
        if not sep or not source or field not in MAPPABLE:
            raise FormatError(
                f"--map {item!r}: give SOURCE=FIELD with FIELD one of {', '.join(MAPPABLE)}"
            )
        maps[source] = field
    return maps


def columns_for(fmt: str, header: list[str], maps: dict[str, str]) -> dict[int, str]:
    """Column index -> field, for this header; raises ``FormatError`` when unusable."""
    known = FORMATS[fmt]
    names = [raw.strip().lower() for raw in header]
    mapped = {maps[name] for name in names if name in maps}  # an explicit --map wins
    columns: dict[int, str] = {}
    for index, name in enumerate(names):
        field = maps.get(name)
        if field is None:
            field = known.get(name)
            if field in mapped:
                continue
        if field is None:
            continue
        if field in columns.values():
            raise FormatError(f"two columns give the field {field!r} (column {index + 1})")
        columns[index] = field
    if "email" not in columns.values():
        shown = ", ".join(h[:40] for h in header[:12]) or "(none)"
        raise FormatError(f"no e-mail column (the header has: {shown}); use --map SOURCE=email")
    return columns
