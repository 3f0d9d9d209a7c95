"""Whether an article's thread is shown and open: the article's own comment policy, else its
section's, else the site's default (Settings → Comments).

    state = thread_state(page)
    state.shown    # False when comments are off for this article
    state.open     # False when closed (by hand, or N days after publication)
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from .editorial import comment_settings
from .models import ThreadMode, ThreadPolicy


@dataclass(frozen=True)
class ThreadState:
    shown: bool
    open: bool
    closes_at: datetime | None = None


OFF = ThreadState(shown=False, open=False)


def _closing(published: datetime | None, days: int, now: datetime) -> ThreadState:
    if not days or published is None:
        return ThreadState(shown=True, open=True)
    closes_at = published + timedelta(days=days)
    return ThreadState(shown=True, open=now < closes_at, closes_at=closes_at)


def thread_state(page, now=None) -> ThreadState:
    """``page`` is a live ``ArticlePage`` (its ``path`` finds the section's policy)."""
    now = now or timezone.now()
    section_path = page.path[: -page.steplen]
    policies = {
        (p.page_id == page.pk): p
        for p in ThreadPolicy.objects.filter(Q(page_id=page.pk) | Q(page__path=section_path))
    }
    policy = policies.get(True) or policies.get(False)
    published = page.first_published_at
    if policy is None:
        settings = comment_settings()
        if not settings.comments_on:
            return OFF
        return _closing(published, settings.close_after_days, now)
    if policy.mode == ThreadMode.OFF:
        return OFF
    if policy.mode == ThreadMode.CLOSED:
        return ThreadState(shown=True, open=False)
    if policy.mode == ThreadMode.CLOSE_AFTER:
        return _closing(published, policy.close_after_days, now)
    return ThreadState(shown=True, open=True)
