"""WSGI entry point for production servers (``masthead serve``).

A bad environment variable stops the worker with one line naming it (``masthead serve`` has
already checked the same settings before it starts the server).
"""

import os
import sys

from django.core.wsgi import get_wsgi_application

from masthead import datadir
from masthead.config import ConfigError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
try:
    datadir.prepare()  # an entry point: the settings themselves create nothing
    application = get_wsgi_application()
except ConfigError as exc:
    print(f"masthead: {exc}", file=sys.stderr)
    raise SystemExit(2) from None
