"""The writer: fills a story kind's templates and the sentence pools from a seeded context."""

import random
from html import escape

from django.utils.text import slugify

from ..world import (
    BUSINESS_CITIES,
    COMMODITIES,
    COMPANIES,
    COUNTRIES,
    FIRST_NAMES,
    LAST_NAMES,
    RESEARCH_FIRMS,
    SECTORS,
    STARTUPS,
    STOCK_INDICES,
    TOPICS,
)
from .columns import (
    OPINION_CROSSHEADS,
    OPINION_HEADLINES,
    OPINION_MOVES,
    OPINION_STANDFIRSTS,
    QUARTERS,
    RELATED_TOPICS,
    SPEAKER_ROLES,
    SPONSORED_HEADLINE,
    SPONSORED_PARAGRAPHS,
    SPONSORED_STANDFIRST,
    WEEKDAYS,
)
from .kind import Kind
from .kinds import KINDS, SECTION_KINDS
from .pools import BIZ, POL, ROLE_ORDER
from .story import Story

TOPIC_NAMES = {slug: name for slug, name, _ in TOPICS}


def short_slug(headline: str, limit: int = 70) -> str:
    """The headline's slug, cut at a word boundary."""
    slug = slugify(headline)
    if len(slug) <= limit:
        return slug
    return slug[: limit + 1].rsplit("-", 1)[0]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _money(rng: random.Random, low: float, high: float) -> tuple[str, str]:
    """A dollar amount in words for the body and in short form for headlines."""
    value = rng.uniform(low, high)
    if value >= 1000:
        return f"${value / 1000:.1f} billion", f"${value / 1000:.1f}bn"
    return f"${value:.0f} million", f"${value:.0f}m"


class Fill(dict):
    """Template context that adds a capitalised ``Key`` for every ``key``.

    Secondary figures (``pct_small``, ``pct2``, ``amount_d``, ``amount2_d``) are drawn afresh
    each time a sentence uses them, so one paragraph never repeats the same number.
    """

    def __init__(self, rng: random.Random, **values):
        super().__init__(**values)
        self.rng = rng

    def __missing__(self, key):
        rng = self.rng
        if key == "pct_small":
            return f"{rng.uniform(0.4, 4.5):.1f} percent"
        if key == "pct2":
            return f"{rng.uniform(8, 35):.0f} percent"
        if key == "amount_d":
            return _money(rng, 400, 6000)[0]
        if key == "amount2_d":
            return _money(rng, 60, 900)[0]
        lower = key[:1].lower() + key[1:]
        if lower != key and (lower in self or lower in DYNAMIC):
            return _cap(str(self[lower]))
        raise KeyError(key)


DYNAMIC = {"pct_small", "pct2", "amount_d", "amount2_d"}


# Which firms fit which stories (default: any).
KIND_SECTORS = {
    "chipplant": ("chips",),
    "outage": ("software", "banking"),
    "funding": ("software",),
    "commodity": ("mining",),
    "stocks": ("chips", "autos", "shipping", "mining"),
}


def _context(rng: random.Random, kind_name: str) -> Fill:
    sectors = KIND_SECTORS.get(kind_name)
    company = rng.choice([c for c in COMPANIES if sectors is None or c.sector in sectors])
    sector = SECTORS[company.sector]
    rivals = [c for c in COMPANIES if c.sector == company.sector and c != company]
    rival = rivals[0] if rivals else rng.choice(COMPANIES)
    country = rng.choice(COUNTRIES)
    country2 = rng.choice([c for c in COUNTRIES if c != country])
    startup, service = rng.choice(STARTUPS)
    commodity = rng.choice(COMMODITIES)
    amount, amount_hl = _money(rng, 400, 9000)
    amount2, _ = _money(rng, 60, 900)
    leader_title, _, _leader_name = country.leader.partition(" ")
    if country.leader.startswith("Prime Minister"):
        leader_title = "prime minister"
    city = company.city
    site = rng.choice([c.capital for c in COUNTRIES] + BUSINESS_CITIES)
    if site == city:
        site = country.capital
    firm, firm2 = rng.sample(RESEARCH_FIRMS, 2)
    return Fill(
        rng,
        co=company.name,
        co_short=company.short,
        rival=rival.name,
        product=sector.product,
        facility=sector.facility,
        metric=sector.metric,
        customers=sector.customers,
        city=city,
        site=site,
        staff=f"{rng.randrange(4, 60) * 500:,}",
        jobs=f"{rng.randrange(3, 40) * 100:,}",
        analyst=_person(rng),
        analyst2=_person(rng),
        analyst_firm=firm,
        analyst_firm2=firm2,
        newceo=_person(rng),
        minister=_person(rng),
        pct=f"{rng.uniform(3, 24):.1f} percent",
        pct_hl=f"{rng.randrange(8, 40)}%",
        moved=rng.choice(["rose", "gained", "fell", "slipped"]),
        pp=f"{rng.uniform(0.3, 2.5):.1f}",
        amount=amount,
        amount2=amount2,
        amount_hl=amount_hl,
        quarter=rng.choice(QUARTERS),
        weekday=rng.choice(WEEKDAYS),
        index=STOCK_INDICES.get(city, "the regional benchmark index"),
        index_c=_cap(STOCK_INDICES.get(city, "the regional benchmark index")),
        country=country.name,
        adj=country.adj,
        capital=country.capital,
        country2=country2.name,
        leader=country.leader,
        leader_title_c=_cap(leader_title),
        ruling_party=country.ruling_party,
        opposition=country.opposition,
        currency=country.currency,
        currency_hl=_cap(country.currency.removeprefix("the ")),
        debt_pct=f"{rng.randrange(45, 95)} percent",
        unemployment=f"{rng.uniform(3, 11):.1f} percent",
        deficit=f"{rng.uniform(1.5, 3.5):.1f} percent",
        deficit_high=f"{rng.uniform(3.6, 6):.1f} percent",
        rate=f"{rng.randrange(9, 30) * 0.25:.2f} percent",
        years=rng.randrange(3, 15),
        months=rng.randrange(6, 30),
        ships=rng.randrange(20, 90),
        startup=startup,
        service=service,
        commodity=commodity,
        commodity_c=_cap(commodity),
    )


