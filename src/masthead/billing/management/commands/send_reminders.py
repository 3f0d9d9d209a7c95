"""E-mail readers whose trial ends within three days, now. The task workers already do this
hourly (``masthead.schedule``); the command is for a host that runs no worker."""

from django.core.management.base import BaseCommand

from masthead.billing.services import send_due_reminders


class Command(BaseCommand):
    help = "Send trial-ending reminders that are due. Safe to run as often as you like."

    def handle(self, **options):
        self.stdout.write(f"{send_due_reminders()} reminder(s) sent.")
