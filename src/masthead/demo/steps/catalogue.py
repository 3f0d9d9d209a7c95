"""Step: the catalogue — topics, authors (with drawn portraits), plans, offers, the banner and
the scheduled promotion — from the data in ``masthead.demo.catalogue`` and ``world``.

Each item is found by its slug (or text, or name) before it is made, so a second build adds
nothing; models are validated (``full_clean``) as the admin's forms would.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from masthead.access.models import Promotion
from masthead.billing.models import Offer, Plan
from masthead.engagement.models import Banner
from masthead.newsroom.models import Author, Topic

from .. import images
from ..catalogue.billing import END_OF_NEXT_MONTH, OFFERS, PLANS
from ..catalogue.notices import BANNERS, PROMOTIONS
from ..context import Demo
from ..world import AUTHORS, TOPICS


def end_of_next_month(now: datetime) -> datetime:
    """Midnight at the start of the month after next, in the publication's time zone."""
    local = timezone.localtime(now)
    year, month = local.year, local.month + 2
    if month > 12:
        year, month = year + 1, month - 12
    return local.replace(year=year, month=month, day=1, hour=0, minute=0, second=0, microsecond=0)


def _create(model, **fields):
    obj = model(**fields)
    obj.full_clean()
    obj.save()
    return obj


def build(demo: Demo) -> None:
    with transaction.atomic():
        build_topics(demo)
        build_plans_and_offers(demo)
        build_notices(demo)
    build_authors(demo)


def build_topics(demo: Demo) -> None:
    found = {t.slug: t for t in Topic.objects.filter(slug__in=[t[0] for t in TOPICS])}
    for slug, name, description in TOPICS:
        if slug not in found:
            found[slug] = _create(Topic, slug=slug, name=name, description=description)
            demo.count("topics")
    demo.topics = found


def build_authors(demo: Demo) -> None:
    """Authors with a portrait each; portraits take a moment to draw, hence the bar."""
    found = {a.name: a for a in Author.objects.filter(name__in=[a[0] for a in AUTHORS])}
    missing = [a for a in AUTHORS if a[0] not in found]
    for name, role, bio, _beat in demo.bar(missing, desc="Portraits", unit="img"):
        slug = slugify(name)
        with transaction.atomic():
            photo = demo.save_image(
                images.draw_avatar(slug), f"Portrait: {name}", f"author-{slug}.jpg"
            )
            found[name] = _create(Author, name=name, slug=slug, role=role, bio=bio, photo=photo)
        demo.count("authors")
    demo.authors = found


def build_plans_and_offers(demo: Demo) -> None:
    plans = {}
    for fields in PLANS:
        plan = Plan.objects.filter(slug=fields["slug"]).first()
        if plan is None:
            plan = _create(Plan, **fields)
            demo.count("plans")
        plans[plan.slug] = plan
    starts, ends = demo.now - timedelta(hours=1), end_of_next_month(demo.now)
    for data in OFFERS:
        fields = {k: v for k, v in data.items() if k not in ("plan", "ends")}
        ends_at = ends if data["ends"] == END_OF_NEXT_MONTH else None
        offer = Offer.objects.filter(slug=data["slug"]).first()
        if offer is None:
            _create(Offer, plan=plans[data["plan"]], starts_at=starts, ends_at=ends_at, **fields)
            demo.count("offers")
        elif offer.ends_at and offer.ends_at <= demo.now:
            # A demo built long ago: keep its offers live rather than silently expired.
            offer.starts_at, offer.ends_at = starts, ends_at
            offer.save(update_fields=["starts_at", "ends_at"])


def build_notices(demo: Demo) -> None:
    for fields in BANNERS:
        if not Banner.objects.filter(text=fields["text"]).exists():
            _create(Banner, live=True, **fields)
            demo.count("banners")
    midnight = timezone.localtime(demo.now).replace(hour=0, minute=0, second=0, microsecond=0)
    for data in PROMOTIONS:
        fields = {k: v for k, v in data.items() if k not in ("starts_in_days", "days")}
        starts = midnight + timedelta(days=data["starts_in_days"])
        ends = starts + timedelta(days=data["days"])
        promotion = Promotion.objects.filter(name=data["name"]).first()
        if promotion is None:
            _create(Promotion, starts_at=starts, ends_at=ends, **fields)
            demo.count("promotions")
        elif promotion.ends_at <= demo.now:
            # Its day has passed since the demo was built: schedule it again, ahead.
            promotion.starts_at, promotion.ends_at = starts, ends
            promotion.save(update_fields=["starts_at", "ends_at"])


def reset(demo: Demo) -> None:
    Offer.objects.filter(slug__in=[o["slug"] for o in OFFERS]).delete()
    Plan.objects.filter(slug__in=[p["slug"] for p in PLANS]).delete()
    Banner.objects.filter(text__in=[b["text"] for b in BANNERS]).delete()
    Promotion.objects.filter(name__in=[p["name"] for p in PROMOTIONS]).delete()
    Author.objects.filter(name__in=[a[0] for a in AUTHORS]).delete()
    Topic.objects.filter(slug__in=[t[0] for t in TOPICS]).delete()
