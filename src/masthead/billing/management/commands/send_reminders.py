"""Daily job: e-mail readers whose trial ends within three days (cron or a scheduler)."""

from django.core.management.base import BaseCommand

from masthead.billing.services import send_due_reminders


class Command(BaseCommand):
    help = "Send trial-ending reminders that are due. Safe to run as often as you like."

    def handle(self, **options):
        self.stdout.write(f"{send_due_reminders()} reminder(s) sent.")
