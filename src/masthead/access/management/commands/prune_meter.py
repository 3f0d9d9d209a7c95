"""``masthead manage prune_meter``: forget the meter's closed months now (safe to repeat)."""

from django.core.management.base import BaseCommand

from masthead.access.pruning import meter_prune


class Command(BaseCommand):
    help = "Delete counted meter views of closed months (database rows and Redis sets)."

    def handle(self, **options):
        result = meter_prune()
        self.stdout.write(
            f"Pruned months before {result.closed_before}: {result.database_rows} meter "
            f"row(s), {result.store_entries} store set(s)."
        )
