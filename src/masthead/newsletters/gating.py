"""The e-mail channel of the gate: what each kind of recipient may receive of an article.

Every newsletter body is cut by the gate's read-only ``decide`` on its e-mail channel — the
same decision as the site, the API and the feeds — for a synthetic reader of each kind, and
e-mail never counts: a subscriber gets what an entitled reader gets (the whole article), a
registered reader what a registered reader gets without spending their meter (the preview;
all of a free or sponsored article). ``email_cut`` is the one place that calls the gate.
"""

from masthead.access.gate import Channel, GatedArticle, decide
from masthead.access.readers import ReaderContext
from masthead.metering import ReaderStatus

from .models import ReaderKind


def email_cut(article, kind: str) -> GatedArticle:
    """The cut of ``article`` for a recipient of ``kind`` (a ``ReaderKind``)."""
    ctx = ReaderContext(ReaderStatus(ReaderKind(kind)).reader, None, None)
    return decide(ctx, article, channel=Channel.EMAIL)
