"""RSS 2.0 feeds: the latest articles (``/feeds/latest/``), and one per section
(``/<section>/feed/``).

Feed readers are anonymous and nothing in a feed is counted, so each item asks the gate's
read-only ``decide`` on the feed channel: a gated article contributes its headline and
standfirst, and only articles open to everyone (free, sponsored, or inside a promotion) carry
their full text.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.template.loader import render_to_string
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape

from masthead.access.gate import Channel, decide
from masthead.access.readers import reader_for_user
from masthead.newsroom.models import SectionPage
from masthead.newsroom.selectors import attach_sections, live_articles

FEED_SIZE = 30


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self._reader = reader_for_user(None)
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=300"
        return response

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return settings.SITE_URL + item.public_path

    # A guid that survives a change of slug or section, so it is not the permalink.
    item_guid_is_permalink = False

    def item_guid(self, item):
        return f"{settings.SITE_URL}/?p={item.pk}"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return ", ".join(a.name for a in item.authors) or None

    def item_categories(self, item):
        categories = [item.section.title] if item.section else []
        if item.is_sponsored:
            categories.append(item.sponsor_label or "Sponsored content")
        return categories

    def item_description(self, item):
        gated = decide(self._reader, item, channel=Channel.FEED)
        label = ""
        if item.is_sponsored:
            label = (
                f"<p><strong>{escape(item.sponsor_label)}</strong> — paid for by "
                f"{escape(item.sponsor)}</p>"
            )
        intro = f"<p>{escape(item.standfirst)}</p>"
        if not gated.full_text:
            return label + intro
        body = render_to_string(
            "newsroom/includes/body_blocks.html", {"blocks": gated.preview + gated.rest}
        )
        return label + intro + body


class LatestFeed(ArticleFeed):
    def title(self):
        return f"{settings.WAGTAIL_SITE_NAME}: latest"

    def link(self):
        return settings.SITE_URL + "/"

    def description(self):
        return f"The latest stories from {settings.WAGTAIL_SITE_NAME}."

    def items(self):
        return attach_sections(live_articles()[:FEED_SIZE])


class SectionFeed(ArticleFeed):
    """``/<section>/feed/``: a live, public section's latest articles."""

    def get_object(self, request, section=None):
        page = SectionPage.objects.live().public().filter(slug=section, depth=3).first()
        if page is None:
            raise Http404("There is no such section.")
        return page

    def title(self, section):
        return f"{settings.WAGTAIL_SITE_NAME}: {section.title}"

    def link(self, section):
        return settings.SITE_URL + section.public_path

    def description(self, section):
        return section.intro or f"{section.title} from {settings.WAGTAIL_SITE_NAME}."

    def items(self, section):
        return attach_sections(live_articles().child_of(section)[:FEED_SIZE])
