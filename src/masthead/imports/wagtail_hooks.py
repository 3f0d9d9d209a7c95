"""Admin wiring for the Import page (``admin_views``): its URLs, a menu item shown to those
who may import, and the import permission in the group editor."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from masthead import converters  # noqa: F401 - registers <id:>

from . import admin_views


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("import/", admin_views.ImportIndexView.as_view(), name="imports_admin"),
        path("import/<id:run_id>/", admin_views.ImportRunView.as_view(), name="imports_admin_run"),
        path(
            "import/<id:run_id>/status/",
            admin_views.import_status,
            name="imports_admin_status",
        ),
        path(
            "import/<id:run_id>/<str:action>/",
            admin_views.import_action,
            name="imports_admin_action",
        ),
    ]


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):  # noqa: ANN001
        return admin_views.may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return _ImportMenuItem("Import", reverse("imports_admin"), icon_name="upload", order=480)


@hooks.register("register_permissions")
def register_import_permission():
    return Permission.objects.filter(content_type__app_label="imports", codename="run_import")
