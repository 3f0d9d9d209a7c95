"""Step: comment threads on four articles (one of them subscribers-only, one free), with
replies, likes and a featured comment; in the moderation queue a pending comment (a newcomer's
first, pre-moderated) and a reported one; and its author suspended for a week by the editor
(through ``comments.moderation``, so the log shows it). Not built with ``--scale``.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from masthead.comments.models import Comment, Commenter, CommentLike, ModerationLog, Status
from masthead.comments.moderation import comment_feature, reader_suspend
from masthead.comments.services import comment_report
from masthead.newsroom.models import ArticlePage

from ..catalogue.comments import (
    ACCOUNTS,
    COMMENTERS,
    DOMAIN,
    FEATURED,
    PENDING,
    REPORTED,
    SUSPENDED,
    THREADS,
)
from ..context import Demo


def _email(key: str) -> str:
    return ACCOUNTS.get(key) or f"{key}@{DOMAIN}"


def _people(demo: Demo) -> dict:
    User = get_user_model()
    people = {}
    for key, (first, last) in COMMENTERS.items():
        email = _email(key)
        user = User.objects.filter(username=email).first()
        if user is None:
            user = User(username=email, email=email, first_name=first, last_name=last)
            user.set_unusable_password()
            user.save()
            demo.count("commenters")
        people[key] = user
    for key, email in ACCOUNTS.items():
        people[key] = User.objects.get(username=email)
    return people


def _add(demo, article, author, text, hours, likes, people, parent=None) -> Comment:
    comment = Comment.objects.create(
        article=article,
        author=author,
        parent=parent,
        body=text,
        created_at=demo.now - timedelta(hours=hours),
    )
    fans = [u for u in people.values() if u.pk != author.pk][:likes]
    CommentLike.objects.bulk_create(CommentLike(comment=comment, user=u) for u in fans)
    Comment.objects.filter(pk=comment.pk).update(like_count=len(fans))
    demo.count("comments")
    return comment


def build(demo: Demo) -> None:
    if demo.scale:
        return
    articles = {a.slug: a for a in ArticlePage.objects.live().filter(slug__in=THREADS)}
    if len(articles) < len(THREADS):
        return
    first_text = THREADS[PENDING[0]][0][1]
    if Comment.objects.filter(article=articles[PENDING[0]], body=first_text).exists():
        return  # built already
    with transaction.atomic():
        people = _people(demo)
        tops = {}
        for slug, comments in demo.bar(THREADS.items(), desc="Comments", unit="thread"):
            for i, (key, text, hours, likes, replies) in enumerate(comments):
                top = _add(demo, articles[slug], people[key], text, hours, likes, people)
                tops[slug, i] = top
                for r_key, r_text, r_hours, r_likes in replies:
                    _add(demo, articles[slug], people[r_key], r_text, r_hours, r_likes, people, top)
        comment_feature(demo.editor, tops[FEATURED], True)
        slug, key, text, hours = PENDING
        pending = _add(demo, articles[slug], people[key], text, hours, 0, people)
        Comment.objects.filter(pk=pending.pk).update(
            status=Status.PENDING, status_reason="One of the reader's first comments"
        )
        slug, key, text, hours, reporter, reason, note = REPORTED
        reported = _add(demo, articles[slug], people[key], text, hours, 0, people)
        comment_report(None, people[reporter], reported, reason, note)
        key, days, why = SUSPENDED
        reader_suspend(demo.editor, people[key], days, why)


def reset(demo: Demo) -> None:
    User = get_user_model()
    emails = [_email(k) for k in COMMENTERS] + list(ACCOUNTS.values())
    users = User.objects.filter(username__in=emails)
    Comment.objects.filter(author__in=users, article__slug__in=THREADS).delete()
    ModerationLog.objects.filter(reader__in=users).delete()
    Commenter.objects.filter(user__in=users).delete()
    User.objects.filter(username__in=[_email(k) for k in COMMENTERS]).delete()
