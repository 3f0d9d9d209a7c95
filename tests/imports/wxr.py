"""Small WXR files of our own, for what the theme unit test data does not have."""

WP_ORG_12 = "http://wordpress.org/export/1.2/"
WP_ORG_11 = "http://wordpress.org/export/1.1/"


def wxr(items: str, ns: str = WP_ORG_12, version: str = "1.2", head: str = "") -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>{head}
<rss version="2.0" xmlns:excerpt="{ns}excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}">
<channel>
<title>Old Site</title><link>https://old.example.org</link>
<wp:wxr_version>{version}</wp:wxr_version>
<wp:base_site_url>https://old.example.org</wp:base_site_url>
<wp:author><wp:author_login><![CDATA[jo]]></wp:author_login>
<wp:author_display_name><![CDATA[Jo <script>alert(1)</script>Reporter]]></wp:author_display_name>
</wp:author>
<wp:category><wp:term_id>7</wp:term_id><wp:category_nicename><![CDATA[news]]></wp:category_nicename>
<wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category>
{items}
</channel></rss>
"""


def item(post_id: int, title: str, content: str, *, status="publish", slug=None, extra="",
         date="2021-03-04 05:06:07", post_type="post", excerpt="") -> str:  # fmt: skip
    slug = slug if slug is not None else f"post-{post_id}"
    return f"""<item><title><![CDATA[{title}]]></title>
<link>https://old.example.org/2021/03/{slug}/</link>
<dc:creator><![CDATA[jo]]></dc:creator>
<content:encoded><![CDATA[{content}]]></content:encoded>
<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id><wp:post_date_gmt>{date}</wp:post_date_gmt>
<wp:post_name>{slug}</wp:post_name><wp:status>{status}</wp:status>
<wp:post_type>{post_type}</wp:post_type>
<category domain="category" nicename="news"><![CDATA[News]]></category>
{extra}</item>"""


def attachment(post_id: int, url: str, parent: int = 0, caption: str = "") -> str:
    return f"""<item><title>img {post_id}</title><wp:post_id>{post_id}</wp:post_id>
<wp:post_parent>{parent}</wp:post_parent><wp:post_type>attachment</wp:post_type>
<wp:status>inherit</wp:status><excerpt:encoded><![CDATA[{caption}]]></excerpt:encoded>
<wp:attachment_url>{url}</wp:attachment_url></item>"""
