"""Fill a development database with generated reader events (see revenue/generate.py), then
update the rollups, so the revenue dashboard has something to show."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from masthead.billing.models import Offer
from masthead.newsroom.models import ArticlePage
from masthead.revenue.generate import events, write_events
from masthead.revenue.rollups import rollups_rebuild


class Command(BaseCommand):
    help = "Generate plausible reader events for the revenue dashboard (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=20_000)
        parser.add_argument("--days", type=int, default=30)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, events_count=None, **options):
        total, days = options["events"], options["days"]
        if not 1 <= total <= 50_000_000 or not 1 <= days <= 400:
            raise CommandError("--events must be 1 to 50,000,000 and --days 1 to 400.")
        articles = list(ArticlePage.objects.live().values_list("pk", flat=True)[:500])
        if not articles:
            articles = list(range(1, 201))
        offers = list(Offer.objects.values_list("slug", flat=True))
        with tqdm(total=total, desc="events", unit="ev") as bar:
            written = write_events(
                events(total, days, articles, offers, options["seed"]), bar.update
            )
        rollups_rebuild(lambda items, stage: tqdm(items, desc=stage, unit="day"))
        self.stdout.write(f"Wrote {written} reader events over {days} days.")
