"""The reader path's ``user_of`` against Django's own ``get_user``, session by session.

``user_of`` reads the user by a compiled statement instead of the backend's ORM call, so it
repeats ``django.contrib.auth.get_user``'s checks. Here both read the same session: where
Django answers without writing, ``user_of`` gives the same user (or AnonymousUser); where
Django cycles or flushes the session, ``user_of`` raises FallThrough so that Django answers.
"""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import User
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from masthead.readerpath.requests import FallThrough, ReadOnlySession, user_of
from tests import factories

pytestmark = pytest.mark.django_db
MODEL = "django.contrib.auth.backends.ModelBackend"
ALLAUTH = "allauth.account.auth_backends.AuthenticationBackend"
OWN = "tests.readerpath.test_user_of.OwnBackend"


class OwnBackend(ModelBackend):
    """A backend with its own get_user: ``user_of`` must leave it to Django's function."""

    calls = 0

    def get_user(self, user_id):
        OwnBackend.calls += 1
        user = super().get_user(user_id)
        return user if user is not None and user.email.endswith("@own.example") else None


class Recording(dict):
    """A session for Django's get_user that keeps a list of the writes it asked for."""

    def __init__(self, data):
        super().__init__(data)
        self.writes: list[str] = []

    def __setitem__(self, key, value):
        self.writes.append(f"set {key}")
        super().__setitem__(key, value)

    def cycle_key(self):
        self.writes.append("cycle")

    def flush(self):
        self.writes.append("flush")
        self.clear()


class _Holder:
    def __init__(self, session):
        self.session = session


def _data(user, backend=MODEL):
    return {
        SESSION_KEY: str(user.pk),
        BACKEND_SESSION_KEY: backend,
        HASH_SESSION_KEY: user.get_session_auth_hash(),
    }


def _valid(user):
    return _data(user)


def _allauth(user):
    return _data(user, ALLAUTH)


def _wrong_hash(user):
    return {**_data(user), HASH_SESSION_KEY: "0" * 64}


def _no_hash(user):
    data = _data(user)
    del data[HASH_SESSION_KEY]
    return data


def _empty_hash(user):
    return {**_data(user), HASH_SESSION_KEY: ""}


def _inactive(user):
    data = _data(user)
    User.objects.filter(pk=user.pk).update(is_active=False)
    return data


def _deleted(user):
    data = _data(user)
    user.delete()
    return data


def _unknown_backend(user):
    return _data(user, "somewhere.else.Backend")


def _no_user_key(user):
    data = _data(user)
    del data[SESSION_KEY]
    return data


def _no_backend_key(user):
    data = _data(user)
    del data[BACKEND_SESSION_KEY]
    return data


def _password_changed(user):
    data = _data(user)
    user.set_password("another password entirely")
    user.save()
    return data


def _unknown_user(user):
    return {**_data(user), SESSION_KEY: str(user.pk + 10_000)}


SESSIONS = {
    f.__name__.strip("_"): f
    for f in (
        _valid,
        _allauth,
        _wrong_hash,
        _no_hash,
        _empty_hash,
        _inactive,
        _deleted,
        _unknown_backend,
        _no_user_key,
        _no_backend_key,
        _password_changed,
        _unknown_user,
    )
}


def _both(data):
    """(what Django's get_user gave and the writes it asked for, what user_of gave)."""
    recording = Recording(data)
    theirs = get_user(_Holder(recording))
    try:
        ours = user_of(ReadOnlySession(dict(data)))
    except FallThrough:
        ours = FallThrough
    return theirs, recording.writes, ours


def _same(theirs, writes, ours):
    if writes:
        assert ours is FallThrough, (writes, ours)
    else:
        assert ours is not FallThrough
        assert (ours.is_authenticated, ours.pk) == (theirs.is_authenticated, theirs.pk)


@pytest.mark.parametrize("make", list(SESSIONS.values()), ids=list(SESSIONS))
def test_user_of_answers_as_djangos_get_user(make):
    user = factories.user("reader@example.org")
    theirs, writes, ours = _both(make(user))
    _same(theirs, writes, ours)


def test_the_cases_cover_each_of_djangos_answers():
    """The table above is worth something only if it holds a user, an anonymous reader and a
    write: one of each, at least."""
    answers = set()
    for make in SESSIONS.values():
        theirs, writes, _ = _both(make(factories.user(f"{make.__name__}@example.org")))
        answers.add("write" if writes else "user" if theirs.is_authenticated else "anonymous")
    assert answers == {"write", "user", "anonymous"}


def test_a_hash_of_the_previous_secret_key_is_left_to_django_which_cycles_the_session():
    user = factories.user("rotated@example.org")
    with override_settings(SECRET_KEY="the-old-key-" * 4):
        data = _data(user)
    with override_settings(
        SECRET_KEY="the-new-key-" * 4, SECRET_KEY_FALLBACKS=["the-old-key-" * 4]
    ):
        theirs, writes, ours = _both(data)
    assert "cycle" in writes and theirs.pk == user.pk
    assert ours is FallThrough


@pytest.mark.parametrize("email", ["mine@own.example", "other@example.org"])
def test_a_backend_with_its_own_get_user_is_asked_through_djangos_function(email):
    user = factories.user(email)
    with override_settings(AUTHENTICATION_BACKENDS=[MODEL, OWN]):
        OwnBackend.calls = 0
        theirs, writes, ours = _both(_data(user, OWN))
    _same(theirs, writes, ours)
    assert OwnBackend.calls == 2  # once for Django's get_user, once for user_of
    assert ours.is_authenticated == email.endswith("@own.example")


def test_the_user_is_one_read_with_the_orms_own_sql():
    user = factories.user("one-read@example.org")
    data = _data(user)
    user_of(ReadOnlySession(dict(data)))  # the statement is compiled on a connection's first run
    with CaptureQueriesContext(connection) as ours:
        found = user_of(ReadOnlySession(dict(data)))
    with CaptureQueriesContext(connection) as orm:
        list(User._default_manager.filter(pk=user.pk)[:1])
    assert found.pk == user.pk and found.email == user.email
    assert [q["sql"] for q in ours.captured_queries] == [q["sql"] for q in orm.captured_queries]


@pytest.mark.parametrize("age", ["valid", "expired", "missing"])
def test_the_session_row_is_read_as_the_database_engine_reads_it(age):
    from datetime import timedelta

    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from masthead.readerpath.requests import _session_store

    store = SessionStore()
    store["x"] = 1
    store.create()
    key = store.session_key if age != "missing" else "k" * 32
    if age == "expired":
        Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    # written by the db engine: with cached_db, the cache holds no copy, so the row is read
    ours, theirs = _session_store()(key), SessionStore(key)
    assert ours.load() == theirs.load() == ({"x": 1} if age == "valid" else {})
    assert ours.session_key == theirs.session_key
