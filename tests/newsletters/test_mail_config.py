"""MASTHEAD_EMAIL_URL, the demo's .eml files, and DKIM signing."""

import shutil
import subprocess
from pathlib import Path

import dkim
import pytest
from django.core.mail import send_mail

from masthead.mailsettings import DEMO_BACKEND, email_settings
from masthead.newsletters.mail import message as message_module
from masthead.newsletters.services.issues import issue_create
from tests import factories

from .conftest import make_readers


def test_email_urls():
    assert email_settings("")["EMAIL_BACKEND"] == DEMO_BACKEND
    smtp = email_settings("smtp+tls://me%40x.org:p%3Ass@mail.example.org")
    assert (smtp["EMAIL_HOST"], smtp["EMAIL_PORT"], smtp["EMAIL_USE_TLS"]) == (
        "mail.example.org",
        587,
        True,
    )
    assert (smtp["EMAIL_HOST_USER"], smtp["EMAIL_HOST_PASSWORD"]) == ("me@x.org", "p:ss")
    assert email_settings("smtps://h")["EMAIL_PORT"] == 465
    assert email_settings("smtp://h:2525")["EMAIL_PORT"] == 2525
    assert email_settings("anymail://postmark")["EMAIL_BACKEND"] == (
        "anymail.backends.postmark.EmailBackend"
    )
    for bad in ("http://x", "smtp://", "smtp://h:port", "anymail://"):
        with pytest.raises(ValueError):
            email_settings(bad)


def test_a_bad_email_url_stops_the_server_naming_the_variable(tmp_path):
    import os
    import sys

    env = dict(os.environ, MASTHEAD_EMAIL_URL="gopher://x", MASTHEAD_DATA_DIR=str(tmp_path))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(
        [sys.executable, "-m", "masthead.cli", "check"], env=env, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "MASTHEAD_EMAIL_URL" in done.stderr + done.stdout


@pytest.mark.django_db
def test_the_demo_backend_writes_one_eml_file_per_message(settings, daily, world, capsys):
    settings.EMAIL_BACKEND = DEMO_BACKEND
    mail_dir = settings.DATA_DIR / "mail"
    shutil.rmtree(mail_dir, ignore_errors=True)
    make_readers(daily, 2, prefix="eml")
    send_mail("Plain", "A plain message.", None, ["x@example.org"])
    issue_create(daily, factories.article(world))
    files = sorted(mail_dir.glob("*.eml"))
    assert len(files) == 3
    raw = files[-1].read_bytes()
    assert b"\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in raw
    # The console: one line per message (to, subject, file), never the MIME of any of them.
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3, lines
    plain = [line for line in lines if line.startswith("e-mail to x@example.org: Plain (")]
    assert len(plain) == 1
    written = Path(plain[0].removeprefix("e-mail to x@example.org: Plain (").removesuffix(")"))
    assert written in files and b"Subject: Plain\r\n" in written.read_bytes()
    assert {line.rsplit(" (", 1)[1][:-1] for line in lines} == {str(f) for f in files}
    assert not any(word in "\n".join(lines) for word in ("Content-Type", "List-Id", "MIME"))


@pytest.mark.django_db
def test_dkim_signature_covers_the_list_headers_and_verifies(
    sink, settings, daily, world, tmp_path
):
    key = tmp_path / "dkim.pem"
    subprocess.run(["openssl", "genrsa", "-out", str(key), "2048"], check=True, capture_output=True)
    public = subprocess.run(
        ["openssl", "rsa", "-in", str(key), "-pubout", "-outform", "DER"],
        check=True,
        capture_output=True,
    ).stdout
    settings.DKIM_KEY_FILE, settings.DKIM_SELECTOR, settings.DKIM_DOMAIN = (
        str(key),
        "s1",
        "example.org",
    )
    message_module._dkim_key.cache_clear()
    try:
        make_readers(daily, 1, prefix="signed")
        issue_create(daily, factories.article(world))
    finally:
        message_module._dkim_key.cache_clear()
    [msg] = sink.to("signed0@example.org")
    signature = msg["DKIM-Signature"]
    assert "list-unsubscribe" in signature and "list-unsubscribe-post" in signature
    import base64

    record = b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)

    def dns(name, timeout=5):
        assert name == b"s1._domainkey.example.org."
        return record

    [raw] = sink.raw_to("signed0@example.org")
    assert dkim.verify(raw, dnsfunc=dns)
    assert not dkim.verify(
        raw.replace(b"List-Unsubscribe-Post: ", b"List-Unsubscribe-Post:  x"), dnsfunc=dns
    )
