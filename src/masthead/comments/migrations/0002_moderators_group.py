"""The "Comment moderators" group: the moderation permission and admin access. Permissions are
created here, not left to post_migrate, so the group is complete on a fresh database too."""

from django.db import migrations

GROUP = "Comment moderators"


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    comment_type, _ = ContentType.objects.get_or_create(app_label="comments", model="comment")
    moderate, _ = Permission.objects.get_or_create(
        content_type=comment_type,
        codename="moderate_comments",
        defaults={"name": "Can moderate readers' comments"},
    )
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(moderate, access)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
