"""What the reader path reads of a request: its ASGI scope, cookies, session and user.

Everything here only reads. Whatever Django would answer differently from a plain reader page
— a host it refuses, an https redirect, a body, a query it does not expect, a session it would
delete, cycle or flush — raises ``FallThrough`` before the gate runs, and Django answers::

    req = ReaderRequest.from_scope(scope)      # FallThrough: let Django answer
    user = req.user()                          # AnonymousUser or the signed-in reader
"""

from functools import cache, cached_property, lru_cache
from importlib import import_module
from urllib.parse import parse_qsl

from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user,
    get_user_model,
    load_backend,
)
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDatabaseSessionStore
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.http.cookie import parse_cookie
from django.http.request import split_domain_port, validate_host
from django.middleware.csrf import InvalidTokenFormat, _check_token_format, _unmask_cipher_token
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from masthead.access.identity import COOKIE_NAME, DeviceIdentity
from masthead.billing import entitlement_cache
from masthead.caching import LocalLRU
from masthead.statements import Statement


class FallThrough(Exception):  # noqa: N818 - a signal, not an error
    """This request is Django's to answer."""


# Query parameters an article page may carry: a gift link's token and the tags the reader
# events keep. Any other parameter (or one given twice) goes to Django.
QUERY_NAMES = frozenset({"gift", "utm_source", "utm_medium", "utm_campaign"})
# The session keys of a plain signed-in reader: Django's three and its expiry (read only when
# the session is saved), and the record of how they signed in that allauth keeps for
# reauthentication (read only by its own views). Any other
# (a login or verification in progress, messages) may need a write or show something, so
# Django answers.
SESSION_NAMES = frozenset(
    {
        SESSION_KEY,
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        "_session_expiry",
        "account_authentication_methods",
        "account_authentication_methods_user",
    }
)


@lru_cache(maxsize=1)
def _session_store():
    if settings.SESSION_SAVE_EVERY_REQUEST:
        return None
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if issubclass(store, DatabaseSessionStore):  # db and cached_db: the row by a statement
        return type(store.__name__, (_CompiledSessionRead, store), {})
    return store


@cache
def _session_by_key(model: type) -> Statement:
    """The session engine's row by key, unexpired (its ``_get_session_from_db``)."""
    return Statement(
        lambda key, now: model.objects.filter(session_key=key).filter(expire_date__gt=now),
        ("session_key", "expire_date"),
    )


# A session key and the user id its session held when this process last read it. With it, a
# returning reader's session (in the cache, with ``cached_db``) and their entitlement come in
# one read of the cache: the id only chooses which entitlement keys are read with the session;
# they are used only if the session still holds that id (``entitlement_prefetch``).
SESSION_USERS = LocalLRU(max_entries=4096)
SESSION_USER_SECONDS = 3600.0

# The reader by primary key, as ModelBackend.get_user reads them (its default manager).
USER_BY_PK = Statement(lambda pk: get_user_model()._default_manager.filter(pk=pk), ("pk",))


class _CompiledSessionRead:
    """The database session engines' read of the session row (``_get_session_from_db``: the
    row by key, unexpired) as one compiled statement: the same query, built once."""

    model: type
    session_key: str | None
    _session_key: str | None

    def _get_session_from_db(self):
        row = _session_by_key(self.model).first(self.session_key, timezone.now())
        if row is None:
            self._session_key = None
        return row


def _allowed_hosts() -> list[str]:
    hosts = settings.ALLOWED_HOSTS
    if settings.DEBUG and not hosts:
        return [".localhost", "127.0.0.1", "[::1]"]
    return hosts


class ReadOnlySession:
    """A session for ``django.contrib.auth.get_user`` that refuses any write (a password
    changed since sign-in flushes the session; a rotated key cycles it): Django answers."""

    def __init__(self, store):
        self._store = store

    def __getitem__(self, key):
        return self._store[key]

    def get(self, key, default=None):
        return self._store.get(key, default)

    def __contains__(self, key):
        return key in self._store

    def __setitem__(self, key, value):
        raise FallThrough("session write")

    def flush(self):
        raise FallThrough("session flush")

    def cycle_key(self):
        raise FallThrough("session cycle")


