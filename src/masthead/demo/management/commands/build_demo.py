"""``manage.py build_demo``: build the demo publication (see ``masthead.demo.builder``).

    build_demo              the editorial demo: 35 articles, accounts, plans, offers, banner
    build_demo --reset      delete the demo content first, then build it again
    build_demo --scale N    N articles instead of the editorial set, built fast (benchmarks)

Running it again without ``--reset`` adds only what is missing, so it is safe to repeat.
"""

from django.core.management.base import BaseCommand, CommandError

from masthead.demo.builder import DemoBuilder


class Command(BaseCommand):
    help = "Build the demo site: sections, articles, authors, plans, offers and accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo content and build it again."
        )
        parser.add_argument(
            "--scale",
            type=int,
            default=None,
            metavar="N",
            help="Build N articles quickly (for benchmarks).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bars.")

    def handle(self, *args, **options):
        scale = options["scale"]
        if scale is not None and scale < 1:
            raise CommandError("--scale needs a positive number of articles.")
        builder = DemoBuilder(
            scale=scale, stdout=self.stdout, progress=False if options["no_progress"] else None
        )
        if options["reset"]:
            builder.reset()
        created = builder.build()
        seconds = created.pop("seconds", 0)
        if created:
            summary = ", ".join(f"{n} {what}" for what, n in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo built in {seconds:.1f}s: {summary}."))
        else:
            self.stdout.write(f"Demo already built; nothing to add ({seconds:.1f}s).")
