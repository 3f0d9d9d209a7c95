"""The JSON API: fields exactly as CONTRACT.md lists them, JSON errors, tokens, the meter."""

import pytest

from tests import factories
from tests.factories import CANARY, PASSWORD

pytestmark = pytest.mark.django_db
SUMMARY_FIELDS = {
    "id",
    "url",
    "headline",
    "standfirst",
    "section",
    "authors",
    "published_at",
    "access",
    "sponsored",
}


def test_article_list_fields_and_pagination(client, world):
    for _ in range(22):
        factories.article(world)
    factories.article(world, sponsor="Acme")
    data = client.get("/api/v1/articles/").json()
    assert len(data["results"]) == 20
    first = data["results"][0]
    assert set(first) >= SUMMARY_FIELDS
    assert first["section"] == {"slug": "world", "title": "World"}
    assert first["sponsored"] is True and first["access"] == "metered"
    assert first["url"].startswith("http://127.0.0.1:8000/world/")
    assert data["next"].endswith("/api/v1/articles/?page=2")
    page2 = client.get("/api/v1/articles/?page=2").json()
    assert len(page2["results"]) == 3 and page2["next"] is None
    assert CANARY not in str(data) + str(page2)


@pytest.mark.parametrize(
    "query,status,code",
    [
        ("page=0", 400, "invalid_parameter"),
        ("page=abc", 400, "invalid_parameter"),
        ("page=99", 404, "page_not_found"),
        ("section=nope", 404, "section_not_found"),
    ],
)
def test_article_list_errors_are_json(client, world, query, status, code):
    factories.article(world)
    response = client.get(f"/api/v1/articles/?{query}")
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_article_list_filters_by_section_and_topic(client, world):
    trade = factories.topic("Trade")
    a = factories.article(world, topics=[trade])
    factories.article(factories.section("business"))
    assert [r["id"] for r in client.get("/api/v1/articles/?section=world").json()["results"]] == [
        a.pk
    ]
    assert [r["id"] for r in client.get("/api/v1/articles/?topic=trade").json()["results"]] == [
        a.pk
    ]


def test_article_detail_counts_on_the_meter_like_the_web(client, world):
    articles = [factories.article(world) for _ in range(4)]
    for i, a in enumerate(articles[:3]):
        data = client.get(f"/api/v1/articles/{a.pk}/").json()
        assert data["gated"] is False and CANARY in data["body"]
        assert data["meter"]["remaining"] == 2 - i
    # The web page shares the same meter.
    html = client.get(articles[3].public_path).content.decode()
    assert 'data-paywall="registration"' in html
    me = client.get("/api/v1/me/").json()
    assert me["status"] == "anonymous"
    assert me["meter"]["limit"] == 3 and me["meter"]["used"] == 3
    assert me["meter"]["remaining"] == 0 and me["meter"]["resets_at"]


def test_unknown_article_and_endpoint_are_json_404(client, site):
    for path in ("/api/v1/articles/999999/", "/api/v1/nothing/"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["error"]["code"]


def test_tokens_issue_authenticate_and_revoke(client, world):
    user = factories.subscriber("subscriber@example.org")
    response = client.post(
        "/api/v1/tokens/",
        {"email": user.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 201
    token = response.json()["token"]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert client.get("/api/v1/me/", **auth).json()["status"] == "subscriber"
    page = factories.article(world, access="subscribers")
    assert CANARY in client.get(f"/api/v1/articles/{page.pk}/", **auth).json()["body"]
    token_id = response.json()["id"]
    assert client.delete(f"/api/v1/tokens/{token_id}/", **auth).status_code == 204
    denied = client.get("/api/v1/me/", **auth)
    assert denied.status_code == 401
    assert denied.json()["error"]["code"] == "invalid_token"


@pytest.mark.parametrize(
    "payload",
    [{}, {"email": "x@example.org"}, {"email": "reader@example.org", "password": "wrong"}],
)
def test_token_errors(client, db, payload):
    factories.user()
    response = client.post("/api/v1/tokens/", payload, content_type="application/json")
    assert response.status_code in (400, 401)
    assert "error" in response.json()


def test_token_endpoint_rejects_bad_json(client, db):
    response = client.post("/api/v1/tokens/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_json"


def test_openapi_document(client, db):
    data = client.get("/api/v1/openapi.json").json()
    assert data["openapi"].startswith("3.")
    assert {"/api/v1/articles/", "/api/v1/articles/{id}/", "/api/v1/me/"} <= set(data["paths"])
