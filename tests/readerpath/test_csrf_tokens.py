"""The reader path's CSRF strings (``readerpath.tokens``): Django's format, Django's mask, a new
mask every time, characters drawn evenly, and a token that Django's CSRF check accepts."""

import re
from collections import Counter

import pytest
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    _check_token_format,
    _does_token_match,
    _unmask_cipher_token,
)

from masthead.readerpath import tokens
from tests import factories
from tests.support.live import signed_in_cookie
from tests.support.readerclient import ReaderClient

_GIFT_FORM = re.compile(
    r'<form class="gift-form" method="post" action="([^"]+)">'
    r'<input type="hidden" name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})">'
)


def test_a_token_unmasks_to_its_secret_with_a_new_mask_each_time():
    secret = tokens.new_secret()
    _check_token_format(secret)
    made = [tokens.masked(secret) for _ in range(200)]
    for token in made:
        _check_token_format(token)
        assert _unmask_cipher_token(token) == secret
        assert _does_token_match(token, secret)
    assert len({token[:32] for token in made}) == 200  # the masks


def test_characters_are_drawn_evenly():
    drawn = Counter("".join(tokens.new_secret() for _ in range(2000)))  # 64,000 characters
    assert set(drawn) == set(CSRF_ALLOWED_CHARS)
    expected = 64_000 / len(CSRF_ALLOWED_CHARS)  # about 1,032 each
    chi_square = sum((n - expected) ** 2 / expected for n in drawn.values())
    assert chi_square < 150, chi_square  # 61 degrees of freedom: above 150, p < 1e-9
    assert len(tokens.new_secret(100)) == 100


@pytest.mark.django_db
def test_a_reader_path_pages_form_passes_djangos_csrf_check(world):
    page = factories.article(world, access="metered")
    cookie = signed_in_cookie(factories.subscriber("gives@example.org"))
    client = ReaderClient(enforce_csrf_checks=True)
    client.cookies.load(cookie)
    html = client.get(page.public_path).content.decode()
    assert client.answered == 1
    action, token = _GIFT_FORM.search(html).groups()
    assert _unmask_cipher_token(token) == client.cookies["csrftoken"].value

    refused = client.post(action, {"article": page.pk, "csrfmiddlewaretoken": "x" * 64})
    assert refused.status_code == 403
    given = client.post(action, {"article": page.pk, "csrfmiddlewaretoken": token})
    assert given.status_code in (200, 302), given.status_code
