"""The demo, built once per test module (building takes a while): inside one transaction that
is rolled back at the end of the module, so each test's own changes roll back to the demo."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def demo_build(django_db_setup, django_db_blocker):
    """The output of ``build_demo`` (the demo stays in the database for the module's tests)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            out = StringIO()
            call_command("build_demo", "--no-progress", stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(demo_build, db):
    return demo_build
