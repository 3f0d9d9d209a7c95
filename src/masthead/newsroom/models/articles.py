"""Articles: the page that carries a story, its authors, and the queryset every list starts from.

An article is served at ``/<section>/<article>/`` and ``<article>/print/``. What a reader may see
of its body is never decided here: both routes hand the page to ``newsroom.reading``, which asks
the gate (``masthead.access.gate``) and renders only the body the gate returns.
"""

from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from masthead.access.policy import preview_paragraphs

from ..blocks import ArticleBodyBlock
from ..body import body_text
from ..reading import ARTICLE_TEMPLATE, PRINT_TEMPLATE, Channel, render_article
from .pages import PublicPathMixin

# The renditions a card's lead image shows (includes/card.html's ``srcset_image`` specs), read
# with the list: no rendition query, and no cache read or write, per card.
CARD_RENDITIONS = ("fill-240x135", "fill-480x270", "fill-960x540")

ACCESS_CHOICES = [
    ("metered", "Metered: counts towards the free allowance"),
    ("free", "Free: open to everyone, never counted"),
    ("subscribers", "Subscribers only: always walled for others"),
]


class ArticleAuthor(Orderable):
    article = ParentalKey(
        "newsroom.ArticlePage", related_name="article_authors", on_delete=models.CASCADE
    )
    author = models.ForeignKey("newsroom.Author", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("author")]


class ArticleQuerySet(PageQuerySet):
    def for_cards(self):
        """Live, public articles, newest first, with what their cards show prefetched (authors,
        lead image and its card renditions, topic), so a list costs a fixed number of queries
        however long it is."""
        images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
        return (
            self.live()
            .public()
            .select_related("primary_topic")
            .prefetch_related(
                Prefetch("lead_image", queryset=images),
                Prefetch(
                    "article_authors",
                    queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
                ),
            )
            .order_by("-first_published_at", "-pk")
        )


class ArticlePage(PublicPathMixin, RoutablePageMixin, Page):
    """A news article, or a sponsored article when a sponsor is named."""

    objects = PageManager.from_queryset(ArticleQuerySet)()

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
        return body_text(self.body, limit_paragraphs=preview_paragraphs())

    @path("")
    def index_route(self, request):
        return render_article(request, self, ARTICLE_TEMPLATE)

    @path("print/")
    def print_route(self, request):
        return render_article(request, self, PRINT_TEMPLATE, Channel.PRINT)
