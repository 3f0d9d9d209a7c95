"""The test suite's settings: the production settings, with the test-only overrides.

pytest-django loads this module (``DJANGO_SETTINGS_MODULE`` in ``pyproject.toml``). Before the
production settings read the environment, it points ``MASTHEAD_DATA_DIR`` at a throwaway
directory of this pytest-xdist worker and ``REDIS_URL`` at this worker's Redis database (one
worker's flush between tests never wipes another's meter). Both are exported, so the server
that ``tests/support/live.py`` starts with these settings shares them. The servers started
through ``masthead serve``/``masthead demo`` (browser and CLI tests) run the production settings
with an environment of their own instead.
"""

import atexit
import os
import shutil
import tempfile
from urllib.parse import urlsplit

# "gw0", "gw1"... under pytest-xdist; "main" for a plain pytest run.
WORKER = os.environ.get("PYTEST_XDIST_WORKER") or "main"

# A data dir per worker, made by the first process of that worker and reused by its servers.
# MASTHEAD_TEST_WORKER says whose dir MASTHEAD_DATA_DIR is: xdist's workers inherit the
# controller's environment, and must not share its dir.
# The process that made it removes it: at exit, or in tests/conftest.py's pytest_unconfigure
# (xdist workers end without running exit handlers).
TEST_DATA_DIR_CREATED = ""
if os.environ.get("MASTHEAD_TEST_WORKER") != WORKER or not os.environ.get("MASTHEAD_DATA_DIR"):
    TEST_DATA_DIR_CREATED = tempfile.mkdtemp(prefix=f"masthead-test-{WORKER}-")
    os.environ["MASTHEAD_DATA_DIR"] = TEST_DATA_DIR_CREATED
    os.environ["MASTHEAD_TEST_WORKER"] = WORKER
    atexit.register(shutil.rmtree, TEST_DATA_DIR_CREATED, ignore_errors=True)

# Redis database 1 for a plain run, 2 + n for worker gwN (14 and 15 belong to the browser
# journeys and the meter store tests).
if os.environ.get("REDIS_URL"):
    _db = int(WORKER[2:]) + 2 if WORKER.startswith("gw") else 1
    os.environ["REDIS_URL"] = urlsplit(os.environ["REDIS_URL"])._replace(path=f"/{_db}").geturl()

from masthead import config, datadir  # noqa: E402

datadir.prepare()  # the settings create no directory: their entry points do (here, the tests)
from masthead.settings import *  # noqa: E402,F403
from masthead.settings import ALLOWED_HOSTS, DATA_DIR, DATABASES, STORAGES  # noqa: E402

ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # No persistent connections (tests open and close many), and a file, not memory, for the
    # test database: the live server of tests/support/live.py opens the same one.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}

# Background tasks run at once, inside the test.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Hashing passwords properly costs ~0.3 s per user created.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# No collectstatic before the tests: static files are served from the apps' folders.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Every reader event is written at once, so a test sees it without flushing (the live server
# of tests/events/test_buffer_live.py turns batching back on with MASTHEAD_EVENTS_IMMEDIATE=0).
MASTHEAD_EVENTS_IMMEDIATE = config.boolean("MASTHEAD_EVENTS_IMMEDIATE", True)
