"""The bulk page writer moved to ``masthead.newsroom.bulk`` (the content import uses it too);
this name stays for the demo's ``--scale`` step."""

from masthead.newsroom.bulk import insert_live, title_norms_once

__all__ = ["insert_live", "title_norms_once"]
