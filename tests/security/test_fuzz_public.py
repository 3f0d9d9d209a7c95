"""Bad input never gives a 500: hypothesis over the public URLs' query strings, forms and
cookies."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
params = st.dictionaries(
    st.sampled_from(
        [
            "q",
            "page",
            "gift",
            "next",
            "answered",
            "offer",
            "section",
            "topic",
            "session",
            "session_id",
        ]
    ),
    texts,
    max_size=4,
)
# Cookies travel as latin-1 header bytes; the test client cannot send anything else.
cookies = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=255), max_size=300)
FUZZ = settings(
    derandomize=True,  # the same examples on every run: CI stays deterministic
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def paths(world):
    page = factories.article(world, topics=[factories.topic("Trade")])
    return [
        "/",
        "/world/",
        "/search/",
        "/topics/trade/",
        "/authors/ana-writer/",
        page.public_path,
        page.public_path + "print/",
        "/subscribe/",
        "/feeds/latest/",
        "/world/feed/",
        "/api/v1/articles/",
        f"/api/v1/articles/{page.pk}/",
        "/api/v1/me/",
        "/accounts/login/",
        "/accounts/signup/",
        "/subscribe/return/",
        "/subscribe/test-checkout/",
    ]


@pytest.mark.django_db
@FUZZ
@given(query=params, cookie=cookies)
def test_public_get_urls_never_fail(paths, query, cookie):
    client = Client()
    client.cookies["mh_device"] = cookie.replace(";", "").replace("\n", "")[:4000]
    for path in paths:
        response = client.get(path, query)
        assert response.status_code < 500, (path, query)


@pytest.mark.django_db
@FUZZ
@given(form=st.dictionaries(texts, texts, max_size=5))
def test_public_forms_never_fail(world, form):
    client = Client()
    client.force_login(factories.subscriber("fuzz@example.org"))
    for path in (
        "/banners/dismiss/",
        "/gifts/",
        "/subscribe/intro/",
        "/subscribe/test-checkout/",
        "/account/tokens/",
        "/api/v1/tokens/",
        "/accounts/login/",
        "/account/subscription/cancel/",
        "/callouts/1/answer/",
    ):
        response = client.post(path, form)
        assert response.status_code < 500, (path, form)
