"""A reader answers a callout: without JavaScript (plain POST, 303 back to the article), with
``Accept: application/json``, and every way it can go wrong without a 500."""

import json

import pytest
from django.utils import timezone

from masthead.engagement.blocks import CalloutBlock
from masthead.engagement.models import CalloutResponse
from masthead.events.kinds import EventKind
from masthead.events.models import ReaderEvent
from tests import factories

from .conftest import answer_data, device_cookie, make_callout, reader_request

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def url(callout):
    return f"/callouts/{callout.pk}/answer/"


def render(callout, request, page=None):
    return CalloutBlock().render(callout, context={"request": request, "page": page})


def test_block_renders_an_accessible_form_inside_an_article(world, callout):
    article = factories.article(world)
    html = render(callout, reader_request(article.url), article)
    assert f'data-callout="{callout.pk}"' in html
    assert f'action="/callouts/{callout.pk}/answer/"' in html and 'method="post"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'name="next" value="{article.url}"' in html
    assert html.count("<fieldset") == 2 and "<legend>Do you live in Asia?" in html
    assert f'<label for="callout-{callout.pk}-q' in html  # the free-text question's label
    assert 'aria-hidden="true"' in html and 'tabindex="-1"' in html and 'name="website"' in html
    assert 'name="email"' not in html


def test_plain_post_stores_once_and_redirects_back_to_the_article(client, world, callout):
    article = factories.article(world)
    response = client.post(url(callout), answer_data(callout, next=article.url))
    assert response.status_code == 303
    assert response["Location"] == f"{article.url}?answered={callout.pk}#callout-{callout.pk}"
    stored = CalloutResponse.objects.get()
    q = [str(q.pk) for q in callout.questions.all()]
    assert stored.answers == {q[0]: "Yes", q[1]: ["Tokyo"], q[2]: "Hopeful."}
    device = response.cookies["mh_device"].value
    assert stored.respondent_key.startswith("d:") and stored.respondent_key[2:] in device

    again = client.post(url(callout), answer_data(callout, single="No", next=article.url))
    assert again.status_code == 303 and CalloutResponse.objects.count() == 1
    html = render(callout, reader_request(device_id=stored.respondent_key[2:]))
    assert "Thank you for answering." in html and "data-callout=" not in html


def test_signed_in_reader_is_keyed_by_account(client, callout):
    user = factories.user()
    client.force_login(user)
    client.post(url(callout), answer_data(callout))
    assert CalloutResponse.objects.get().respondent_key == f"u:{user.pk}"


def test_an_answer_is_a_reader_event_once(client, callout):
    user = factories.user()
    client.force_login(user)
    client.post(url(callout), answer_data(callout))
    client.post(url(callout), answer_data(callout))  # a duplicate records nothing more
    event = ReaderEvent.objects.get(kind=EventKind.CALLOUT_ANSWER)
    assert (event.reader_key, event.ref) == (f"u:{user.pk}", f"callout:{callout.pk}")


def test_json_answer_for_fetch_clients(client):
    callout = make_callout(show_results=True)
    first = client.post(url(callout), answer_data(callout, text="SECRET-FREE-TEXT"), **JSON)
    assert first.status_code == 200
    body = first.json()
    assert body["status"] == "answered" and body["thank_you"] == "Thank you for answering."
    assert body["results"][0]["choices"][0] == {"label": "Yes", "count": 1, "percent": 100}
    assert "SECRET-FREE-TEXT" not in first.content.decode()
    second = client.post(url(callout), answer_data(callout), **JSON)
    assert second.json()["status"] == "already_answered"
    assert CalloutResponse.objects.count() == 1


def test_honeypot_is_thanked_and_discarded(client, callout):
    response = client.post(url(callout), answer_data(callout, website="http://spam.example"))
    assert response.status_code == 303 and f"answered={callout.pk}" in response["Location"]
    assert CalloutResponse.objects.count() == 0


def test_closed_callout_refuses_politely(client):
    callout = make_callout(closes_at=timezone.now() - timezone.timedelta(minutes=1))
    response = client.post(url(callout), answer_data(callout))
    assert response.status_code == 403
    assert "This callout has closed" in response.content.decode()
    assert client.post(url(callout), answer_data(callout), **JSON).json()["error"]["code"] == (
        "closed"
    )
    assert CalloutResponse.objects.count() == 0
    html = render(callout, reader_request())
    assert "This callout has closed" in html and "data-callout=" not in html


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"single": "Maybe"}, "Select a valid choice. Maybe is not one of the available choices."),
        ({"multiple": ["Tokyo", "Paris"]}, "Select a valid choice. Paris is not one of"),
        ({"text": "x" * 2001}, "Ensure this value has at most 2000 characters (it has 2001)."),
        ({"text": ""}, "This field is required."),
        ({"single": ""}, "This field is required."),
    ],
)
def test_invalid_answers_are_a_400_with_the_message_and_nothing_stored(client, change, message):
    callout = make_callout()
    response = client.post(url(callout), answer_data(callout, **change))
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert f'data-callout="{callout.pk}"' in response.content.decode()  # the form, to fix it
    assert CalloutResponse.objects.count() == 0
    as_json = client.post(url(callout), answer_data(callout, **change), **JSON)
    assert as_json.status_code == 400 and as_json.json()["error"]["code"] == "invalid"


