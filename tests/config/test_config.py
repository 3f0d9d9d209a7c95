"""Environment variables are parsed and checked in one place (masthead/config.py)."""

import pytest

from masthead import config
from masthead.config import ConfigError


def _error(monkeypatch, name, value, read):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as info:
        read()
    assert str(info.value).startswith(f"{name}: ")
    assert repr(value.strip()) in str(info.value)
    return str(info.value)


def test_meter_failure_accepts_open_and_closed_and_nothing_else(monkeypatch):
    read = lambda: config.choice("MASTHEAD_METER_FAILURE", "open", ("open", "closed"))  # noqa: E731
    monkeypatch.delenv("MASTHEAD_METER_FAILURE", raising=False)
    assert read() == "open"
    monkeypatch.setenv("MASTHEAD_METER_FAILURE", " Closed ")
    assert read() == "closed"
    assert "open, closed" in _error(monkeypatch, "MASTHEAD_METER_FAILURE", "shut", read)


@pytest.mark.parametrize("value, expected", [("1", True), ("yes", True), ("off", False)])
def test_booleans(monkeypatch, value, expected):
    monkeypatch.setenv("MASTHEAD_DEBUG", value)
    assert config.boolean("MASTHEAD_DEBUG", not expected) is expected


def test_a_bool_that_is_neither_stops(monkeypatch):
    _error(
        monkeypatch, "MASTHEAD_DEBUG", "perhaps", lambda: config.boolean("MASTHEAD_DEBUG", False)
    )


@pytest.mark.parametrize("value", ["seven", "-1", "3.5"])
def test_integers(monkeypatch, value):
    _error(
        monkeypatch,
        "MASTHEAD_PAST_DUE_GRACE_DAYS",
        value,
        lambda: config.integer("MASTHEAD_PAST_DUE_GRACE_DAYS", 7),
    )


@pytest.mark.parametrize(
    "value", ["127.0.0.1:8000", "ftp://example.org", "http://", "http://host:notaport"]
)
def test_urls(monkeypatch, value):
    _error(
        monkeypatch,
        "MASTHEAD_SITE_URL",
        value,
        lambda: config.url("MASTHEAD_SITE_URL", "", ("http", "https")),
    )


def test_database_urls_take_sqlite_paths(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/x.sqlite3")
    assert config.url("DATABASE_URL", "", ("sqlite", "postgres")) == "sqlite:////tmp/x.sqlite3"
    _error(
        monkeypatch,
        "DATABASE_URL",
        "mysql://db/x",
        lambda: config.url("DATABASE_URL", "", ("sqlite", "postgres")),
    )


def test_time_zone_hosts_paths_and_addresses(monkeypatch):
    _error(
        monkeypatch,
        "MASTHEAD_TIME_ZONE",
        "Mars/Olympus",
        lambda: config.time_zone("MASTHEAD_TIME_ZONE", "UTC"),
    )
    _error(
        monkeypatch,
        "MASTHEAD_ALLOWED_HOSTS",
        "a.example, http://b/",
        lambda: config.host_list("MASTHEAD_ALLOWED_HOSTS", "x"),
    )
    _error(
        monkeypatch,
        "MASTHEAD_EMAIL_BACKEND",
        "smtp backend",
        lambda: config.dotted_path("MASTHEAD_EMAIL_BACKEND", "a.b"),
    )
    _error(
        monkeypatch,
        "MASTHEAD_FROM_EMAIL",
        "newsroom",
        lambda: config.email("MASTHEAD_FROM_EMAIL", "a@b"),
    )
    monkeypatch.setenv("MASTHEAD_FROM_EMAIL", "The Ledger <news@ledger.example>")
    assert config.email("MASTHEAD_FROM_EMAIL", "a@b") == "The Ledger <news@ledger.example>"


def test_numbers_json_files_and_parsed_values(monkeypatch, tmp_path):
    read = lambda: config.number("MASTHEAD_NEWSLETTER_RATE", 0, 0, 100)  # noqa: E731
    assert "from 0 to 100" in _error(monkeypatch, "MASTHEAD_NEWSLETTER_RATE", "fast", read)
    _error(monkeypatch, "MASTHEAD_NEWSLETTER_RATE", "101", read)
    _error(monkeypatch, "MASTHEAD_NEWSLETTER_RATE", "nan", read)
    monkeypatch.setenv("MASTHEAD_NEWSLETTER_RATE", "2.5")
    assert read() == 2.5
    _error(
        monkeypatch,
        "MASTHEAD_DKIM_KEY_FILE",
        str(tmp_path / "none.pem"),
        lambda: config.existing_file("MASTHEAD_DKIM_KEY_FILE"),
    )
    for value in ("[1]", "{not json"):
        monkeypatch.setenv("MASTHEAD_ANYMAIL", value)
        with pytest.raises(ConfigError, match="^MASTHEAD_ANYMAIL: expected a JSON object$"):
            config.json_object("MASTHEAD_ANYMAIL")


def test_secrets_in_bad_values_are_not_printed(monkeypatch):
    def refuse(value):
        raise ValueError("use smtp://")

    monkeypatch.setenv("MASTHEAD_EMAIL_URL", "smtq://me:hunter2@mail.example")
    with pytest.raises(ConfigError) as info:
        config.parsed("MASTHEAD_EMAIL_URL", refuse)
    assert str(info.value) == "MASTHEAD_EMAIL_URL: use smtp://"
    monkeypatch.setenv("DATABASE_URL", "mysql://me:hunter2@db.example/x")
    with pytest.raises(ConfigError) as info:
        config.url("DATABASE_URL", "", ("postgres",))
    assert "hunter2" not in str(info.value) and "me:***@db.example" in str(info.value)
