"""Every admin view of ours checks its own permission (issue 19, finding 5): a walk of every
URL our apps register in the Wagtail admin, as a staff member holding each single permission
(and each group the project ships), answers only those who hold what the view needs.

A new admin URL must be added to ``NEEDS``: the walk fails on a URL it does not know."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from masthead.access.models import Experiment
from masthead.comments.models import Comment
from masthead.engagement.models import Callout
from masthead.imports.models import ImportRun
from masthead.newsletters.models import Delivery, Issue, Newsletter
from tests import factories

pytestmark = pytest.mark.django_db

SEND = {"newsletters.change_newsletter"}
READ_ISSUES = {"newsletters.view_issue", "newsletters.change_newsletter"}
REVENUE = {"revenue.view_revenue"}
CALLOUTS = {"engagement.view_callout", "engagement.change_callout"}
MODERATE = {"comments.moderate_comments"}
IMPORT = {"imports.run_import"}
SUPPRESSIONS = {f"newsletters.{verb}_suppression" for verb in ("view", "add", "change", "delete")}

NEEDS = {  # url name -> (the permissions any one of which opens it, its arguments)
    "newsletters_send": (SEND, ["article"]),
    "newsletters_preview": (SEND, ["article", "subscriber"]),
    "newsletters_issues": (READ_ISSUES, []),
    "newsletters_issue": (READ_ISSUES, ["issue"]),
    "newsletters_issue_cancel": (SEND, ["issue"]),
    "revenue_experiments": (REVENUE, []),
    "revenue_experiment_new": (REVENUE, []),
    "revenue_simulations": (REVENUE, []),
    "revenue_experiment_results": (REVENUE, ["experiment"]),
    "revenue_experiment_action": (REVENUE, ["experiment", "start"]),
    "revenue_dashboard": (REVENUE, []),
    "revenue_export": (REVENUE, ["offers"]),
    "engagement_callout_results_index": (CALLOUTS, []),
    "engagement_callout_results": (CALLOUTS, ["callout"]),
    "engagement_callout_results_csv": (CALLOUTS, ["callout"]),
    "comments_admin_queue": (MODERATE, []),
    "comments_admin_log": (MODERATE, []),
    "comments_admin_reader": (MODERATE, ["reader"]),
    "comments_admin_reader_action": (MODERATE, ["reader", "reinstate"]),
    "comments_admin_action": (MODERATE, ["comment", "feature"]),
    "imports_admin": (IMPORT, []),
    "imports_admin_run": (IMPORT, ["import_run"]),
    "imports_admin_status": (IMPORT, ["import_run"]),
    "imports_admin_action": (IMPORT, ["import_run", "resume"]),
}
VIEWSETS = {"suppressions:index": SUPPRESSIONS}
POSTS = {
    "newsletters_issue_cancel",
    "revenue_experiment_action",
    "comments_admin_reader_action",
    "comments_admin_action",
    "imports_admin_action",
}  # views that take only POST
SECRET = "failed-delivery-canary@example.org"


def _ours() -> set[str]:
    names = set()
    for register in hooks.get_hooks("register_admin_urls"):
        if register.__module__.startswith("masthead."):
            names |= {pattern.name for pattern in register()}
    return names


def _permission(label: str) -> Permission:
    app, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app, codename=codename)


def _holders() -> dict[str, list[Permission]]:
    """Every single permission a view of ours needs, alone, and every group the project has."""
    needed = set().union(*(perms for perms, _ in NEEDS.values()), *VIEWSETS.values())
    holders = {label: [_permission(label)] for label in sorted(needed)}
    holders["admin access only"] = []
    for group in Group.objects.all():
        holders[f"group {group.name}"] = list(group.permissions.all())
    return holders


def test_every_admin_url_of_ours_is_in_the_walk():
    assert _ours() == set(NEEDS)


def test_each_view_answers_only_those_with_its_permission(world):
    article = factories.article(world)
    newsletter = Newsletter.objects.create(name="Briefing", slug="briefing")
    issue = Issue.objects.create(newsletter=newsletter, article=article, subject="Today")
    Delivery.objects.create(issue=issue, email=SECRET, state="failed")
    objects = {
        "article": article.pk,
        "issue": issue.pk,
        "experiment": Experiment.objects.create(slug="e", name="E").pk,
        "callout": Callout.objects.create(title="Tell us").pk,
        "subscriber": "subscriber",
        "reader": (commenter := factories.user("commenter@example.org")).pk,
        "comment": Comment.objects.create(
            article=article, author=commenter, body="Hi", created_at=timezone.now()
        ).pk,
        "reinstate": "reinstate",
        "feature": "feature",
        "start": "start",
        "offers": "offers",
        "import_run": ImportRun.objects.create(
            source="wordpress", file_name=SECRET, path="/nonexistent", status="done"
        ).pk,
        "resume": "resume",
    }
    access_admin = _permission("wagtailadmin.access_admin")
    walked = 0
    for who, permissions in _holders().items():
        user = factories.user(f"staff-{walked}@example.org", is_staff=True)
        user.user_permissions.add(access_admin, *permissions)
        client = Client()
        client.force_login(user)
        urls = {
            name: (perms, reverse(name, args=[objects[a] for a in args]))
            for name, (perms, args) in NEEDS.items()
        }
        urls |= {name: (perms, reverse(name)) for name, perms in VIEWSETS.items()}
        for name, (needs, url) in urls.items():
            user = type(user).objects.get(pk=user.pk)  # a fresh permission cache
            allowed = any(user.has_perm(p) for p in needs)
            response = (client.post if name in POSTS else client.get)(url)
            where = f"{who} at {name} ({url}): {response.status_code}"
            home = reverse("wagtailadmin_home")
            if allowed:
                assert response.status_code in (200, 302), where
                assert response.status_code == 200 or response.url != home, where
            else:
                assert response.status_code in (302, 403), where
                assert SECRET.encode() not in response.content, where
                if response.status_code == 302:
                    assert response.url == home, where
            walked += 1
    assert walked >= len(NEEDS) * 8
