"""What a request gets when something below it fails: Django's ``handler500`` (see urls.py).

A lost database (or any service the request could not do without) is not a bug in the
request: it gets 503 with ``Retry-After``, so clients and proxies retry. Under ``/api/`` every
failure keeps the API's error envelope (``masthead.jsonerrors``); elsewhere the plain
``500.html`` page, which needs no context (it must render when nothing else can).
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.views.defaults import server_error as django_server_error
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from masthead.jsonerrors import json_error

UNAVAILABLE = (OperationalError, InterfaceError, RedisConnectionError, RedisTimeoutError)
RETRY_AFTER = "5"


def service_unavailable() -> bool:
    """True while handling an exception that means a service is down, not a bug."""
    return isinstance(sys.exc_info()[1], UNAVAILABLE)


def server_error(request, *args, **kwargs):
    unavailable = service_unavailable()
    if request.path.startswith("/api/"):
        if unavailable:
            response = json_error(
                503,
                "service_unavailable",
                "The service is briefly unavailable; retry shortly.",
            )
        else:
            response = json_error(500, "server_error", "Something went wrong.")
    elif unavailable:
        response = HttpResponse(
            "The site is briefly unavailable. Please try again in a moment.\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    else:
        return django_server_error(request, *args, **kwargs)
    if unavailable:
        response["Retry-After"] = RETRY_AFTER
    response["Cache-Control"] = "no-store"
    return response
