"""The demo, built once for the tests of this package (building takes a while): inside one
transaction that is rolled back at the end, so each test's own changes roll back to the demo.
The tests that use it run on one worker (``xdist_group``), so it is built once per run."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from masthead.newsroom.models import ArticlePage


@pytest.fixture(scope="package")
def demo_build(django_db_setup, django_db_blocker):
    """The output of ``build_demo``; the demo stays in the database for the package's tests."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            out = StringIO()
            call_command("build_demo", "--no-progress", stdout=out)
            # One anonymous view of each article draws its image renditions once, here, rather
            # than again in every test that reads articles (each test's work is rolled back).
            client = Client()
            for page in ArticlePage.objects.live():
                client.cookies.clear()
                client.get(page.url)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(demo_build, db):
    return demo_build
