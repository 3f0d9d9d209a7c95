"""``masthead newsletter send SLUG --article ID [--test EMAIL]``: queue an issue."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from masthead.newsletters.models import Newsletter
from masthead.newsletters.selectors import issue_progress
from masthead.newsletters.services.issues import IssueRefused, issue_create
from masthead.newsroom.models import ArticlePage


class Command(BaseCommand):
    help = "Queue an article as an issue of a newsletter (or send it only to --test EMAIL)."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--article", type=int, required=True)
        parser.add_argument("--test", default="", metavar="EMAIL")
        parser.add_argument("--subject", default="")

    def handle(self, slug, article, test, subject, **options):
        newsletter = Newsletter.objects.filter(slug=slug).first()
        if newsletter is None:
            raise CommandError(f"no newsletter with the slug {slug!r}")
        page = ArticlePage.objects.filter(pk=article).first()
        if page is None:
            raise CommandError(f"no article with the id {article}")
        if test:
            try:
                validate_email(test)
            except ValidationError:
                raise CommandError(f"--test: {test!r} is not an e-mail address") from None
        try:
            issue = issue_create(newsletter, page, subject, test_email=test)
        except IssueRefused as exc:
            raise CommandError(str(exc)) from None
        issue.refresh_from_db()
        progress = issue_progress(issue)
        target = f"a test to {test}" if test else f"{progress['total'] or 'its'} recipients"
        self.stdout.write(
            f"Issue {issue.pk} of {newsletter.name}: {issue.subject!r} to {target} "
            f"({issue.get_state_display().lower()}; task workers send it)."
        )
