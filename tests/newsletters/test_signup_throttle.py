"""The e-mail sign-up cannot be used to mail-bomb an address: allauth's rate limiter counts
confirmation mails per target address and sign-ups per client address."""

import pytest

from masthead.ratelimits import CONFIRM_MAILS_PER_EMAIL, SIGNUPS_PER_ADDRESS

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def _signup(client, email, **extra):
    data = {"email": email, "newsletter": "briefing"}
    return client.post("/newsletters/signup/", data, **JSON, **extra)


def test_the_fourth_request_for_one_address_sends_no_mail_and_says_the_same(
    client, daily, mailoutbox
):
    answers = [_signup(client, "target@example.org") for _ in range(CONFIRM_MAILS_PER_EMAIL)]
    assert len(mailoutbox) == CONFIRM_MAILS_PER_EMAIL
    fourth = _signup(client, "Target@Example.org", REMOTE_ADDR="10.0.0.9")
    assert len(mailoutbox) == CONFIRM_MAILS_PER_EMAIL  # nothing more sent, from anywhere
    assert (fourth.status_code, fourth.json()) == (answers[0].status_code, answers[0].json())
    _signup(client, "other@example.org")
    assert len(mailoutbox) == CONFIRM_MAILS_PER_EMAIL + 1  # other addresses are not blocked


def test_one_client_address_is_limited_across_target_addresses(client, daily, mailoutbox, settings):
    settings.MASTHEAD_PROXY_COUNT = 1
    proxy = {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    for n in range(SIGNUPS_PER_ADDRESS):
        assert _signup(client, f"r{n}@example.org", **proxy).status_code == 202
    refused = _signup(client, "late@example.org", **proxy)
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
    assert len(mailoutbox) == SIGNUPS_PER_ADDRESS
    # Another client behind the same proxy (same REMOTE_ADDR) is a different address.
    assert (
        _signup(client, "late@example.org", HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 202
    )


def test_the_limit_is_per_inbox_not_per_spelling(client, daily, mailoutbox):
    spellings = [
        "victim@example.org",
        "victim+1@example.org",
        "victim+2@example.org",
        '"victim"@example.org',
        "VICTIM+news@EXAMPLE.org",
    ]
    for n, address in enumerate(spellings):
        _signup(client, address, REMOTE_ADDR=f"10.0.1.{n}")
    assert len(mailoutbox) == CONFIRM_MAILS_PER_EMAIL


@pytest.mark.parametrize(
    "address,mailbox",
    [
        ("Ann@Example.org", "ann@example.org"),
        ("ann+tag+more@example.org", "ann@example.org"),
        ('"ann"@example.org', "ann@example.org"),
        ('"a\\\\b"@example.org', "a\\b@example.org"),
        ("A.n.n@googlemail.com", "ann@gmail.com"),
        ("a.nn@example.org", "a.nn@example.org"),  # dots matter outside Gmail
        ("Ame\u0301lie@example.org", "am\u00e9lie@example.org"),  # Unicode NFC
    ],
)
def test_normalised_mailbox(address, mailbox):
    from masthead.members.proof import normalised_mailbox

    assert normalised_mailbox(address) == mailbox
