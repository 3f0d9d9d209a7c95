"""An issue's bodies, rendered once per reader kind (never per recipient).

``issue_render`` cuts the article through the gate for each kind (``gating.email_cut``),
renders HTML (CSS inlined by css-inline, every URL absolute from ``MASTHEAD_SITE_URL``) and
plain text, and stores both on the issue. Per-recipient parts (unsubscribe and preference
links, tracked links, the open pixel) are placeholders that ``personalize`` fills with cheap
string replacement, so a batch of 100 recipients costs no template rendering at all.
"""

import re
from functools import cache

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import escape

from masthead.newsroom.body import block_text

from ..gating import email_cut
from ..models import Issue, ReaderKind
from ..tokens import tracking_token, unsubscribe_token

UNSUB, PREFS, PIXEL = "%%MH_UNSUB%%", "%%MH_PREFS%%", "%%MH_PIXEL%%"
_LINK = "%%MH_LINK_{}%%"
_HREF = re.compile(r'href="([^"]+)"')
_RELATIVE = re.compile(r'(href|src)="/(?!/)')


@cache
def _inliner():
    # Imported on first use, not at the top: css-inline is about 3.5 MB, and every server
    # process loads this module (through the admin's hooks) but only a render inlines.
    import css_inline

    return css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def _absolute(html: str) -> str:
    return _RELATIVE.sub(lambda m: f'{m.group(1)}="{settings.SITE_URL}/', html)


def _image_html(value) -> str:
    image = value.get("image")
    if image is None:
        return ""
    url = image.get_rendition("width-600").url
    alt = value.get("alt_text") or image.title
    caption = " ".join(x for x in (value.get("caption"), value.get("credit")) if x)
    figure = f'<img src="{escape(url)}" alt="{escape(alt)}" width="600" class="image">'
    return figure + (f'<p class="caption">{escape(caption)}</p>' if caption else "")


def _table_html(value) -> str:
    rows = [list(row) for row in value.get("rows") or []]
    cells = []
    for k, row in enumerate(rows):
        tag = "th" if k == 0 and value.get("header_row") else "td"
        cells.append("<tr>" + "".join(f"<{tag}>{escape(c)}</{tag}>" for c in row) + "</tr>")
    caption = value.get("caption")
    head = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f'<table class="body-table">{head}{"".join(cells)}</table>'


def _block_html(block, article_url: str) -> str:
    kind, value = block.block_type, block.value
    if kind == "paragraph":
        return str(value)
    if kind == "list":
        return str(value)
    if kind == "table":
        return _table_html(value)
    if kind == "crosshead":
        return f'<h2 class="crosshead">{escape(value)}</h2>'
    if kind == "quote":
        who = value.get("attribution")
        cite = f'<p class="quote-by">{escape(who)}</p>' if who else ""
        return f"<blockquote><p>{escape(value.get('text', ''))}</p>{cite}</blockquote>"
    if kind == "image":
        return _image_html(value)
    return f'<p class="online"><a href="{article_url}">See this on our website</a></p>'


def _lead(article) -> dict | None:
    if article.lead_image is None:
        return None
    return {
        "url": article.lead_image.get_rendition("width-600").url,
        "alt": article.lead_image_alt or article.title,
        "caption": " ".join(
            x for x in (article.lead_image_caption, article.lead_image_credit) if x
        ),
    }


def _render_kind(issue: Issue, kind: str) -> tuple[str, str]:
    article = issue.article
    gated = email_cut(article, kind)
    blocks = gated.preview + gated.rest
    article_url = f"{settings.SITE_URL}{article.public_path}"
    context = {
        "issue": issue,
        "newsletter": issue.newsletter,
        "article": article,
        "article_url": article_url,
        "authors": ", ".join(a.name for a in article.authors),
        "lead": _lead(article),
        "blocks": [_block_html(b, article_url) for b in blocks],
        "texts": [t for t in (block_text(b) for b in blocks) if t],
        "gated": gated.gated,
        "subscribe_url": f"{settings.SITE_URL}/subscribe/",
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": UNSUB,
        "preferences_url": PREFS,
        "pixel": PIXEL,
        "kind": kind,
    }
    html = _absolute(render_to_string("newsletters/email/issue.html", context))
    html = _inliner().inline(html)
    text = render_to_string("newsletters/email/issue.txt", context)
    return html, text


def _track_links(issue: Issue, html: str) -> str:
    def replace(match):
        url = match.group(1)
        if not url.startswith(("http://", "https://")) or "%%MH_" in url:
            return match.group(0)
        if url not in issue.links:
            issue.links.append(url)
        return f'href="{_LINK.format(issue.links.index(url))}"'

    return _HREF.sub(replace, html)


def issue_render(issue: Issue) -> None:
    """Render both cuts onto the issue (kept: a resumed send reuses them)."""
    issue.links = []
    for kind in ReaderKind:
        html, text = _render_kind(issue, kind)
        if issue.track_clicks:
            html = _track_links(issue, html)
        setattr(issue, f"html_{kind}", html)
        setattr(issue, f"text_{kind}", text)


def personalize(issue: Issue, kind: str, delivery_id: int, user_id: int | None) -> tuple:
    """(html, text, unsubscribe URL) for one recipient."""
    token = unsubscribe_token(user_id or 0, issue.newsletter_id)
    unsub = f"{settings.SITE_URL}/newsletters/unsubscribe/{token}/"
    prefs = f"{settings.SITE_URL}/newsletters/preferences/{token}/"
    html = getattr(issue, f"html_{kind}").replace(UNSUB, unsub).replace(PREFS, prefs)
    text = getattr(issue, f"text_{kind}").replace(UNSUB, unsub).replace(PREFS, prefs)
    pixel = ""
    if issue.track_opens:
        url = f"{settings.SITE_URL}/newsletters/o/{tracking_token(delivery_id)}.gif"
        pixel = f'<img src="{url}" width="1" height="1" alt="">'
    html = html.replace(PIXEL, pixel)
    if issue.track_clicks:
        for n in range(len(issue.links)):
            url = f"{settings.SITE_URL}/newsletters/c/{tracking_token(delivery_id, n)}/"
            html = html.replace(_LINK.format(n), url)
    return html, text, unsub


def preview_html(newsletter, article, subject: str, preheader: str, kind: str) -> str:
    """What a recipient of ``kind`` would see, for the admin's preview (nothing is saved)."""
    issue = Issue(newsletter=newsletter, article=article, subject=subject, preheader=preheader)
    html, _text = _render_kind(issue, kind)
    return html.replace(UNSUB, "#").replace(PREFS, "#").replace(PIXEL, "")
