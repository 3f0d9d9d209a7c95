"""A test send: both cuts of the issue to one address (the editor's), marked as a test."""

from django.core.mail import get_connection

from masthead import observability

from ..mail.message import build_message, message_id
from ..mail.render import issue_render, personalize
from ..models import Issue, ReaderKind

LABELS = {ReaderKind.SUBSCRIBER: "as a subscriber", ReaderKind.REGISTERED: "as a registered reader"}


def issue_send_test(issue: Issue, email: str) -> int:
    """Send what a subscriber and what a registered reader would receive to ``email``."""
    if not issue.html_subscriber:
        issue_render(issue)
    messages = []
    for n, kind in enumerate(ReaderKind):
        html, text, unsub = personalize(issue, kind, 0, 0)
        msg_id = message_id(issue.pk or 0, -1 - n, issue.newsletter.from_email)
        message = build_message(issue, email, html, text, unsub, msg_id)
        message.subject = f"[Test, {LABELS[kind]}] {issue.subject}"
        messages.append(message)
    counted = observability.emails_counted("newsletter_test", len(messages))
    with counted, get_connection(fail_silently=False) as mail:
        return mail.send_messages(messages)
