"""Fill a development database with a generated reader history — the demo's generative model
(``synthetic.history``), each view decided by the site's rules — written in bulk
(``events.bulk``), then rebuild the rollups, so the revenue dashboard has something to show."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from masthead.events.bulk import write_events
from masthead.newsroom.models import ArticlePage
from masthead.revenue.rollups import rollups_rebuild
from masthead.synthetic.history import EVENTS_PER_READER, Model, generate


class Command(BaseCommand):
    help = "Generate a reader history for the revenue dashboard (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=20_000, help="about this many")
        parser.add_argument("--days", type=int, default=30)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, **options):
        total, days = options["events"], options["days"]
        if not 1 <= total <= 50_000_000 or not 1 <= days <= 400:
            raise CommandError("--events must be 1 to 50,000,000 and --days 1 to 400.")
        pages = ArticlePage.objects.live().order_by("-first_published_at", "-pk")
        articles = [
            (pk, access, bool(sponsor.strip()))
            for pk, access, sponsor in pages.values_list("pk", "access", "sponsor")[:500]
        ] or [(n, "metered", False) for n in range(1, 201)]
        readers = max(1, round(total / (days * EVENTS_PER_READER)))
        model = Model(days=days, readers_per_day=readers, seed=options["seed"], memo=True)
        with tqdm(total=total, desc="events", unit="ev") as bar:
            written = write_events(generate(model, articles, timezone.now()), bar.update)
        rollups_rebuild(lambda items, stage: tqdm(items, desc=stage, unit="day"))
        self.stdout.write(f"Wrote {written} reader events over {days} days.")
