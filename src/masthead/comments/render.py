"""The thread's comment list as HTML, written in Python rather than a template per comment: a
500-comment thread is 500 pieces of markup, and a Django ``{% include %}`` with its URL and CSRF
tags per comment costs over 100 ms; string building costs a few. Every piece of reader text is
escaped (bodies by ``text.comment_html`` when they were written, kept in ``body_html``; names
by ``escape``); the markup is the same as the
thread template's (``data-comment="<id>"`` on each comment, forms that work without script).
"""

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


class ListRenderer:
    def __init__(self, request, access, thread_url: str):
        self.access = access
        self.thread_url = escape(thread_url)
        article = access.page.pk
        # Reversed once with a placeholder id, then filled in per comment.
        self.like_url = reverse("comments:like", args=[article, 0]).replace("/0/", "/{}/")
        self.report_url = reverse("comments:report", args=[article, 0]).replace("/0/", "/{}/")
        self.edit_url = reverse("comments:edit", args=[article, 0]).replace("/0/", "/{}/")
        self.delete_url = reverse("comments:delete", args=[article, 0]).replace("/0/", "/{}/")
        user = request.user
        self.csrf = ""
        if user.is_authenticated:
            token = escape(get_token(request))
            self.csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'

    def _likes(self, n: int) -> str:
        return f"{n} like{'' if n == 1 else 's'}"

    def _actions(self, c) -> str:
        if not c.can_act:
            return f'<p class="comment__likes">{self._likes(c.like_count)}</p>'
        parts = []
        if c.mine:
            parts.append(f'<span class="comment__likes">{self._likes(c.like_count)}</span>')
        else:
            pressed = "true" if c.liked else "false"
            parts.append(
                f'<form method="post" action="{self.like_url.format(c.pk)}" class="comment__like">'
                f'{self.csrf}<input type="hidden" name="like" value="{"0" if c.liked else "1"}">'
                f'<button type="submit" aria-pressed="{pressed}">Like '
                f'<span class="comment__likes">{c.like_count}</span></button></form>'
            )
        published = c.status == "published"
        if self.access.may_post and published:
            parts.append(f'<a href="{self.thread_url}?reply={c.pk}#comment-form">Reply</a>')
        if not c.mine and published:
            parts.append(f'<a href="{self.report_url.format(c.pk)}" data-report>Report</a>')
        if c.editable:
            parts.append(f'<a href="{self.edit_url.format(c.pk)}">Edit</a>')
        if c.mine:
            parts.append(
                f'<form method="post" action="{self.delete_url.format(c.pk)}" '
                f'class="comment__delete">{self.csrf}<button type="submit">Delete</button></form>'
            )
        return '<div class="comment__actions">' + " ".join(parts) + "</div>"

    def comment(self, c, reply: bool = False) -> str:
        name = escape(c.author_name)
        badges = ""
        if c.staff:
            badges += ' <span class="comment__badge" data-staff>Staff</span>'
        if c.featured:
            badges += (
                ' <span class="comment__badge comment__badge--featured" data-featured>'
                "Featured</span>"
            )
        when = timezone.localtime(c.created_at)
        stamp = when.isoformat(timespec="seconds")  # HTML allows three decimals, not six
        meta = (
            f'<p class="comment__meta"><span class="comment__author">{name}</span>{badges} · '
            f'<a class="comment__permalink" href="{self.thread_url}#comment-{c.pk}">'
            f'<time datetime="{stamp}">{when:%b} {when.day}, {when:%Y %H:%M}</time></a>'
        )
        if c.edited_at:
            meta += " · edited"
        if c.status != "published":
            meta += f' · <em data-comment-status="{escape(c.status)}">awaiting moderation</em>'
        meta += "</p>"
        if c.deleted:
            text = '<p class="comment__deleted">This comment was deleted by its author.</p>'
        else:
            text = f'<div class="comment__text">{c.body_html}</div>'
        body = (
            f'<article class="comment__body" aria-label="Comment by {name}">'
            f"{meta}{text}{self._actions(c)}</article>"
        )
        kind = "comment comment--reply" if reply else "comment"
        if c.featured:
            kind += " comment--featured"
        replies = ""
        if not reply and c.reply_list:
            replies = (
                '<ol class="comments__replies">'
                + "".join(self.comment(r, reply=True) for r in c.reply_list)
                + "</ol>"
            )
        return f'<li class="{kind}" id="comment-{c.pk}" data-comment="{c.pk}">{body}{replies}</li>'

    def render(self, comments) -> SafeString:
        html = "".join(self.comment(c) for c in comments)
        return mark_safe(f'<ol class="comments__list">{html}</ol>')  # noqa: S308 - escaped above
