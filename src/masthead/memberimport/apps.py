from django.apps import AppConfig


class MemberImportConfig(AppConfig):
    name = "masthead.memberimport"
    label = "memberimport"
    verbose_name = "Member import"