class ReaderRequest:
    entitlement_prefetch: tuple[str, dict] | None = None

    def __init__(self, scope: dict):
        self.scope = scope
        self.method: str = scope["method"]
        self.path: str = scope["path"]
        self.query_string: str = scope.get("query_string", b"").decode("latin-1")
        headers: dict[str, str] = {}
        for name, value in scope["headers"]:
            key = name.decode("latin-1").lower()
            if key in headers:
                if key != "cookie":
                    raise FallThrough(f"repeated header {key}")
                headers[key] += "; " + value.decode("latin-1")
            else:
                headers[key] = value.decode("latin-1")
        self.headers = headers

    @classmethod
    def from_scope(cls, scope: dict) -> "ReaderRequest":
        req = cls(scope)
        req.check()
        return req

    def check(self) -> None:
        """Everything that makes Django answer this request some other way than a page."""
        if self.scope.get("root_path"):
            raise FallThrough("mounted below a root path")
        h = self.headers
        if h.get("content-length", "0") != "0" or "transfer-encoding" in h:
            raise FallThrough("a request body")
        if "authorization" in h:
            raise FallThrough("an Authorization header")
        purpose = (h.get("sec-purpose") or h.get("purpose") or "").lower()
        if "prefetch" in purpose:
            raise FallThrough("a prefetch")
        if settings.USE_X_FORWARDED_HOST or settings.USE_X_FORWARDED_PORT:
            raise FallThrough("forwarded host")
        domain, _port = split_domain_port(self.host)
        if not domain or not validate_host(domain, _allowed_hosts()):
            raise FallThrough("a host Django refuses")
        if settings.SITE_HTTPS and settings.SECURE_SSL_REDIRECT and not self.secure:
            raise FallThrough("an https redirect")
        _ = self.query, self.csrf_secret  # parse now: a doubt here is Django's too

    @property
    def host(self) -> str:
        return self.headers.get("host", "")

    @cached_property
    def secure(self) -> bool:
        if settings.SECURE_PROXY_SSL_HEADER:
            header, value = settings.SECURE_PROXY_SSL_HEADER
            name = header.removeprefix("HTTP_").replace("_", "-").lower()
            given = self.headers.get(name)
            if given is not None:
                return given.split(",", 1)[0].strip() == value
        return self.scope.get("scheme") == "https"

    @cached_property
    def query(self) -> dict[str, str]:
        if not self.query_string:
            return {}
        pairs = parse_qsl(self.query_string, keep_blank_values=True, errors="strict")
        names = [name for name, _ in pairs]
        if len(set(names)) != len(names) or not set(names) <= QUERY_NAMES:
            raise FallThrough("a query Django should read")
        if any("\x00" in n or "\x00" in v for n, v in pairs):
            raise FallThrough("NUL in the query")
        return dict(pairs)

    @property
    def full_path(self) -> str:
        return self.path + ("?" + self.query_string if self.query_string else "")

    @cached_property
    def cookies(self) -> dict[str, str]:
        return parse_cookie(self.headers.get("cookie", ""))

    @cached_property
    def device(self) -> DeviceIdentity:
        return DeviceIdentity(self.cookies.get(COOKIE_NAME))

    @cached_property
    def csrf_secret(self) -> str | None:
        """The CSRF secret of the cookie (None: none yet); a damaged one Django rotates."""
        if settings.CSRF_USE_SESSIONS:
            raise FallThrough("CSRF in the session")
        raw = self.cookies.get(settings.CSRF_COOKIE_NAME)
        if raw is None:
            return None
        try:
            _check_token_format(raw)
        except InvalidTokenFormat:
            raise FallThrough("a CSRF cookie Django would replace") from None
        return _unmask_cipher_token(raw) if len(raw) == 64 else raw

    def user(self):
        """The signed-in reader, or AnonymousUser; FallThrough when Django would write to
        the session or delete its cookie."""
        key = self.cookies.get(settings.SESSION_COOKIE_NAME)
        if key is None:
            return AnonymousUser()
        store_class = _session_store()
        if store_class is None:
            raise FallThrough("sessions saved on every request")
        store = store_class(key)
        data = self._load(store) if store.session_key else {}
        store._session_cache = data
        if not data or store.is_empty():
            raise FallThrough("a session cookie Django would delete")
        if not set(data) <= SESSION_NAMES:
            raise FallThrough("a session with more than a sign-in")
        user = user_of(ReadOnlySession(store))
        if user.is_authenticated:
            SESSION_USERS.set(key, str(user.pk), SESSION_USER_SECONDS)
        return user

    def _load(self, store) -> dict:
        """The session's data; with the cached database engine on the default cache and a
        session this process has read before, in the same read of the cache as the
        entitlement of the user it held then (``entitlement_prefetch``)."""
        guess = SESSION_USERS.get(store.session_key)
        if (
            guess is None
            or not isinstance(store, CachedDatabaseSessionStore)
            or settings.SESSION_CACHE_ALIAS != DEFAULT_CACHE_ALIAS
        ):
            return store.load()
        wanted = entitlement_cache.read_keys(guess)
        found = caches[DEFAULT_CACHE_ALIAS].get_many([store.cache_key, *wanted])
        self.entitlement_prefetch = (guess, {k: found[k] for k in wanted if k in found})
        data = found.get(store.cache_key)
        return store.load() if data is None else data  # not cached: the database row


def user_of(session):
    """``django.contrib.auth.get_user`` for a session the reader path only reads: the same
    checks in the same order, with the user read by ``USER_BY_PK`` where the session's backend
    reads users as ``ModelBackend`` does (Django's and allauth's backends both do); for any
    other backend, Django's function itself. Where Django would cycle or flush the session (a
    hash that does not verify with the current key), FallThrough: Django answers and writes.
    ``tests/readerpath/test_user_of.py`` holds the two side by side."""
    try:
        user_id = get_user_model()._meta.pk.to_python(session[SESSION_KEY])
        backend_path = session[BACKEND_SESSION_KEY]
    except KeyError:
        return AnonymousUser()
    if backend_path not in settings.AUTHENTICATION_BACKENDS:
        return AnonymousUser()
    backend = load_backend(backend_path)
    if type(backend).get_user is not ModelBackend.get_user:
        return get_user(_SessionHolder(session))
    user = USER_BY_PK.first(user_id)
    if user is None or not backend.user_can_authenticate(user):
        return AnonymousUser()
    session_hash = session.get(HASH_SESSION_KEY)
    if not session_hash or not constant_time_compare(session_hash, user.get_session_auth_hash()):
        raise FallThrough("a session Django would cycle or flush")
    return user


class _SessionHolder:
    def __init__(self, session):
        self.session = session
