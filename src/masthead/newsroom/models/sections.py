"""A section front (World, Business, ...): its articles, newest first, paginated.

The section's RSS feed (``<section>/feed/``) is served by ``masthead.distribution.feeds``.
"""

from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from ..cardcounts import attach_comment_counts
from .articles import ArticlePage
from .pages import PublicPathMixin

SECTION_PAGE_SIZE = 12


class SectionPage(PublicPathMixin, Page):
    """A section front; ``?page=N`` pages through its articles."""

    intro = models.TextField(blank=True)
    show_in_navigation = models.BooleanField(default=True)
    navigation_order = models.PositiveSmallIntegerField(default=100)

    parent_page_types = ["newsroom.HomePage"]
    subpage_types = ["newsroom.ArticlePage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("show_in_navigation"), FieldPanel("navigation_order")], "Navigation"
        )
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.for_cards().child_of(self)
        page_obj = Paginator(articles, SECTION_PAGE_SIZE).get_page(request.GET.get("page"))
        page_obj.object_list = attach_comment_counts(page_obj.object_list)
        context["page_obj"] = page_obj
        return context
