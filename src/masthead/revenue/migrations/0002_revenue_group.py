"""The "Revenue" group (the dashboard's permission and admin access); the demo editor, if the
demo was built already, joins it. Permissions are created here, not left to post_migrate, so
the group is complete on a fresh database too."""

from django.db import migrations

EDITOR = "editor@example.com"


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")
    revenue_type, _ = ContentType.objects.get_or_create(app_label="revenue", model="dailymetric")
    view, _ = Permission.objects.get_or_create(
        content_type=revenue_type,
        codename="view_revenue",
        defaults={"name": "Can see the revenue dashboard"},
    )
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group, _ = Group.objects.get_or_create(name="Revenue")
    group.permissions.add(view, access)
    for user in User.objects.filter(email__iexact=EDITOR):
        user.groups.add(group)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Revenue").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("revenue", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
