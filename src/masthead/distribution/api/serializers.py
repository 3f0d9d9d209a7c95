"""Plain dicts for the API: one shape per resource, matching CONTRACT.md exactly."""

from django.conf import settings


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
        # Published comments (``newsroom.cardcounts``): a count, never their text.
        "comment_count": getattr(article, "comment_count", 0),
    }


def article_detail(snap, gated) -> dict:
    """One article from its snapshot, with the body the gate allowed (per-reader blocks such
    as callouts are web-only and left out)."""
    blocks = gated.preview + gated.rest
    data = {
        "id": snap.pk,
        "url": settings.SITE_URL + snap.public_path,
        "headline": snap.title,
        "standfirst": snap.standfirst,
        "section": {"slug": snap.section["slug"], "title": snap.section["title"]}
        if snap.section
        else None,
        "authors": [
            {"name": a["name"], "role": a["role"], "slug": a["slug"]} for a in snap.authors
        ],
        "published_at": snap.first_published_at.isoformat() if snap.first_published_at else None,
        "access": snap.access,
        "sponsored": snap.is_sponsored,
        "dateline": snap.dateline,
        "topics": [{"slug": t["slug"], "name": t["name"]} for t in snap.topics],
        "primary_topic": {"slug": snap.primary_topic["slug"], "name": snap.primary_topic["name"]}
        if snap.primary_topic
        else None,
        "lead_image": _lead_image(snap),
        "body": "".join(b.html for b in blocks if b.live_id is None),
        "contributor_note": snap.contributor_note if gated.full_text else "",
        "gated": gated.gated,
        "wall": gated.wall["kind"] if gated.wall else None,
        "meter": _meter(gated),
    }
    if snap.is_sponsored:
        data["sponsor"] = {"name": snap.sponsor, "label": snap.sponsor_label}
    return data


def meter_json(reading) -> dict:
    """A ``MeterReading`` as JSON: ``/api/v1/me/`` and each article's ``meter``."""
    return {
        "limit": reading.limit,
        "used": reading.used,
        "remaining": reading.remaining,
        "resets_at": reading.resets_at.isoformat(),
    }


def _meter(gated):
    if gated.meter.limit is None or gated.decision.awaiting_record:
        return None  # no meter applied, or the view was not counted (HEAD, prefetch)
    return {**meter_json(gated.meter), "message": gated.meter_message or None}


def _lead_image(snap):
    lead = snap.lead
    if lead is None:
        return None
    return {
        "url": settings.SITE_URL + lead["api"]["url"],
        "width": lead["api"]["width"],
        "height": lead["api"]["height"],
        "alt": lead["alt"],
        "caption": lead["caption"],
        "credit": lead["credit"],
    }
