"""Background tasks of the access layer (django-tasks; run by the task workers)."""

from django_tasks import task

from .pruning import meter_prune


@task()
def prune_meter() -> dict:
    """Daily: forget the meter's closed months (see ``masthead.access.pruning``)."""
    result = meter_prune()
    return {"database_rows": result.database_rows, "store_entries": result.store_entries}
