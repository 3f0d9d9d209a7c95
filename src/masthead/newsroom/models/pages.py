"""The publication's page tree: one home page, section fronts under it, articles under sections.

URLs follow the tree: ``/<section>/<article>/``, and ``<article>/print/`` for the print view.
What a reader may see of an article's body is never decided here: ``serve`` asks the gate
(``masthead.access.gate``) and renders only the body that the gate returns.
"""

from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import ArticleBodyBlock
from ..body import body_text

ACCESS_CHOICES = [
    ("metered", "Metered: counts towards the free allowance"),
    ("free", "Free: open to everyone, never counted"),
    ("subscribers", "Subscribers only: always walled for others"),
]
SECTION_PAGE_SIZE = 12


class PublicPathMixin:
    """The page's path below the site root ("/world/some-story/"), computed without queries."""

    @property
    def public_path(self) -> str:
        parts = self.url_path.strip("/").split("/")[1:]
        return "/" + "/".join(parts) + "/" if parts else "/"


class HomePage(Page):
    """The front page: a lead story and a rail per section."""

    intro = models.TextField(blank=True)

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["newsroom.SectionPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    def get_context(self, request, *args, **kwargs):
        from ..selectors import front_page

        context = super().get_context(request, *args, **kwargs)
        context.update(front_page(self))
        return context


class SectionPage(PublicPathMixin, RoutablePageMixin, Page):
    """A section front (World, Business, ...): its articles, newest first, paginated."""

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

    @path("")
    def index_route(self, request):
        from ..selectors import articles_in_section

        paginator = Paginator(articles_in_section(self), SECTION_PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("page"))
        return self.render(request, context_overrides={"page_obj": page_obj})

    @path("feed/")
    def feed_route(self, request):
        from masthead.distribution.feeds import SectionFeed

        return SectionFeed()(request, section=self)


class ArticleAuthor(Orderable):
    article = ParentalKey(
        "newsroom.ArticlePage", related_name="article_authors", on_delete=models.CASCADE
    )
    author = models.ForeignKey("newsroom.Author", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("author")]


class ArticlePage(PublicPathMixin, RoutablePageMixin, Page):
    """A news article, or a sponsored article when a sponsor is named."""

    standfirst = models.TextField(help_text="The one- or two-line deck under the headline.")
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(max_length=400, blank=True)
    lead_image_credit = models.CharField(max_length=200, blank=True, help_text="e.g. © Agency")
    lead_image_alt = models.CharField(
        max_length=300, blank=True, help_text="Describe the image for screen readers."
    )
    dateline = models.CharField(max_length=80, blank=True, help_text='e.g. "TOKYO"')
    primary_topic = models.ForeignKey(
        "newsroom.Topic", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    topics = ParentalManyToManyField("newsroom.Topic", blank=True, related_name="articles")
    body = StreamField(ArticleBodyBlock(), blank=True)
    contributor_note = models.CharField(
        max_length=400, blank=True, help_text='e.g. "Staff writers A and B contributed."'
    )
    access = models.CharField(
        max_length=16, choices=ACCESS_CHOICES, default="metered", db_index=True
    )
    sponsor = models.CharField(
        max_length=200, blank=True, help_text="Naming a sponsor makes this sponsored content."
    )
    sponsor_label = models.CharField(max_length=80, blank=True, default="Sponsored content")
    sponsor_disclosure = models.TextField(
        blank=True,
        help_text="Shown in the disclosure box. Leave blank for the standard wording.",
    )

    parent_page_types = ["newsroom.SectionPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        InlinePanel("article_authors", label="Authors", min_num=0),
        MultiFieldPanel(
            [FieldPanel("dateline"), FieldPanel("primary_topic"), FieldPanel("topics")], "Placement"
        ),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
                FieldPanel("lead_image_alt"),
            ],
            "Lead image",
        ),
        FieldPanel("body"),
        FieldPanel("contributor_note"),
    ]
    settings_panels = Page.settings_panels + [
        FieldPanel("access"),
        MultiFieldPanel(
            [FieldPanel("sponsor"), FieldPanel("sponsor_label"), FieldPanel("sponsor_disclosure")],
            "Sponsored content",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("dateline"),
        index.SearchField("search_preview_text"),
        index.FilterField("access"),
        index.FilterField("first_published_at"),
    ]

    class Meta:
        indexes = [models.Index(fields=["access"], name="article_access_idx")]

    @property
    def is_sponsored(self) -> bool:
        return bool(self.sponsor.strip())

    @property
    def published_at(self):
        return self.first_published_at or self.latest_revision_created_at

    @cached_property
    def authors(self):
        return [link.author for link in self.article_authors.all()]

    @cached_property
    def section(self):
        return self.get_parent().specific

    def search_preview_text(self) -> str:
        """Only the always-public preview is indexed: a search can never match gated text."""
        from masthead.access.policy import preview_paragraphs

        return body_text(self.body, limit_paragraphs=preview_paragraphs())

    @path("")
    def index_route(self, request):
        from ..views import render_article

        return render_article(request, self, template="newsroom/article_page.html")

    @path("print/")
    def print_route(self, request):
        from ..views import render_article

        return render_article(request, self, template="newsroom/article_print.html")
