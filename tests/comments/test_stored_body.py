"""A comment's body is rendered once, when it is written (``Comment.body_html``), and threads
join the stored markup: every way a body is written keeps the two in step."""

import importlib

import pytest
from django.apps import apps
from django.db.models import F
from django.utils import timezone

from masthead.comments.models import Comment
from masthead.comments.services import comment_delete, comment_edit
from masthead.comments.text import comment_html
from tests import factories
from tests.comments.support import comment, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def free(world):
    return factories.article(world, access="free")


def test_create_save_and_bulk_create_render_the_body(free):
    author = factories.user()
    made = comment(free, author, body="<b>Hi</b>\n\nsee https://example.org/x")
    assert made.body_html == comment_html(made.body)
    assert Comment.objects.get(pk=made.pk).body_html.startswith("<p>&lt;b&gt;Hi")
    made.body = "Second thoughts."
    made.save(update_fields=["body"])
    assert Comment.objects.get(pk=made.pk).body_html == "<p>Second thoughts.</p>"
    [bulk] = Comment.objects.bulk_create(
        [Comment(article_id=free.pk, author=author, body="In bulk.", created_at=timezone.now())]
    )
    assert Comment.objects.get(pk=bulk.pk).body_html == "<p>In bulk.</p>"


def test_saving_a_comment_loaded_without_its_body_reads_no_body(free, django_assert_num_queries):
    made = comment(free, body="Kept as written.")
    partial = Comment.objects.only("pk", "like_count").get(pk=made.pk)
    partial.like_count = 3
    with django_assert_num_queries(1):  # the UPDATE alone, no query for the deferred body
        partial.save(update_fields=["like_count"])
    assert Comment.objects.get(pk=made.pk).body_html == "<p>Kept as written.</p>"


def test_an_edit_and_a_delete_keep_the_markup_in_step(free):
    author = factories.user()
    top = comment(free, author, body="First version.")
    comment(free, factories.user("other@example.org"), body="A reply.", parent=top)
    comment_edit(author, top, "Edited <i>version</i>.")
    assert Comment.objects.get(pk=top.pk).body_html == "<p>Edited &lt;i&gt;version&lt;/i&gt;.</p>"
    comment_delete(author, top)  # it has a reply, so it stays as a placeholder
    kept = Comment.objects.get(pk=top.pk)
    assert kept.deleted and kept.body == "" and kept.body_html == ""


def test_an_update_of_the_body_by_expression_is_refused(free):
    comment(free)
    with pytest.raises(ValueError, match="body_html"):
        Comment.objects.update(body=F("status_reason"))


def test_the_thread_serves_the_stored_markup(free):
    author = factories.user()
    made = comment(free, author, body="What the reader wrote.")
    made.body_html = "<p>STORED-MARKUP</p>"
    Comment.objects.bulk_update([made], ["body_html"])  # bulk_update writes it as given
    html = signed_in(author).get(f"/comments/{free.pk}/").content.decode()
    assert "STORED-MARKUP" in html and "What the reader wrote." not in html


def test_the_migration_renders_existing_rows(free):
    made = comment(free, body="Written before the column existed.")
    made.body_html = ""
    Comment.objects.bulk_update([made], ["body_html"])
    migration = importlib.import_module("masthead.comments.migrations.0003_comment_body_html")
    migration.render_bodies(apps, None)
    assert Comment.objects.get(pk=made.pk).body_html == (
        "<p>Written before the column existed.</p>"
    )
