"""Who may see the revenue dashboard: the "Revenue" group, which holds the revenue permission
and access to the Wagtail admin. ``revenue_access_grant`` puts a staff member in it."""

from django.contrib.auth.models import Group, Permission

GROUP = "Revenue"


def revenue_group() -> Group:
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["revenue", "wagtailadmin"],
            codename__in=["view_revenue", "access_admin"],
        )
    )
    return group


def revenue_access_grant(user) -> None:
    user.groups.add(revenue_group())
