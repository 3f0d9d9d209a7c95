"""The front page: a lead story, the next top stories, and a rail per section."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ..selectors import front_page


class HomePage(Page):
    """The site's root page; there is exactly one."""

    intro = models.TextField(blank=True)

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["newsroom.SectionPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(front_page(self))
        return context
