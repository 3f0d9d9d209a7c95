"""Every JSON endpoint reads JSON through the API's one reader (``distribution.api.errors
.json_body``): the hostile bodies of issue 19 (nesting 1,000 deep and beyond, lone surrogates,
bytes that are not UTF-8, NUL, the wrong JSON type, half a document) answer a JSON error, never a
500, on every operation of the published OpenAPI description that takes a body, signed in with a
token and with none."""

import pytest
from django.test import Client

from masthead.distribution.api.openapi import openapi_document
from masthead.members.models import ApiToken
from tests import factories

pytestmark = pytest.mark.django_db

HOSTILE = {
    "nested 1,000 deep (arrays)": b"[" * 1000 + b"]" * 1000,
    "nested 1,000 deep (objects)": b'{"a":' * 1000 + b"1" + b"}" * 1000,
    "nested 50,000 deep": b'{"subscribed":' + b"[" * 50_000 + b"]" * 50_000 + b"}",
    "lone surrogate": b'{"subscribed": ["\\ud800"], "email": "\\udfff", "body": "\\ud800"}',
    "not UTF-8": b'{"subscribed": ["\xff\xfe"]}',
    "NUL": b'{"subscribed": ["a\\u0000"], "email": "a\\u0000@b.org", "body": "\\u0000"}',
    "an array": b"[]",
    "null": b"null",
    "a string": b'"subscribed"',
    "half a document": b'{"subscribed": [',
    "a huge number": b'{"subscribed": 1e999999, "parent": 1e999999}',
}


def _operations():
    for path, item in openapi_document()["paths"].items():
        for method, operation in item.items():
            if "requestBody" in operation:
                yield path, method


OPERATIONS = sorted(_operations())


def test_the_walk_covers_the_json_writes():
    assert ("/api/v1/me/newsletters/", "put") in OPERATIONS
    assert ("/api/v1/tokens/", "post") in OPERATIONS


@pytest.mark.parametrize("path,method", OPERATIONS)
def test_hostile_bodies_answer_json_errors(path, method, world):
    article = factories.article(world)
    reader = factories.subscriber("hostile@example.org")
    _, raw = ApiToken.issue(reader)
    url = path.replace("{id}", str(article.pk))
    for auth in ({"HTTP_AUTHORIZATION": f"Bearer {raw}"}, {}):
        for name, body in HOSTILE.items():
            response = getattr(Client(), method)(url, body, content_type="application/json", **auth)
            where = f"{method.upper()} {url} with {name} ({'token' if auth else 'anonymous'})"
            assert response.status_code < 500, where
            if response.status_code >= 400:
                error = response.json()["error"]
                assert set(error) >= {"code", "message"}, where
