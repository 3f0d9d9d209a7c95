"""Django set up for a command of ``masthead`` (the CLI and the import commands it hands its
sub-parsers to): settings chosen, apps loaded — only when a command runs, never at import."""

import os

from masthead import datadir


def django_setup(*, production: bool = False) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    if production:
        os.environ.setdefault("MASTHEAD_DEBUG", "0")
    datadir.prepare()
    import django

    django.setup()
