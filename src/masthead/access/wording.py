"""The words of the meter and the walls, from the staff-editable ``MeterSettings``.

Each wall kind has a title and a text template (``registration_wall_title``...); templates use
the engine's tiny variable syntax (``masthead.metering.messages``)::

    wall_copy(decision, meter, variables)
    # {"kind": "registration", "title": "...", "text": "...", "marketing": "...",
    #  "benefits": [...]}
"""

from masthead.metering import Decision, Wall, render_message

_PREFIX = {
    Wall.REGISTRATION: "registration_wall",
    Wall.SUBSCRIPTION: "subscription_wall",
    Wall.SUBSCRIBERS_ONLY: "subscribers_wall",
    Wall.TRIAL_EXPIRED: "trial_expired",
    Wall.ACCESS_EXPIRED: "access_expired",
}


def meter_message(decision: Decision, meter, variables: dict) -> str:
    """The meter message for a metered view (the last-article wording on the last one)."""
    if not decision.metered:
        return ""
    template = meter.last_article_message if decision.is_last_free else meter.meter_message
    return render_message(template, **variables)


def wall_copy(decision: Decision, meter, variables: dict) -> dict | None:
    """The wall a walled reader sees, or None (not walled, or a channel without a wall)."""
    if not decision.walled or decision.wall is None:
        return None
    prefix = _PREFIX[decision.wall]
    return {
        "kind": str(decision.wall),
        "title": render_message(getattr(meter, f"{prefix}_title"), **variables),
        "text": render_message(getattr(meter, f"{prefix}_text"), **variables),
        "marketing": meter.marketing_line,
        "benefits": meter.benefit_list(),
    }