class Writer:
    """Writes stories. ``Writer(seed).story(i)`` is the same story for the same ``i`` and seed."""

    def __init__(self, seed: int = 2024):
        self.seed = seed

    def rng(self, index: int) -> random.Random:
        return random.Random(f"masthead-demo:{self.seed}:{index}")

    # -- public ------------------------------------------------------------------------------

    def story(self, index: int, section: str, kind_name: str | None = None) -> Story:
        rng = self.rng(index)
        if section == "opinion":
            return self._opinion(rng, index)
        kind_name = kind_name or SECTION_KINDS[section][index % len(SECTION_KINDS[section])]
        kind = KINDS[kind_name]
        ctx = _context(rng, kind_name)
        headline = rng.choice(kind.headlines).format_map(ctx)
        standfirst = rng.choice(kind.standfirsts).format_map(ctx)
        pools = BIZ if kind.domain == "biz" else POL
        dateline = (ctx["capital"] if kind.domain == "pol" else ctx["city"]).upper()
        role = SPEAKER_ROLES.get(kind_name) or (
            "{adj} finance minister" if kind.domain == "pol" else "chief executive of {co}"
        )
        name = (
            ctx["minister"]
            if kind.domain == "pol" and kind_name not in SPEAKER_ROLES
            else (_person(rng))
        )
        speaker = f"{name}, {role.format_map(ctx)}"
        if kind_name == "leadership":
            speaker = f"{ctx['newceo']}, the incoming chief executive"
        blocks = self._news_body(rng, kind, ctx, pools, speaker)
        topics = self._topics(rng, kind, ctx)
        return Story(
            kind=kind_name,
            section=section,
            headline=headline,
            standfirst=standfirst,
            dateline=dateline,
            slug=short_slug(headline),
            topics=topics,
            blocks=blocks,
            art=kind.art,
            caption=f"{kind.caption}, drawn for this story.",
            people={"speaker": speaker},
        )

    def sponsored(self) -> Story:
        blocks: list[tuple[str, object]] = []
        for i, text in enumerate(SPONSORED_PARAGRAPHS):
            if i in (3, 7, 11):
                blocks.append(
                    (
                        "crosshead",
                        {
                            3: "Data in the cold chain",
                            7: "Standards and skills",
                            11: "Ports and shelves",
                        }[i],
                    )
                )
            blocks.append(("paragraph", f"<p>{escape(text, quote=False)}</p>"))
        blocks.insert(
            6,
            (
                "quote",
                {
                    "text": "The cheapest cold store is the one that is full. Sharing capacity is "
                    "how "
                    "smaller growers will compete.",
                    "attribution": "A regional logistics planner",
                },
            ),
        )
        return Story(
            kind="sponsored",
            section="business",
            headline=SPONSORED_HEADLINE,
            standfirst=SPONSORED_STANDFIRST,
            dateline="",
            slug=short_slug(SPONSORED_HEADLINE),
            topics=["shipping", "trade", "climate"],
            blocks=blocks,
            art="waves",
            caption="An illustration drawn for this partner content.",
        )

    # -- internals -----------------------------------------------------------------------------

    def _topics(self, rng, kind: Kind, ctx) -> list[str]:
        """The primary topic first, then two or three related ones."""
        primary = kind.topics[0]
        if kind.domain == "biz" and kind.section == "business":
            primary = SECTORS[next(c for c in COMPANIES if c.name == ctx["co"]).sector].topic
        others = [t for t in kind.topics if t != primary]
        related = RELATED_TOPICS[kind.domain]
        extra = [t for t in related if t != primary and t not in others]
        others += rng.sample(extra, 2)
        return [primary, *others[: rng.choice([2, 3])]]

    def _paragraph(self, rng, pools, role, used, ctx, count) -> str | None:
        choices = [s for s in pools[role] if s not in used]
        if len(choices) < 2:
            return None
        picked = rng.sample(choices, min(count, len(choices)))
        used.update(picked)
        return " ".join(s.format_map(ctx) for s in picked)

    def _news_body(self, rng, kind: Kind, ctx, pools, speaker) -> list[tuple[str, object]]:
        paragraphs = [rng.choice(kind.ledes).format_map(ctx), rng.choice(kind.nuts).format_map(ctx)]
        quotes = [q.format_map(ctx) for q in kind.quotes]
        rng.shuffle(quotes)
        how = rng.choice(
            [
                "",
                ", in a statement",
                ", speaking to reporters",
                ", in an interview",
                ", at a news conference",
            ]
        )
        spoken = quotes[0][:-1] + "," if quotes[0].endswith(".") else quotes[0]
        opening = rng.sample(pools["context"], 2)
        used: set[str] = set(opening)
        paragraphs.append(
            f"“{spoken}” said {speaker}{how}. " + " ".join(s.format_map(ctx) for s in opening)
        )
        target = rng.randrange(11, 15)  # paragraphs in all, before the closing one
        roles = ROLE_ORDER[:]
        rng.shuffle(roles)
        role_index = 0
        while len(paragraphs) < target and role_index < len(roles) * 2:
            role = roles[role_index % len(roles)]
            role_index += 1
            text = self._paragraph(rng, pools, role, used, ctx, rng.choice([3, 4, 4]))
            if text:
                paragraphs.append(text)
        closing = self._paragraph(rng, pools, "outlook", used, ctx, 2)
        paragraphs.append(closing)
        crossheads = list(kind.crossheads)
        rng.shuffle(crossheads)
        n_cross = 0 if rng.random() < 0.1 else rng.choice([2, 2, 3])
        cut_points = sorted(rng.sample(range(3, len(paragraphs) - 1), n_cross)) if n_cross else []
        blocks: list[tuple[str, object]] = []
        quote_at = rng.randrange(4, len(paragraphs) - 1) if rng.random() < 0.5 else None
        for i, text in enumerate(paragraphs):
            if i in cut_points:
                blocks.append(("crosshead", crossheads[cut_points.index(i)]))
            blocks.append(("paragraph", f"<p>{escape(text, quote=False)}</p>"))
            if i == quote_at:
                blocks.append(("quote", {"text": quotes[1], "attribution": speaker}))
        return blocks

    def _opinion(self, rng, index: int) -> Story:
        topic = rng.choice(
            [
                "trade",
                "energy",
                "property",
                "labour",
                "climate",
                "banking",
                "artificial-intelligence",
                "infrastructure",
            ]
        )
        ctx = _context(rng, "budget")
        ctx["topic_l"] = TOPIC_NAMES[topic].lower()
        if topic == "artificial-intelligence":
            ctx["topic_l"] = "AI"
        headline = _cap(rng.choice(OPINION_HEADLINES).format_map(ctx))
        standfirst = rng.choice(OPINION_STANDFIRSTS).format_map(ctx)
        moves = (
            [OPINION_MOVES[0]]
            + sorted(rng.sample(OPINION_MOVES[1:-1], rng.randrange(8, 11)), key=OPINION_MOVES.index)
            + [OPINION_MOVES[-1]]
        )
        blocks: list[tuple[str, object]] = []
        crossheads = rng.sample(OPINION_CROSSHEADS, 2)
        extras = rng.sample(BIZ["background"] + POL["background"] + POL["context"], len(moves))
        for i, move in enumerate(moves):
            if i in (4, 8):
                blocks.append(("crosshead", crossheads[i // 4 - 1]))
            text = " ".join(s.format_map(ctx) for s in move + [extras[i]])
            blocks.append(("paragraph", f"<p>{escape(text, quote=False)}</p>"))
        topics = [topic] + rng.sample([t for t, _, _ in TOPICS if t != topic], 2)
        return Story(
            kind="opinion",
            section="opinion",
            headline=headline,
            standfirst=standfirst,
            dateline="",
            slug=short_slug(headline),
            topics=topics,
            blocks=blocks,
            art="circles",
            caption="An illustration drawn for this column.",
        )
