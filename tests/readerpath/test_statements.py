"""``masthead.statements``: a read compiled once gives what the ORM gives, with its SQL."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.statements import Statement
from tests import factories

pytestmark = pytest.mark.django_db


def _sql(call):
    with CaptureQueriesContext(connection) as captured:
        result = call()
    return result, [q["sql"] for q in captured.captured_queries]


def _fields(instance):
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def test_a_row_comes_back_as_the_orm_builds_it_with_the_orms_sql():
    user = factories.user("row@example.org")
    by_pk = Statement(lambda pk: User.objects.filter(pk=pk), ("pk",))
    assert by_pk.compiled() is None
    by_pk.first(user.pk)  # compiles
    assert by_pk.compiled() is True
    ours, our_sql = _sql(lambda: by_pk.first(user.pk))
    theirs, their_sql = _sql(lambda: list(User.objects.filter(pk=user.pk)[:1])[0])
    assert our_sql == their_sql and len(our_sql) == 1
    assert _fields(ours) == _fields(theirs)
    assert ours.date_joined.tzinfo is not None  # the backend's converters ran (SQLite: text)
    assert not ours._state.adding and ours._state.db == "default"


def test_no_row_is_none_and_a_second_value_is_a_second_row():
    first, second = factories.user("a@example.org"), factories.user("b@example.org")
    by_pk = Statement(lambda pk: User.objects.filter(pk=pk), ("pk",))
    assert by_pk.first(first.pk).email == "a@example.org"
    assert by_pk.first(second.pk).email == "b@example.org"
    assert by_pk.first(second.pk + 1000) is None


def test_two_values_in_the_sqls_order_and_a_datetime_prepared_as_the_orm_prepares_it():
    store = SessionStore()
    store["x"] = 1
    store.create()
    by_key = Statement(
        lambda key, now: Session.objects.filter(session_key=key).filter(expire_date__gt=now),
        ("session_key", "expire_date"),
    )
    now = timezone.now()
    assert by_key.first(store.session_key, now).session_key == store.session_key
    _, sql = _sql(lambda: by_key.first(store.session_key, now))
    assert by_key.compiled() is True
    assert len(sql) == 1
    assert by_key.first(store.session_key, now + timedelta(days=365)) is None  # expired by then
    assert by_key.first("no-such-session-key", now) is None


def test_values_in_another_order_than_the_sql_are_refused_and_the_orm_answers():
    """One filter()'s keywords are sorted by name (expire_date before session_key), so these
    fields are in the wrong order: the first run's check sees it, and the ORM answers."""
    store = SessionStore()
    store["x"] = 1
    store.create()
    wrong = Statement(
        lambda key, now: Session.objects.filter(session_key=key, expire_date__gt=now),
        ("session_key", "expire_date"),
    )
    now = timezone.now()
    assert wrong.first(store.session_key, now).session_key == store.session_key
    assert wrong.compiled() is False
    assert wrong.first(store.session_key, now + timedelta(days=365)) is None


def test_a_none_value_is_the_orms_is_null():
    user = factories.user("null@example.org")
    by_name = Statement(lambda name: User.objects.filter(last_name=name), ("last_name",))
    User.objects.filter(pk=user.pk).update(last_name="")
    assert by_name.first(None) is None  # IS NULL: last_name is never NULL
    assert by_name.first("").pk == user.pk


def test_a_deferred_or_annotated_read_is_left_to_the_orm():
    from django.db.models import Value

    user = factories.user("only@example.org")
    only = Statement(lambda pk: User.objects.only("email").filter(pk=pk), ("pk",))
    annotated = Statement(lambda pk: User.objects.annotate(x=Value(7)).filter(pk=pk), ("pk",))
    assert only.first(user.pk).email == "only@example.org"
    assert annotated.first(user.pk).x == 7
    assert only.compiled() is False and annotated.compiled() is False
