"""The publication's page tree: one home page, section fronts under it, articles under sections.

URLs follow the tree: ``/<section>/<article>/``. The page types live in ``home``, ``sections``
and ``articles``; this module keeps the mixin they share (migrations refer to it by this path).
"""


class PublicPathMixin:
    """The page's path below the site root ("/world/some-story/"), computed without queries."""

    @property
    def public_path(self) -> str:
        parts = self.url_path.strip("/").split("/")[1:]
        return "/" + "/".join(parts) + "/" if parts else "/"