def test_email_is_validated_and_stored(client):
    callout = make_callout(ask_email=True)
    bad = client.post(url(callout), answer_data(callout, email="not an address"))
    assert bad.status_code == 400 and "Enter a valid email address." in bad.content.decode()
    good = client.post(url(callout), answer_data(callout, email="ana@example.org"))
    assert good.status_code == 303
    assert CalloutResponse.objects.get().email == "ana@example.org"


@pytest.mark.parametrize("target", ["https://evil.example/x", "//evil.example/x", "javascript:x"])
def test_next_outside_the_site_is_ignored(client, callout, target):
    response = client.post(url(callout), answer_data(callout, next=target))
    assert response.status_code == 303
    assert response["Location"] == f"/?answered={callout.pk}#callout-{callout.pk}"


def test_odd_requests_never_500(client, callout):
    assert client.get(url(callout)).status_code == 405
    assert client.post("/callouts/999999/answer/", {}).status_code == 404
    assert client.post(url(callout), {"q1": ["a"] * 50, "email": "x" * 5000}).status_code == 400
    assert CalloutResponse.objects.count() == 0


def test_results_only_when_enabled_and_never_free_text(client):
    private = make_callout()
    public = make_callout(show_results=True)
    for callout in (private, public):
        for i, single in enumerate(["Yes", "Yes", "No", "Yes"]):
            _, cookie = device_cookie()
            client.cookies["mh_device"] = cookie
            data = answer_data(callout, single=single, text=f"SECRET-FREE-TEXT-{i}")
            assert client.post(url(callout), data).status_code == 303

    shown = render(public, reader_request(f"/s/?answered={public.pk}"))
    assert "Thank you for answering." in shown and "75% (3)" in shown and "25% (1)" in shown
    assert "SECRET-FREE-TEXT" not in shown
    hidden = render(private, reader_request(f"/s/?answered={private.pk}"))
    assert "Thank you for answering." in hidden and "data-callout-results" not in hidden
    assert "SECRET-FREE-TEXT" not in hidden
    unanswered = render(public, reader_request("/s/"))
    assert "data-callout-results" not in unanswered


def test_rate_limit_per_ip_and_per_reader(client, callout):
    for _ in range(10):
        client.cookies.clear()  # a new device each time, all from one IP
        assert client.post(url(callout), answer_data(callout)).status_code == 303
    client.cookies.clear()
    limited = client.post(url(callout), answer_data(callout))
    assert limited.status_code == 429 and "try again in a few minutes" in limited.content.decode()
    assert CalloutResponse.objects.count() == 10

    other = make_callout()
    _, cookie = device_cookie()
    client.cookies["mh_device"] = cookie
    for i in range(10):  # one device hopping IPs
        response = client.post(url(other), {}, REMOTE_ADDR=f"198.51.100.{i}")
        assert response.status_code == 400
    assert client.post(url(other), {}, REMOTE_ADDR="198.51.100.99").status_code == 429


@pytest.fixture
def body_with_callout_block(monkeypatch):
    """The article body accepts ``callout`` blocks (patched in until newsroom registers it)."""
    from masthead.newsroom.models import ArticlePage

    stream_block = ArticlePage._meta.get_field("body").stream_block
    if "callout" not in stream_block.child_blocks:
        block = CalloutBlock()
        block.set_name("callout")
        monkeypatch.setitem(stream_block.child_blocks, "callout", block)


def test_article_page_shows_the_callout_then_the_thanks(client, world, body_with_callout_block):
    callout = make_callout(show_results=True)
    article = factories.article(world, access="free")
    article.body = json.dumps(
        [
            {"type": "paragraph", "value": "<p>First paragraph.</p>"},
            {"type": "callout", "value": callout.pk},
        ]
    )
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert f'data-callout="{callout.pk}"' in html and 'name="csrfmiddlewaretoken"' in html

    response = client.post(url(callout), answer_data(callout, next=article.url))
    assert response.status_code == 303
    after = client.get(response["Location"]).content.decode()
    assert "Thank you for answering." in after and f'data-callout="{callout.pk}"' not in after
    assert "100% (1)" in after and "Hopeful." not in after

    # Without ``next`` the reader still lands on the article, found via the reference index.
    other = factories.user("other@example.org")
    client.force_login(other)
    response = client.post(url(callout), answer_data(callout))
    assert response["Location"] == f"{article.url}?answered={callout.pk}#callout-{callout.pk}"
