"""Comments keep their rendered body (``body_html``) so a thread joins stored markup; the
existing rows are rendered here, in batches."""

from django.db import migrations, models

BATCH = 500


def render_bodies(apps, schema_editor):
    from masthead.comments.models.threads import rendered

    Comment = apps.get_model("comments", "Comment")
    batch = []
    for comment in Comment.objects.only("pk", "body").iterator(chunk_size=BATCH):
        comment.body_html = rendered(comment.body)
        batch.append(comment)
        if len(batch) >= BATCH:
            Comment.objects.bulk_update(batch, ["body_html"])
            batch = []
    if batch:
        Comment.objects.bulk_update(batch, ["body_html"])


class Migration(migrations.Migration):
    dependencies = [("comments", "0002_moderators_group")]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="body_html",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(render_bodies, migrations.RunPython.noop),
    ]
