"""Step: the demo's newsletters — a free daily briefing for registered readers and a weekly
for subscribers only — the demo reader and subscriber subscribed to the briefing, and one
issue of it already sent (through the real sending path, so ``.masthead/mail/`` holds its
messages and the admin shows its stats).
"""

from masthead.newsletters.models import Issue, IssueState, Newsletter, Source, Visibility
from masthead.newsletters.sending.steps import issue_step_run
from masthead.newsletters.sending.tasks import enqueue_step
from masthead.newsletters.services.issues import issue_create
from masthead.newsletters.services.subscriptions import subscription_set
from masthead.newsroom.models import ArticlePage

from ..context import Demo

NEWSLETTERS = [
    {
        "slug": "morning-ledger",
        "name": "The Morning Ledger",
        "description": "The day's essential stories before breakfast, picked by our editors. "
        "Free for registered readers, every weekday.",
        "visibility": Visibility.REGISTERED,
        "default_on_signup": True,
        "sort_order": 1,
    },
    {
        "slug": "ledger-weekly",
        "name": "The Ledger Weekly",
        "description": "Our correspondents' long read of the week and what to watch next, "
        "for subscribers only, every Saturday.",
        "visibility": Visibility.SUBSCRIBERS,
        "default_on_signup": False,
        "sort_order": 2,
    },
]
SUBSCRIBED = {
    "reader@example.com": ["morning-ledger"],
    "subscriber@example.com": ["morning-ledger"],
}
SLUGS = [n["slug"] for n in NEWSLETTERS]


def build(demo: Demo) -> None:
    made = {}
    for data in NEWSLETTERS:
        newsletter, created = Newsletter.objects.get_or_create(slug=data["slug"], defaults=data)
        made[newsletter.slug] = newsletter
        demo.count("newsletters", created)
    for email, slugs in SUBSCRIBED.items():
        user = demo.users.get(email)
        for slug in slugs if user else []:
            subscription_set(user, made[slug], True, Source.IMPORT, entitled=True)
    daily = made["morning-ledger"]
    if Issue.objects.filter(newsletter=daily, test_email="").exists():
        return
    # A metered story: the reader receives the preview, the subscriber all of it.
    live = ArticlePage.objects.live().order_by("-first_published_at")
    article = live.filter(access="metered", sponsor="").first() or live.first()
    if article is None:
        return
    issue = issue_create(daily, article, by=demo.editor)
    issue.refresh_from_db()
    if issue.state != IssueState.SENT:  # a task backend that defers: send it now, here
        issue_step_run(issue.pk, issue.step, enqueue_step)
    demo.count("newsletter issues")


def reset(demo: Demo) -> None:
    Issue.objects.filter(newsletter__slug__in=SLUGS).delete()
    Newsletter.objects.filter(slug__in=SLUGS).delete()
