"""One JSON error envelope, built in one place (masthead/jsonerrors.py), on every channel."""

import json
from pathlib import Path

import pytest

import masthead
from masthead.jsonerrors import json_error

ROOT = Path(masthead.__file__).parent


def test_the_envelope_and_its_extras():
    response = json_error(400, "invalid", "Some answers need another look.", fields={"q1": ["x"]})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body == {
        "error": {
            "code": "invalid",
            "message": "Some answers need another look.",
            "fields": {"q1": ["x"]},
        }
    }


def test_nothing_else_builds_an_error_envelope():
    builders = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if path.name not in {"jsonerrors.py", "openapi_schemas.py"}
        and ('{"error": {' in path.read_text() or '"error": {\n' in path.read_text())
    ]
    assert builders == []


@pytest.mark.django_db
def test_api_nul_guard_and_webhook_answer_the_same_shape(client, site):
    answers = [
        client.get("/api/v1/nowhere/"),
        client.get("/api/v1/articles/?q=a%00b"),
        client.post("/webhooks/stripe/", b"{}", content_type="application/json"),
    ]
    for response in answers:
        assert set(response.json()) == {"error"}
        assert set(response.json()["error"]) == {"code", "message"}
