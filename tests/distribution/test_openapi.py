"""The OpenAPI description matches what the API really answers.

Real responses (an article with every field, ``/me/`` with a bearer token, a 405, a 415) are
validated with schemathesis against the schema the description documents for their status:
the status must be documented, the body must validate, and every field the body carries must
be described (the schemas stay open, so the last check is made here, not with
``additionalProperties: false``).
"""

import json

import pytest
import requests
import schemathesis
from schemathesis.core.transport import Response

from masthead.distribution.api.openapi import openapi_document
from masthead.newsroom.models import ArticlePage
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

# Every operation whose view reads ``Authorization: Bearer`` (distribution.api.auth.api_user).
TOKEN_OPERATIONS = [
    ("/api/v1/articles/{id}/", "get"),
    ("/api/v1/articles/{id}/gifts/", "post"),
    ("/api/v1/me/", "get"),
    ("/api/v1/me/newsletters/", "get"),
    ("/api/v1/me/newsletters/", "put"),
    ("/api/v1/tokens/{id}/", "delete"),
]


@pytest.fixture
def document(settings):
    return openapi_document()


def _operation(document, path, method):
    return schemathesis.openapi.from_dict(document)[path][method.upper()]


def _resolve(document, schema):
    while "$ref" in schema:
        node = document
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def _properties(document, schema) -> dict | None:
    """The properties an object schema describes (through ``$ref`` and ``allOf``)."""
    schema = _resolve(document, schema)
    if "allOf" in schema:
        merged: dict = {}
        for part in schema["allOf"]:
            merged.update(_properties(document, part) or {})
        return merged
    return schema.get("properties")


def _undocumented(document, schema, value, where="") -> list[str]:
    schema = _resolve(document, schema)
    found = []
    if isinstance(value, dict):
        properties = _properties(document, schema)
        if properties is None:
            return [f"{where or '/'} (no properties described)"]
        for key, item in value.items():
            if key not in properties:
                found.append(f"{where}/{key}")
            else:
                found += _undocumented(document, properties[key], item, f"{where}/{key}")
    elif isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            found += _undocumented(document, schema["items"], item, f"{where}/{i}")
    return found


def assert_documented(document, path, method, response):
    """``response`` (Django's test response) is what the description says ``method path``
    answers with that status."""
    operation = _operation(document, path, method)
    definition = operation.responses.find_by_status_code(response.status_code)
    assert definition is not None, f"{method.upper()} {path}: {response.status_code} undocumented"
    request = requests.Request(method.upper(), "http://testserver" + path).prepare()
    operation.validate_response(
        Response(
            status_code=response.status_code,
            headers={k.lower(): [v] for k, v in response.headers.items()},
            content=response.content,
            request=request,
            elapsed=0.0,
            verify=False,
        )
    )
    schema = document["paths"][path][method]["responses"][str(response.status_code)]
    body_schema = schema["content"]["application/json"]["schema"]
    missing = _undocumented(document, body_schema, json.loads(response.content))
    assert not missing, f"{method.upper()} {path}: fields not in the description: {missing}"


def test_the_description_is_a_valid_openapi_document(document):
    schema = schemathesis.openapi.from_dict(document)
    operations = [op.ok() for op in schema.get_all_operations()]
    assert len(operations) >= 9


def test_token_operations_name_the_bearer_scheme(document):
    assert document["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
    }
    for path, method in TOKEN_OPERATIONS:
        security = document["paths"][path][method].get("security", [])
        assert {"bearer": []} in security, f"{method.upper()} {path}"
        assert "401" in document["paths"][path][method]["responses"]


def test_a_full_article_validates(client, world, document):
    trade, energy = factories.topic("Trade"), factories.topic("Energy")
    page = factories.article(world, access="free", topics=[trade, energy], publish=False)
    ArticlePage.objects.filter(pk=page.pk).update(
        lead_image=factories.image(), lead_image_caption="A port", lead_image_credit="© Agency"
    )
    ArticlePage.objects.get(pk=page.pk).save_revision().publish()
    sponsored = factories.article(world, sponsor="Acme Shipping")
    metered = factories.article(world)
    for article in (page, sponsored, metered):
        response = client.get(f"/api/v1/articles/{article.pk}/")
        assert response.status_code == 200
        assert_documented(document, "/api/v1/articles/{id}/", "get", response)
    data = client.get(f"/api/v1/articles/{page.pk}/").json()
    assert data["lead_image"]["url"] and data["primary_topic"]["slug"] == "trade"
    assert data["meter"] is None  # a free article: no meter applied
    metered_data = client.get(f"/api/v1/articles/{metered.pk}/").json()
    assert metered_data["meter"]["limit"] == 3
    listing = client.get("/api/v1/articles/")
    assert_documented(document, "/api/v1/articles/", "get", listing)


def test_me_with_a_bearer_token_validates(client, db, document):
    user = factories.subscriber("bearer@example.org")
    issued = client.post(
        "/api/v1/tokens/",
        {"email": user.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert_documented(document, "/api/v1/tokens/", "post", issued)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issued.json()['token']}"}
    response = client.get("/api/v1/me/", **auth)
    assert response.json()["email"] == "bearer@example.org"
    assert_documented(document, "/api/v1/me/", "get", response)
    assert_documented(document, "/api/v1/me/", "get", client.get("/api/v1/me/"))
    bad = client.get("/api/v1/me/", HTTP_AUTHORIZATION="Bearer nope")
    assert bad.status_code == 401
    assert_documented(document, "/api/v1/me/", "get", bad)


@pytest.mark.parametrize(
    "path,documented_method,wrong_method",
    [
        ("/api/v1/me/", "get", "delete"),
        ("/api/v1/articles/", "get", "post"),
        ("/api/v1/tokens/", "post", "get"),
        ("/api/v1/newsletters/", "get", "put"),
    ],
)
def test_a_405_validates(client, db, document, path, documented_method, wrong_method):
    response = getattr(client, wrong_method)(path)
    assert response.status_code == 405
    assert response["Allow"]
    assert_documented(document, path, documented_method, response)


def test_a_415_validates(client, db, document):
    response = client.post("/api/v1/tokens/", "email=x", content_type="text/plain")
    assert response.status_code == 415
    assert_documented(document, "/api/v1/tokens/", "post", response)
    factories.user("lists@example.org")
    client.login(username="lists@example.org", password=PASSWORD)
    response = client.put("/api/v1/me/newsletters/", "x", content_type="text/plain")
    assert response.status_code == 415
    assert_documented(document, "/api/v1/me/newsletters/", "put", response)


def test_every_api_route_is_described(document):
    from masthead.distribution.api.urls import urlpatterns

    routes = {
        "/api/v1/"
        + str(p.pattern)
        .replace("<id:article_id>", "{id}")
        .replace("<id:token_id>", "{id}")
        .replace("<id:comment_id>", "{id}")
        for p in urlpatterns
        if "path:" not in str(p.pattern) and str(p.pattern) not in ("", "openapi.json")
    }
    assert routes <= set(document["paths"]), routes - set(document["paths"])
