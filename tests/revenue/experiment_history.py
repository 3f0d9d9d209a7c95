"""A generated history in which every new device was in a two-or-five meter experiment (slug
``exp``; the holdout keeps the site's 3 free articles), for the results page and the
simulator's inverse-propensity estimate."""

from masthead.events.bulk import write_events
from masthead.metering.assignment import Arm
from masthead.synthetic.history import Model, generate

ARMS = (Arm("two", 2, 0.3), Arm("five", 5, 0.3))


def write_experiment_history(now, days: int = 10) -> None:
    model = Model(
        days=days,
        readers_per_day=150,
        arms=ARMS,
        experiment="exp",
        experiment_days=days,
        register_at_wall=0.2,
        subscribe_at_wall=0.3,
        memo=True,
        start_population=False,  # only the experiment's new readers
    )
    articles = [(n, "metered", False) for n in range(1, 20)]
    write_events(generate(model, articles, now))
