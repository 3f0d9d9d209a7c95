"""What readers of a history do besides reading: answer the reader callout, sign up to a
newsletter. Both need an account (the site asks for one), so only registered readers and
subscribers do either; the events carry ``ref`` as the site records it (``callout:<id>``, the
newsletter's slug).

    >>> import random
    >>> from datetime import UTC, datetime
    >>> from masthead.metering.status import ReaderStatus
    >>> from masthead.synthetic.lifecycle import Person
    >>> from masthead.synthetic.model import Model
    >>> reader = Person("u:5", "d:5", 0.1, Model().policy, status=ReaderStatus.REGISTERED)
    >>> at = datetime(2026, 11, 3, tzinfo=UTC)
    >>> model = Model(callout_answer=1.0, newsletter_signup=0.0)
    >>> [e.ref for e in engaged(model, random.Random(1), reader, at, [7], (7, "callout:3"), ())]
    ['callout:3']
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from .lifecycle import Event, Person
from .model import Model


def engaged(
    model: Model,
    rnd: random.Random,
    person: Person,
    at: datetime,
    article_ids: Sequence[int],
    callout: tuple[int, str] | None,
    newsletters: Sequence[str],
) -> list[Event]:
    """The callout answer and newsletter sign-up of one visit (``at``: its end), if any."""
    if person.status.anonymous:
        return []
    events = []
    if callout is not None and callout[0] in article_ids and rnd.random() < model.callout_answer:
        events.append(Event("callout_answer", at, person.key, callout[0], ref=callout[1]))
    if newsletters and rnd.random() < model.newsletter_signup:
        slug = newsletters[rnd.randrange(len(newsletters))]
        events.append(Event("newsletter_signup", at + timedelta(seconds=1), person.key, ref=slug))
    return events
