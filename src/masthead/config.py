"""Reading the environment: every variable Masthead reads is parsed and checked here, once.

``settings.py`` asks these functions for each value. A bad value raises ``ConfigError`` whose
message names the variable; ``masthead`` (``cli.py``) and the WSGI entry point print it as one
line and exit, so a typo stops the server at start instead of failing on the first request.
The README's configuration table lists every variable. Standard library only: this module is
read before Django is configured.

``ConfigError`` is deliberately not Django's ``ImproperlyConfigured``: Django's command runner
swallows that one while it looks up a command, and the message would be lost.
"""

import json
import os
import zoneinfo
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


class ConfigError(Exception):
    """An environment variable with a value Masthead cannot use; the message names it."""

    def __init__(self, name: str, problem: str, value: str | None = None) -> None:
        shown = f" (got {_redacted(value)!r})" if value is not None else ""
        super().__init__(f"{name}: {problem}{shown}")
        self.name = name


def _redacted(value: str) -> str:
    """The value as it may be printed: a URL's password becomes ``***``."""
    try:
        parts = urlsplit(value)
        if parts.password:
            return value.replace(f":{parts.password}@", ":***@", 1)
    except ValueError:
        pass
    return value


def raw(name: str) -> str | None:
    """The variable's value, stripped; ``None`` when it is unset or blank."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        return None
    return value.strip()


def text(name: str, default: str) -> str:
    return raw(name) or default


def boolean(name: str, default: bool) -> bool:
    value = raw(name)
    if value is None:
        return default
    if value.lower() in TRUE:
        return True
    if value.lower() in FALSE:
        return False
    raise ConfigError(name, "expected 1/0, true/false, yes/no or on/off", value)


def integer(name: str, default: int, minimum: int = 0) -> int:
    value = raw(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(name, "expected a whole number", value) from None
    if number < minimum:
        raise ConfigError(name, f"expected a number of at least {minimum}", value)
    return number


def choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = raw(name)
    if value is None:
        return default
    if value.lower() not in choices:
        raise ConfigError(name, "expected one of " + ", ".join(choices), value)
    return value.lower()


def url(name: str, default: str, schemes: tuple[str, ...]) -> str:
    """A URL with one of ``schemes`` and a host (or a path, for ``sqlite``/``unix``)."""
    value = raw(name)
    if value is None:
        return default
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise ConfigError(name, "not a valid URL", value) from None
    if parts.scheme not in schemes:
        raise ConfigError(name, "expected a URL starting with " + " or ".join(schemes), value)
    if not (parts.hostname or (parts.scheme in {"sqlite", "unix"} and parts.path)):
        raise ConfigError(name, "the URL has no host", value)
    return value


def host_list(name: str, default: str) -> list[str]:
    value = raw(name) or default
    hosts = [h.strip() for h in value.split(",") if h.strip()]
    if not hosts or any(" " in h or "/" in h for h in hosts):
        raise ConfigError(name, "expected host names separated by commas", value)
    return hosts


def time_zone(name: str, default: str) -> str:
    value = raw(name) or default
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ConfigError(name, "not a known time zone", value) from None
    return value


def dotted_path(name: str, default: str) -> str:
    value = raw(name) or default
    if "." not in value or not all(part.isidentifier() for part in value.split(".")):
        raise ConfigError(name, "expected a dotted Python path", value)
    return value


def email(name: str, default: str) -> str:
    value = raw(name) or default
    if "@" not in value or any(c.isspace() for c in value.rsplit("<", 1)[-1]):
        raise ConfigError(name, "expected an e-mail address", value)
    return value


def number(name: str, default: float, low: float, high: float) -> float:
    value = raw(name)
    if value is None:
        return default
    try:
        result = float(value)
    except ValueError:
        result = float("nan")
    if not low <= result <= high:  # also refuses nan
        raise ConfigError(name, f"expected a number from {low:g} to {high:g}", value)
    return result


def json_object(name: str) -> dict[str, Any]:
    """A JSON object (its values may be secrets: they are never printed)."""
    value = raw(name)
    if value is None:
        return {}
    try:
        data = json.loads(value)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise ConfigError(name, "expected a JSON object")
    return data


def existing_file(name: str) -> str:
    value = raw(name) or ""
    if value and not Path(value).is_file():
        raise ConfigError(name, "no such file", value)
    return value


def parsed(name: str, parse: Callable[[str], Any]) -> Any:
    """``parse(value)`` (``""`` when unset), its ``ValueError`` turned into a ``ConfigError``.
    The value itself is not printed: such values (mail URLs) carry passwords."""
    try:
        return parse(raw(name) or "")
    except ValueError as exc:
        raise ConfigError(name, str(exc)) from None
