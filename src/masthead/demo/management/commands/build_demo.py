"""``manage.py build_demo``: build the demo publication (see ``masthead.demo.builder``).

    build_demo              the demo: articles, accounts, plans, offers, banner, promotion
    build_demo --reset      delete the demo content first, then build it again
    build_demo --scale N    N generated articles instead, built fast (benchmarks)

Running it again without ``--reset`` adds only what is missing, so it is safe to repeat. It ends
by printing the accounts, what each shows, and the addresses to open (``--url``: the site's
address to print, e.g. where ``masthead demo --port`` serves it).
"""

from django.core.management.base import BaseCommand, CommandError

from masthead.demo import builder
from masthead.demo.context import Demo
from masthead.demo.summary import summary


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
        parser.add_argument("--url", default=None, help="The site's address, for the summary.")

    def handle(self, *args, **options):
        scale = options["scale"]
        if scale is not None and scale < 1:
            raise CommandError("--scale needs a positive number of articles.")
        demo = Demo(
            scale=scale, stdout=self.stdout, progress=False if options["no_progress"] else None
        )
        if options["reset"]:
            builder.reset(demo)
        created = builder.build(demo)
        seconds = created.pop("seconds", 0)
        if created:
            done = ", ".join(f"{n} {what}" for what, n in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo built in {seconds:.1f}s: {done}."))
        else:
            self.stdout.write(f"Demo already built; nothing to add ({seconds:.1f}s).")
        self.stdout.write("\n" + summary(options["url"]))
