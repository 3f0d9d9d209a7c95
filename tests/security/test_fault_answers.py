"""Hostile input and missing services get a clear answer, never a 500 (issue 11, item 4)."""

import json

import pytest

from tests import factories
from tests.billing.stripe_fixtures import WEBHOOK_SECRET, post_raw, stripe_fake  # noqa: F401
from tests.billing.stripe_server import sign

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/static/no-such-file.css", "/media/no/such/image.jpg", "/media/", "/static/"]
)
def test_missing_static_and_media_files_are_404(client, site, path):
    response = client.get(path)
    assert response.status_code == 404


@pytest.mark.parametrize("path", ["/admin/no-such-admin-page/", "/admin/pages/999999/"])
def test_missing_admin_pages_are_404(client, site, path):
    editor = factories.user("editor@example.org", is_staff=True, is_superuser=True)
    client.force_login(editor)
    response = client.get(path)
    assert response.status_code == 404


def _post_json(client, raw: bytes):
    return client.post("/api/v1/tokens/", data=raw, content_type="application/json")


def test_token_endpoint_refuses_deeply_nested_json(client, site):
    raw = ("[" * 1000 + "]" * 1000).encode()
    nested = b'{"email": "a@example.org", "password": "x", "name": ' + raw + b"}"
    for body in (raw, nested, b'{"a":' * 5000 + b"1" + b"}" * 5000):
        response = _post_json(client, body)
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "invalid_json"


@pytest.mark.parametrize("field", ["email", "password", "name"])
def test_token_endpoint_refuses_lone_surrogates(client, site, field):
    factories.user("reader@example.org")
    data = {"email": "reader@example.org", "password": factories.PASSWORD, "name": "App"}
    body = json.dumps(data).replace(json.dumps(data[field]), '"ab\\ud800cd"', 1).encode()
    response = _post_json(client, body)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_json"


def test_signed_webhook_with_a_json_array_body_is_400(client, stripe_fake):  # noqa: F811
    for body in (b"[]", b'[{"id": "evt_1", "type": "x"}]', b'"text"', b"42", b"null"):
        response = post_raw(client, body, sign(body, WEBHOOK_SECRET))
        assert response.status_code == 400, body
        assert "error" in response.json()
