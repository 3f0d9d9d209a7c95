"""Reader events move to their own app (``events``): copy the old rows, then drop the table.

The old log wrote a ``view_counted`` and a ``meter_message`` row for one counted view (same
reader, article and instant): the pair becomes one ``view_counted``; a ``meter_message`` alone
was a re-read (``view_reread``); ``view_free`` of a subscriber becomes ``view_subscriber``.
Old rows knew nothing of the policy or the article's access: those columns stay empty.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import migrations

BATCH = 2000


def _month(when, zone):
    local = when.astimezone(zone)
    return f"{local.year:04d}-{local.month:02d}"


def copy_events(apps, schema_editor):
    Old = apps.get_model("access", "ReaderEvent")
    New = apps.get_model("events", "ReaderEvent")
    zone = ZoneInfo(settings.TIME_ZONE)
    rows = Old.objects.order_by("created_at", "id").values(
        "kind", "reader_key", "status", "article_id", "wall", "channel", "created_at"
    )
    counted = set(
        Old.objects.filter(kind="view_counted").values_list("reader_key", "article_id", "created_at")
    )
    batch = []
    for row in rows.iterator(chunk_size=BATCH):
        same_view = (row["reader_key"], row["article_id"], row["created_at"])
        kind, outcome = row["kind"], ""
        if kind == "meter_message":
            if same_view in counted:
                continue
            kind, outcome = "view_reread", "metered"
        elif kind == "view_counted":
            outcome = "metered"
        elif kind == "wall_shown":
            outcome = "walled"
        elif kind == "view_free":
            outcome = "full"
            if row["status"] == "subscriber":
                kind = "view_subscriber"
        batch.append(
            New(
                kind=kind,
                created_at=row["created_at"],
                reader_key=row["reader_key"][:40],
                article_id=row["article_id"],
                channel=row["channel"][:8],
                status=row["status"],
                outcome=outcome,
                wall=row["wall"],
                counted=kind == "view_counted",
                month=_month(row["created_at"], zone),
            )
        )
        if len(batch) >= BATCH:
            New.objects.bulk_create(batch)
            batch = []
    New.objects.bulk_create(batch)


def copy_back(apps, schema_editor):
    Old = apps.get_model("access", "ReaderEvent")
    New = apps.get_model("events", "ReaderEvent")
    kinds = {"view_counted", "view_reread", "view_free", "view_subscriber", "wall_shown"}
    batch = []
    for e in New.objects.filter(kind__in=kinds).order_by("id").iterator(chunk_size=BATCH):
        kind = {"view_reread": "meter_message", "view_subscriber": "view_free"}.get(e.kind, e.kind)
        batch.append(
            Old(
                kind=kind,
                reader_key=e.reader_key,
                status=e.status[:16],
                article_id=e.article_id or 0,
                wall=e.wall,
                channel=e.channel or "web",
                created_at=e.created_at,
            )
        )
        if len(batch) >= BATCH:
            Old.objects.bulk_create(batch)
            batch = []
    Old.objects.bulk_create(batch)
    New.objects.filter(kind__in=kinds).delete()  # moved back, not copied: forward again is clean


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0003_alter_metersettings_last_article_message_and_more"),
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_events, copy_back),
        migrations.DeleteModel(name="ReaderEvent"),
    ]
