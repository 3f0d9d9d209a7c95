"""``masthead grant EMAIL --days N`` as a management command (the CLI and admins share it)."""

from django.core.management.base import BaseCommand, CommandError

from masthead.billing.services import grant_access_by_email


class Command(BaseCommand):
    help = "Give an existing reader complimentary full access for N days."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--days", type=int, required=True)
        parser.add_argument("--note", default="")

    def handle(self, email, days, note, **options):
        try:
            grant = grant_access_by_email(email, days=days, note=note)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Granted full access to {email} until {grant.ends_at:%Y-%m-%d %H:%M %Z}."
        )
