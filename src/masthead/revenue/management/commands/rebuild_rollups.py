"""Rebuild every daily rollup from the reader-event log, with a progress bar."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from masthead.revenue.rollups import rollups_rebuild


class Command(BaseCommand):
    help = "Re-aggregate the revenue dashboard's daily rollups from all reader events."

    def handle(self, *args, **options):
        days = rollups_rebuild(lambda items, stage: tqdm(items, desc=stage, unit="day"))
        self.stdout.write(f"Rebuilt the rollups of {days} days.")
