"""Plain dicts for the API: one shape per resource, matching CONTRACT.md exactly."""

from django.conf import settings
from django.template.loader import render_to_string


def article_summary(article) -> dict:
    section = article.section
    return {
        "id": article.pk,
        "url": settings.SITE_URL + article.public_path,
        "headline": article.title,
        "standfirst": article.standfirst,
        "section": {"slug": section.slug, "title": section.title} if section else None,
        "authors": [{"name": a.name, "role": a.role, "slug": a.slug} for a in article.authors],
        "published_at": article.first_published_at.isoformat()
        if article.first_published_at
        else None,
        "access": article.access,
        "sponsored": article.is_sponsored,
    }


def article_detail(article, gated) -> dict:
    data = article_summary(article)
    blocks = gated.preview + gated.rest
    data.update(
        {
            "dateline": article.dateline,
            "topics": [{"slug": t.slug, "name": t.name} for t in article.topics.all()],
            "primary_topic": {
                "slug": article.primary_topic.slug,
                "name": article.primary_topic.name,
            }
            if article.primary_topic
            else None,
            "lead_image": _lead_image(article),
            "body": render_to_string("newsroom/includes/body_blocks.html", {"blocks": blocks}),
            "contributor_note": article.contributor_note if gated.full_text else "",
            "gated": gated.gated,
            "wall": gated.wall["kind"] if gated.wall else None,
            "meter": _meter(gated),
        }
    )
    if article.is_sponsored:
        data["sponsor"] = {"name": article.sponsor, "label": article.sponsor_label}
    return data


def _meter(gated):
    m = gated.meter
    if not m or m.get("limit") is None:
        return None
    return {
        "limit": m["limit"],
        "used": m["used"],
        "remaining": m["remaining"],
        "resets_at": m["resets_at"].isoformat(),
        "message": gated.meter_message or None,
    }


def _lead_image(article):
    image = article.lead_image
    if image is None:
        return None
    rendition = image.get_rendition("width-1200")
    return {
        "url": settings.SITE_URL + rendition.url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": article.lead_image_alt or article.title,
        "caption": article.lead_image_caption,
        "credit": article.lead_image_credit,
    }
