"""A comment, its likes and reports, and when a reader was last mailed about replies.

A comment belongs to one article and, when it is a reply, to one top-level comment (one level
of replies: a reply to a reply joins the same top-level comment). ``status`` says who sees it:
``published`` is public (to readers who may read the article), ``pending`` waits for a
moderator (pre-moderation), ``held`` was stopped by a rule (suspect words, links), ``rejected``
was refused by a moderator. Likes and reports are one row per reader, counted on the comment.

``body_html`` is the body as readers see it (``text.comment_html``), rendered once when the
body is written: ``save()``, ``bulk_create()`` and ``update(body=...)`` all fill it, so a
500-comment thread joins stored markup instead of rendering 500 bodies per request. A change
to ``comment_html``'s rules needs a migration that renders the stored rows again (as
0003_comment_body_html does).
"""

from django.conf import settings
from django.db import models
from django.utils.safestring import SafeString, mark_safe

from ..text import comment_html

MAX_LENGTH = 10_000


class Status(models.TextChoices):
    PUBLISHED = "published", "Published"
    PENDING = "pending", "Pending (pre-moderation)"
    HELD = "held", "Held by a rule"
    REJECTED = "rejected", "Rejected"


def rendered(body: str) -> str:
    return str(comment_html(body)) if body else ""


class CommentQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for comment in objs:
            comment.body_html = rendered(comment.body)
        return super().bulk_create(objs, *args, **kwargs)

    def update(self, **kwargs):
        if isinstance(kwargs.get("body"), str):
            kwargs["body_html"] = rendered(kwargs["body"])
        elif "body" in kwargs:
            raise ValueError("Comment.body is updated with a string, so body_html can follow it.")
        return super().update(**kwargs)


class Comment(models.Model):
    article = models.ForeignKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    body = models.TextField(max_length=MAX_LENGTH)
    body_html = models.TextField(blank=True, editable=False)  # rendered from body on write
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    status_reason = models.CharField(max_length=300, blank=True)
    featured = models.BooleanField(default=False)
    like_count = models.PositiveIntegerField(default=0)
    report_count = models.PositiveIntegerField(default=0)
    deleted = models.BooleanField(default=False)  # by its author; kept while it has replies
    created_at = models.DateTimeField(db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_thread_idx"),
            models.Index(fields=["author", "created_at"], name="comment_author_idx"),
        ]
        permissions = [("moderate_comments", "Can moderate readers' comments")]

    objects = CommentQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Comment {self.pk} on article {self.article_id}"

    def save(self, *args, **kwargs):
        if "body" not in self.get_deferred_fields():  # a body not loaded is not written either
            self.body_html = rendered(self.body)
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "body" in update_fields:
                kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)

    @property
    def html(self) -> SafeString:
        """The body as readers see it, for templates: ``body_html``, escaped when written."""
        return mark_safe(self.body_html)  # noqa: S308 - comment_html escaped every piece of it

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None


class CommentLike(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="likes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="comment_like_once")
        ]

    def __str__(self) -> str:
        return f"Like of comment {self.comment_id}"


class ReportReason(models.TextChoices):
    ABUSE = "abuse", "Abusive or harassing"
    SPAM = "spam", "Spam or advertising"
    OFF_TOPIC = "off-topic", "Off topic"
    MISINFORMATION = "misinformation", "False or misleading"
    OTHER = "other", "Something else"


class CommentReport(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=20, choices=ReportReason.choices)
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="comment_report_once")
        ]

    def __str__(self) -> str:
        return f"Report of comment {self.comment_id} ({self.reason})"


class ReplyNotice(models.Model):
    """When a reader was last mailed about replies in one article's thread (one an hour)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], name="reply_notice_once")
        ]

    def __str__(self) -> str:
        return f"Reply mail to {self.user_id} about article {self.article_id}"
