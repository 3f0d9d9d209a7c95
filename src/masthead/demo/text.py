"""An original, deterministic generator of plausible business and world news.

The demo needs dozens (and, for benchmarks, thousands) of articles that read like a serious
newspaper: a headline, a one-line deck, a dateline, a body of eight to fourteen paragraphs with
crossheads, quotes and figures. Every sentence here was written for Masthead; the people, firms
and countries are invented (see ``world``). Nothing is copied from a real publication.

How it works: each story has a *kind* (an earnings report, a rate decision, an election...). A
kind supplies the headline, deck, opening paragraphs, quotes and crossheads; the rest of the body
is assembled from pools of sentences by role (context, analysis, figures, background, risks,
reaction, outlook) for the story's domain (business or politics). Slots such as ``{co}`` or
``{pct}`` are filled from a context of invented names and numbers. Opinion columns follow a fixed
order of argumentative moves instead.

Everything is driven by ``random.Random`` seeded with the article's index, so the same index
always yields the same story: the demo is reproducible, and re-running it finds the same slugs.
"""

import random
import re
from dataclasses import dataclass, field
from html import escape

from django.utils.text import slugify

from .world import (
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

TOPIC_NAMES = {slug: name for slug, name, _ in TOPICS}


@dataclass
class Story:
    """One generated article, ready for the builder to turn into an ``ArticlePage``."""

    kind: str
    section: str
    headline: str
    standfirst: str
    dateline: str
    slug: str
    topics: list[str]  # topic slugs, the first is the primary topic
    blocks: list[tuple[str, object]]  # ("paragraph", html) / ("crosshead", text) / ("quote", {})
    art: str  # the illustration's composition: chart, skyline, map, waves, circuit
    caption: str
    alt: str
    people: dict = field(default_factory=dict)

    @property
    def word_count(self) -> int:
        words = 0
        for kind, value in self.blocks:
            if kind == "paragraph":
                words += len(re.sub(r"<[^>]+>", " ", value).split())
            elif kind == "crosshead":
                words += len(str(value).split())
            elif kind == "quote":
                words += len(value["text"].split())
        return words


# --- sentence pools by role ---------------------------------------------------------------------

BIZ = {
    "context": [
        "{Co_short} has spent the past two years reshaping itself around {product}, one of the "
        "fastest-growing markets in the region.",
        "The company employs about {staff} people and counts many of the region's largest "
        "{customers} among its clients.",
        "Demand for {product} has swung sharply in recent years, leaving suppliers with either too "
        "much capacity or too little.",
        "Rivals including {rival} have announced similar plans, raising questions about whether "
        "the market can absorb so much new supply.",
        "For {co_short}, the stakes are unusually high: its {product} business now accounts for "
        "more than half of group revenue.",
        "Executives have told investors that the next phase of growth will come from outside the "
        "company's home market.",
        "The move follows a strategic review launched last year under pressure from shareholders "
        "who complained that the group had become too complex.",
        "Its closest competitor, {rival}, has taken a more cautious line, preferring to return "
        "cash to shareholders rather than expand.",
        "Much of the recent growth has come from {customers}, which have been racing to secure "
        "supply ahead of expected shortages.",
        "Industry figures show that {metric} across the sector rose {pct_small} in the most recent "
        "quarter, the fastest pace in more than a year.",
        "The group was founded in {city} as a family business and still keeps its headquarters a "
        "short walk from where it started.",
        "Management has set a target of doubling overseas sales within five years, an ambition "
        "that some investors regard as optimistic.",
    ],
    "analyst": [
        "{Analyst}, an analyst at {analyst_firm}, said the announcement was “better than feared” "
        "but warned that the company still faced a difficult year.",
        "Analysts at {analyst_firm} described the plan as ambitious and said execution would "
        "matter more than the headline numbers.",
        "Several analysts said the market had been too quick to punish the stock and that the "
        "long-term case remained intact.",
        "“The question is not whether demand is there, but whether margins hold while everyone "
        "adds capacity,” said {analyst} of {analyst_firm}.",
        "Credit analysts were more sceptical, noting that the company's debt has roughly doubled "
        "in three years.",
        "{Analyst_firm} raised its price target on the shares by {pct_small}, citing stronger cash "
        "flow and a more disciplined approach to spending.",
        "Some investors have questioned whether management has the experience to run a business "
        "of this size across so many markets.",
        "Brokers broadly expect earnings to recover next year, although the range of forecasts "
        "has widened considerably.",
        "“They have bought themselves time, not a solution,” said {analyst2}, who follows the "
        "sector for {analyst_firm2}.",
    ],
    "numbers": [
        "Revenue rose {pct} from a year earlier to {amount}, while operating profit climbed to "
        "{amount2}.",
        "Net profit for the {quarter} came in at {amount2}, ahead of the consensus forecast of "
        "analysts surveyed before the results.",
        "The group ended the period with cash of {amount_d}, giving it room to keep investing even "
        "if conditions worsen.",
        "Capital spending is expected to reach {amount_d} this year, most of it directed at new "
        "{facility} projects.",
        "Margins narrowed by {pp} percentage points as higher wage and energy costs offset "
        "stronger pricing.",
        "The company said it would raise its dividend by {pct_small} and buy back up to "
        "{amount2_d} "
        "of its own shares.",
        "Orders booked in the period, a closely watched indicator of future sales, rose {pct2}.",
        "Costs linked to the reorganisation will total about {amount2_d}, most of which will be "
        "booked in the current financial year.",
    ],
    "background": [
        "The region's economies have leaned heavily on exports for decades, and companies such "
        "as {co_short} have been among the biggest beneficiaries.",
        "Higher interest rates have raised the cost of financing large projects, forcing many "
        "companies to rethink their plans.",
        "Governments across the region are offering subsidies and tax breaks to attract "
        "investment in industries they regard as strategic.",
        "Supply chains that once ran through a handful of hubs are being redrawn as "
        "manufacturers spread risk across several countries.",
        "Labour shortages in manufacturing and logistics have pushed wages up faster than "
        "productivity in several markets.",
        "The sector went through a wave of consolidation a decade ago, leaving a small number of "
        "large players with considerable pricing power.",
        "Competition authorities have become more willing to scrutinise large deals, "
        "particularly those that touch critical infrastructure.",
        "Currency swings have added another layer of uncertainty for companies that earn in one "
        "currency and borrow in another.",
    ],
    "risk": [
        "The company warned that weaker spending by {customers} could hurt sales in the second "
        "half.",
        "Executives acknowledged that the timetable depends on regulatory approvals that could "
        "take longer than expected.",
        "Any escalation in trade tensions could disrupt the flow of parts and raise costs across "
        "the industry.",
        "A stronger dollar would increase the burden of the group's foreign-currency debt.",
        "Environmental groups have criticised the project's water use and promised to challenge "
        "its permits.",
        "Unions have said they will oppose any plan that involves compulsory redundancies.",
        "Some customers may delay orders while they wait to see whether prices fall further.",
        "The board has also faced criticism over executive pay, an issue likely to resurface at "
        "the annual meeting.",
    ],
    "reaction": [
        "Shares in {co_short} {moved} {pct_small} in {city} after the announcement, while the "
        "broader market was little changed.",
        "Trading volume was more than three times the daily average as investors digested the "
        "news.",
        "Shares in {rival} also {moved}, as investors weighed what the news meant for the rest of "
        "the sector.",
        "Bond investors took the news calmly, with the company's benchmark notes trading close "
        "to face value.",
        "Options traders had positioned for a large move, and implied volatility fell sharply "
        "once the details were known.",
        "Fund managers said the reaction reflected relief as much as enthusiasm.",
    ],
    "outlook": [
        "The company will give more detail on its plans at an investor day scheduled for later "
        "this year.",
        "{Co_short} kept its full-year guidance and said it expected demand to strengthen in the "
        "coming months.",
        "Executives said they would update shareholders on progress when the company next "
        "reports results.",
        "For now, investors appear willing to give management the benefit of the doubt.",
        "The next test will come in the spring, when the first phase of the project is due to "
        "open.",
        "Whether the bet pays off may depend less on the company than on the health of the wider "
        "economy.",
    ],
}

POL = {
    "context": [
        "{Country} has been governed by the {ruling_party} for most of the past decade, a period "
        "of steady growth but widening inequality.",
        "The economy grew {pct_small} last year, according to official figures, but household "
        "incomes have lagged behind prices.",
        "{Adj} exports, dominated by farm goods and minerals, have suffered from weaker demand in "
        "the country's largest markets.",
        "The government has promised to diversify the economy, with mixed results so far.",
        "Public debt has risen to roughly {debt_pct} of national output, limiting room for new "
        "spending.",
        "Polls suggest that voters rank living costs, housing and jobs well ahead of foreign "
        "policy.",
        "Relations with neighbouring {country2} have improved since a border agreement was signed "
        "two years ago.",
        "The capital, {capital}, has grown rapidly, and its outskirts are home to many of the "
        "country's newest factories.",
        "Inflation has eased from its peak but remains above the central bank's target, squeezing "
        "wages in the public sector.",
        "The {ruling_party} governs with a slim majority and has lost two by-elections this year.",
        "Young people have left rural provinces for {capital} in large numbers, straining "
        "housing and transport in the capital.",
        "Tourism has recovered strongly, but manufacturing output has been flat for three "
        "consecutive quarters.",
    ],
    "analyst": [
        "{Analyst}, a political economist at {analyst_firm}, said the government was trying to "
        "balance short-term relief with long-term credibility.",
        "Diplomats in {capital} said privately that the outcome remained finely balanced.",
        "“Voters are tired rather than angry, and that is much harder for a government to read,” "
        "said {analyst2}, who has advised several parties.",
        "Economists warned that the measures could add to inflation if they were not matched by "
        "savings elsewhere.",
        "Some observers see the move as an attempt to regain the initiative after a difficult "
        "year for the government.",
        "Rating agencies have said they will watch closely whether the government sticks to its "
        "fiscal targets.",
        "“The arithmetic works only if growth comes in above forecast,” said {analyst} of "
        "{analyst_firm}.",
        "Foreign investors have so far given the government the benefit of the doubt, according "
        "to bankers in {capital}.",
        "Academics who study the region said the episode fitted a broader pattern of governments "
        "promising relief before difficult votes.",
        "“There is no painless option left, only a choice about who bears the cost,” said "
        "{analyst2}, a former adviser to the finance ministry.",
    ],
    "numbers": [
        "The measures are expected to cost about {amount_d} over three years, equivalent to "
        "{pct_small} of annual tax revenue.",
        "Unemployment stands at {unemployment}, although the figure is considerably higher among "
        "people under 25.",
        "Official data published last week showed consumer prices rising {pct_small} from a year "
        "earlier.",
        "Foreign direct investment fell {pct2} last year, the steepest drop since the statistics "
        "office began its current series.",
        "The budget deficit is forecast to narrow to {deficit} of output next year, from "
        "{deficit_high} this year.",
        "Exports fell {pct2} in the first half from a year earlier, while imports were broadly "
        "flat.",
        "Government bond yields have risen by about {pp} percentage points since the start of "
        "the year.",
        "About {pct2} of the population lives in the capital region, which produces more than "
        "half of national output.",
    ],
    "background": [
        "{Country} emerged from a long period of political instability a generation ago and has "
        "since built a reputation for predictable policy.",
        "The constitution requires parliament to approve any change to the tax code, giving "
        "smaller parties considerable leverage.",
        "Previous governments attempted similar reforms but abandoned them in the face of street "
        "protests.",
        "The central bank is independent by law, though ministers have not always respected that "
        "in practice.",
        "A regional trade agreement signed in the last decade opened many sectors to foreign "
        "competition.",
        "Money sent home by citizens working abroad accounts for a large share of household "
        "income in rural areas.",
        "A run of droughts and floods has damaged harvests and made climate policy a more "
        "immediate concern for voters.",
    ],
    "risk": [
        "Opposition leaders have threatened to take the dispute to the constitutional court.",
        "Any delay could unsettle investors who have only recently returned to the country's "
        "bond market.",
        "Aid agencies warned that the poorest households would struggle if fuel subsidies were "
        "withdrawn too quickly.",
        "Security analysts cautioned that tensions along the northern border had not gone away.",
        "Business groups said uncertainty over the rules was already causing companies to "
        "postpone investment.",
        "Coalition partners have signalled that their support cannot be taken for granted.",
        "Economists warned that a prolonged dispute could push the country's credit rating lower.",
        "Farm groups said higher fuel and fertiliser costs had already eaten into incomes this "
        "season.",
    ],
    "reaction": [
        "{Opposition} called the plan “too little, too late” and promised to table amendments.",
        "Trade unions welcomed parts of the package but said wages must keep pace with prices.",
        "{Currency} was little changed on the news, and government bond yields edged lower.",
        "Crowds gathered outside parliament in {capital} as the debate stretched into the evening.",
        "Neighbouring governments were cautious in their response, issuing brief statements that "
        "called for calm.",
        "Business groups gave a guarded welcome, saying they would wait for the details.",
        "Local newspapers in {capital} were divided, with some praising the government's resolve "
        "and others accusing it of improvisation.",
    ],
    "outlook": [
        "Parliament is expected to vote on the measures before its summer recess.",
        "Officials said negotiations would continue at a technical level over the coming weeks.",
        "The government's next test will be a series of regional elections due early next year.",
        "Whatever the outcome, the debate has exposed divisions that are unlikely to close soon.",
        "A final decision is expected within weeks, officials said.",
    ],
}

ROLE_ORDER = ["context", "analyst", "numbers", "background", "risk", "reaction"]

# --- story kinds -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    section: str
    domain: str  # "biz" or "pol"
    headlines: tuple[str, ...]
    standfirsts: tuple[str, ...]
    ledes: tuple[str, ...]
    nuts: tuple[str, ...]
    quotes: tuple[str, ...]
    crossheads: tuple[str, ...]
    topics: tuple[str, ...]
    art: str
    caption: str


KINDS = {
    "earnings": Kind(
        "business",
        "biz",
        (
            "{co} lifts profit forecast as demand for {product} holds up",
            "{co} profit jumps {pct_hl} on stronger pricing",
            "{co} beats forecasts but warns of a slower second half",
        ),
        (
            "The {city} group raised its outlook after a {quarter} in which {metric} beat "
            "expectations, though executives cautioned that costs are rising.",
            "Results ease fears of a slowdown at one of the region's biggest suppliers of "
            "{product}, but analysts question how long the strength can last.",
        ),
        (
            "{Co} raised its full-year profit forecast on {weekday} after reporting a stronger "
            "than "
            "expected {quarter}, as {customers} continued to buy {product} despite higher prices. "
            "Operating profit rose {pct} from a year earlier to {amount2}.",
        ),
        (
            "The results offered some relief to investors who had braced for a downturn after a "
            "run of weaker data across the sector. Executives said orders had held up in every "
            "region except one, and that pricing had been firmer than they had planned for.",
        ),
        (
            "We have been cautious all year, and that caution has served us well. The business is "
            "in better shape than it was twelve months ago.",
            "Our customers are still investing. The question for us is capacity, not demand.",
        ),
        ("Stronger pricing", "A cautious outlook", "Costs creep up", "What investors want"),
        ("deals",),
        "chart",
        "An illustration of rising bars and a trend line",
    ),
    "acquisition": Kind(
        "business",
        "biz",
        (
            "{co} agrees {amount_hl} takeover of {rival}",
            "{co} bids {amount_hl} for {rival} in bet on scale",
            "{co} to buy rival {rival} in region's biggest deal this year",
        ),
        (
            "The all-cash offer values the target at a premium of {pct_hl} to its last closing "
            "price and would create the sector's largest group by revenue.",
            "The deal, which still needs approval from competition regulators in several markets, "
            "would reshape an industry that has struggled with overcapacity.",
        ),
        (
            "{Co} has agreed to buy {rival} for {amount} in cash, the two companies said on "
            "{weekday}, in a deal that would create the largest provider of {product} in the "
            "region.",
        ),
        (
            "The offer represents a premium of {pct} to the target's closing share price before "
            "talks were first reported. Both boards have recommended it to shareholders, and the "
            "companies expect the deal to close within twelve months.",
        ),
        (
            "This is a combination that makes sense for customers first. Together we can invest "
            "at a scale that neither company could manage alone.",
            "We looked at building this ourselves and concluded that it would take a decade.",
        ),
        ("Premium price", "Regulators' verdict", "Why now", "Integration risks"),
        ("deals", "trade"),
        "skyline",
        "An illustration of two towers joined by a bridge",
    ),
    "expansion": Kind(
        "business",
        "biz",
        (
            "{co} to build {amount_hl} {facility} in {site}",
            "{co} commits {amount_hl} to new {facility} as it chases growth abroad",
            "{co} picks {site} for first overseas {facility}",
        ),
        (
            "The project, due to open in three years, is the company's largest single investment "
            "and will create about {jobs} jobs.",
            "Local officials welcomed the investment, which arrives as companies across the region "
            "diversify where they build.",
        ),
        (
            "{Co} will spend {amount} on a new {facility} in {site}, the company said on "
            "{weekday}, "
            "its biggest investment outside its home market and a wager that demand for {product} "
            "will keep growing.",
        ),
        (
            "Construction is due to begin next year, with the first phase opening three years "
            "later. The company expects the site to employ about {jobs} people once it reaches "
            "full "
            "capacity.",
        ),
        (
            "We chose {site} because of its people, its ports and its stability. This is a "
            "long-term commitment.",
            "Our customers want supply close to where they sell. This investment answers that.",
        ),
        ("A long-term bet", "Local incentives", "Building at scale", "Competition for sites"),
        ("infrastructure", "trade"),
        "skyline",
        "An illustration of a city skyline at dusk",
    ),
    "restructuring": Kind(
        "business",
        "biz",
        (
            "{co} to cut {jobs} jobs in overhaul of struggling division",
            "{co} announces restructuring as profits fall short",
            "{co} shrinks home operations to fund push overseas",
        ),
        (
            "The job cuts, about {pct_small} of the workforce, are part of a plan to save "
            "{amount2} "
            "a year by the end of next year.",
            "The overhaul marks a sharp change of course for a company that had resisted pressure "
            "from shareholders to slim down.",
        ),
        (
            "{Co} said on {weekday} that it would cut about {jobs} jobs and close two sites as "
            "part "
            "of a restructuring intended to restore profitability in its home market.",
        ),
        (
            "The company expects the plan to deliver annual savings of {amount2} once it is "
            "complete. Most of the cuts will fall on administrative roles, although one older "
            "{facility} will also close.",
        ),
        (
            "These are difficult decisions, and we do not take them lightly. But standing still "
            "would put many more jobs at risk.",
            "We have to be honest with ourselves about which parts of the business can grow.",
        ),
        ("Painful choices", "Union response", "Where the savings come from", "A new focus"),
        ("labour",),
        "waves",
        "An illustration of descending waves in muted colours",
    ),
    "leadership": Kind(
        "business",
        "biz",
        (
            "{co} names {newceo} chief executive",
            "{co} chief to step down after eight years; {newceo} to take over",
            "{co} turns to outsider {newceo} to lead next phase",
        ),
        (
            "The appointment ends months of speculation over succession at one of the region's "
            "best-known companies.",
            "The incoming chief executive inherits a business with strong cash flow but slowing "
            "growth and restless shareholders.",
        ),
        (
            "{Co} has appointed {newceo} as chief executive, the company said on {weekday}, "
            "ending a search that began when its long-serving chief announced plans to retire "
            "earlier this year.",
        ),
        (
            "{Newceo} joins from {rival}, where they ran the group's international business. "
            "The handover will take place at the end of the quarter, and the outgoing chief will "
            "remain as an adviser for six months.",
        ),
        (
            "I am joining a company with extraordinary people and a clear opportunity. My first "
            "job is to listen.",
            "The company has strong foundations. My task is to build on them, not to tear them up.",
        ),
        ("A new direction", "Big shoes to fill", "Shareholders' wish list", "First hundred days"),
        ("labour",),
        "circles",
        "An illustration of overlapping circles on a dark ground",
    ),
    "stocks": Kind(
        "markets",
        "biz",
        (
            "Shares rally as investors bet on lower borrowing costs",
            "{index_c} hits record as exporters lead gains",
            "Stocks slide as bond yields jump on inflation worries",
        ),
        (
            "Exporters and chipmakers led the advance, while utilities lagged as investors moved "
            "out of defensive sectors.",
            "Trading volumes were heavy as fund managers repositioned ahead of the end of the "
            "quarter.",
        ),
        (
            "Shares in {city} rose for a fourth straight session on {weekday}, with "
            "{index} climbing {pct_small} to close at a record, as investors grew more confident "
            "that interest rates have peaked.",
        ),
        (
            "Exporters led the gains, helped by a weaker local currency, while {co} rose {pct} "
            "after reporting better than expected orders. Banks were mixed, and property "
            "developers fell for a second day.",
        ),
        (
            "The market is pricing in a soft landing, and for now the data support it. The risk "
            "is that everyone is leaning the same way.",
            "We are adding to positions in exporters but keeping some cash. This rally has been "
            "narrow.",
        ),
        ("A narrow rally", "Rates in focus", "Winners and laggards", "What could go wrong"),
        ("central-banks", "currencies"),
        "chart",
        "An illustration of a rising price chart",
    ),
    "currency": Kind(
        "markets",
        "pol",
        (
            "{Currency_hl} slides to lowest level in {years} years",
            "{Currency_hl} rebounds as central bank signals support",
            "Traders bet against {currency} as growth falters",
        ),
        (
            "The decline adds to pressure on policymakers in {capital}, who have so far resisted "
            "calls to intervene.",
            "A widening trade deficit and falling foreign investment have weighed on the currency "
            "for months.",
        ),
        (
            "{Currency} fell {pct_small} against the dollar on {weekday}, touching its weakest "
            "level in {years} years, as traders bet that the central bank in {capital} would cut "
            "interest rates again.",
        ),
        (
            "The move extends a slide that has taken the currency down {pct2} since the start of "
            "the year. Importers have rushed to buy dollars, while exporters have held on to "
            "foreign earnings in the hope of further falls.",
        ),
        (
            "We have the reserves and the tools to prevent disorderly movements, and we will use "
            "them if needed.",
            "The exchange rate reflects fundamentals, and we are not targeting any particular "
            "level.",
        ),
        ("Reserves under scrutiny", "Importers squeezed", "Policy dilemma", "The view from abroad"),
        ("currencies", "central-banks"),
        "waves",
        "An illustration of falling lines on a grid",
    ),
    "commodity": Kind(
        "markets",
        "biz",
        (
            "{Commodity_c} prices climb to {months}-month high on supply fears",
            "{Commodity_c} slumps as demand from factories weakens",
            "Miners rally as {commodity} rebounds",
        ),
        (
            "Disruptions at several large mines and low inventories have tightened a market that "
            "was expected to be in surplus this year.",
            "Traders said speculative buying had amplified a move driven by genuine shortages.",
        ),
        (
            "Prices of {commodity} rose {pct} this week to their highest level in {months} months, "
            "as output disruptions collided with signs of stronger demand from manufacturers.",
        ),
        (
            "Shares of producers rallied, with {co} gaining {pct_small} in {city}. Inventories "
            "held "
            "in exchange warehouses have fallen to their lowest level in more than a year, "
            "according "
            "to trading data.",
        ),
        (
            "The market was priced for comfort, and it is discovering that supply is less "
            "flexible than it thought.",
            "High prices are the cure for high prices, but the cure takes time in this industry.",
        ),
        ("Tight supply", "Producers benefit", "Demand signals", "Hedging pressure"),
        ("commodities", "trade"),
        "map",
        "An illustration of contour lines and mining sites",
    ),
    "listing": Kind(
        "markets",
        "biz",
        (
            "{startup} raises {amount_hl} in {city}'s biggest listing this year",
            "{startup} shares surge on debut after {amount_hl} offering",
            "{startup} prices shares at top of range as listings revive",
        ),
        (
            "The strong debut is a boost for bankers hoping that a long drought in new listings is "
            "finally ending.",
            "Demand from institutional investors was several times greater than the shares on "
            "offer, the company's advisers said.",
        ),
        (
            "Shares in {startup}, a {service} company, rose {pct} on their first day of trading in "
            "{city} on {weekday}, after an offering that raised {amount} and valued the business "
            "at "
            "several times that amount.",
        ),
        (
            "The company sold new shares at the top of its indicated range. Its founders, who "
            "started the business eight years ago, retain a controlling stake and have agreed not "
            "to sell for a year.",
        ),
        (
            "Becoming a public company is a milestone, not a finish line. We will be judged by "
            "what we build next.",
            "Investors are back, but they are more selective than they were three years ago.",
        ),
        ("A welcome debut", "Valuation questions", "The pipeline", "Founders stay in control"),
        ("start-ups", "deals"),
        "circles",
        "An illustration of bright rings on a dark ground",
    ),
    "chipplant": Kind(
        "technology",
        "biz",
        (
            "{co} plans {amount_hl} chip plant as makers race to add capacity",
            "{co} unveils faster memory chip aimed at data centres",
            "{co} warns of chip glut as orders slow",
        ),
        (
            "The plant would be among the most advanced in the region, producing chips for data "
            "centres and electric vehicles.",
            "The announcement comes as governments offer generous subsidies to bring chip "
            "production closer to home.",
        ),
        (
            "{Co} plans to invest {amount} in a new chip fabrication plant in {site}, the company "
            "said on {weekday}, as demand for high-performance memory from data centre operators "
            "outstrips supply.",
        ),
        (
            "Production is scheduled to start in three years. The plant will make advanced memory "
            "used in servers that train and run artificial intelligence models, a market in which "
            "{co_short} competes closely with {rival}.",
        ),
        (
            "Demand for advanced memory is running well ahead of what the industry can make. We "
            "intend to close that gap.",
            "Chips are now infrastructure. Customers want suppliers they can count on for a "
            "decade.",
        ),
        (
            "The race for capacity",
            "Subsidies and strings",
            "Talent shortage",
            "A cyclical business",
        ),
        ("semiconductors", "artificial-intelligence"),
        "circuit",
        "An illustration of circuit traces on a wafer",
    ),
    "ai_rules": Kind(
        "technology",
        "pol",
        (
            "{Country} drafts rules for artificial intelligence in public services",
            "{Country} to require audits of high-risk AI systems",
            "Tech firms push back on {adj} plan to regulate AI",
        ),
        (
            "The proposals would require companies to disclose how automated systems make "
            "decisions about loans, jobs and benefits.",
            "Officials say the rules are designed to build trust; industry groups warn they could "
            "slow investment.",
        ),
        (
            "The government of {country} published draft rules on {weekday} that would require "
            "developers of high-risk artificial intelligence systems to submit them for "
            "independent "
            "audit before they are used in public services.",
        ),
        (
            "The proposals, which are open for consultation for three months, would also give "
            "citizens the right to a human review of decisions made by automated systems. Fines "
            "for "
            "breaches could reach {pct_small} of a company's annual turnover.",
        ),
        (
            "Citizens should be able to understand and challenge a decision, whoever or whatever "
            "made it.",
            "We want to be a place where responsible developers choose to build, not a place they "
            "avoid.",
        ),
        ("Audits and appeals", "Industry concerns", "Lessons from abroad", "What happens next"),
        ("artificial-intelligence", "diplomacy"),
        "circuit",
        "An illustration of a network of connected nodes",
    ),
    "funding": Kind(
        "technology",
        "biz",
        (
            "{startup} raises {amount_hl} to expand across the region",
            "Investors back {startup} in funding round as start-up market thaws",
            "{startup} doubles valuation in new funding round",
        ),
        (
            "The {service} start-up plans to use the money to enter three new markets and hire "
            "about {jobs} engineers.",
            "The round is one of the largest for a regional start-up this year and a sign that "
            "investors are returning, selectively.",
        ),
        (
            "{Startup}, a {service} start-up based in {city}, has raised {amount2} in a funding "
            "round led by {analyst_firm}, the company said on {weekday}.",
        ),
        (
            "The company, founded five years ago, says its revenue has more than doubled in each "
            "of the past two years. It plans to expand into three new markets and to hire about "
            "{jobs} engineers over the next eighteen months.",
        ),
        (
            "We spent the downturn getting our unit economics right. Now we are ready to grow "
            "again, carefully.",
            "The best companies were built in difficult markets. This is one of them.",
        ),
        ("Investors return", "Growth with discipline", "A crowded field", "Path to profit"),
        ("start-ups",),
        "circles",
        "An illustration of expanding rings",
    ),
    "outage": Kind(
        "technology",
        "biz",
        (
            "{co} outage disrupts services for millions of customers",
            "Regulator to investigate {co} after hours-long outage",
            "{co} apologises after system failure halts payments",
        ),
        (
            "The disruption, blamed on a faulty software update, left businesses unable to process "
            "payments for much of the day.",
            "The incident has revived questions about the resilience of systems that a growing "
            "share of the economy depends on.",
        ),
        (
            "A failure in systems run by {co} disrupted services for millions of customers on "
            "{weekday}, leaving shops unable to take card payments and offices without access to "
            "email for several hours.",
        ),
        (
            "The company said the outage was caused by a faulty software update rather than a "
            "cyberattack, and that services had been fully restored by the evening. Regulators "
            "said they would examine whether its contingency plans were adequate.",
        ),
        (
            "We let our customers down today, and we are sorry. We will publish a full account of "
            "what went wrong.",
            "Resilience is not optional when so many businesses depend on you.",
        ),
        ("What went wrong", "Regulators step in", "A single point of failure", "Customer anger"),
        ("artificial-intelligence", "infrastructure"),
        "circuit",
        "An illustration of a broken circuit pattern",
    ),
    "election": Kind(
        "world",
        "pol",
        (
            "{Country} heads to the polls with living costs dominating the campaign",
            "{Opposition} edges ahead as {country} prepares to vote",
            "{Leader_title_c} faces tight race in {country} election",
        ),
        (
            "After a decade in power, the {ruling_party} is fighting to hold on against a "
            "resurgent opposition that has promised to cut taxes on essentials.",
            "Polls suggest no party will win a majority, raising the prospect of weeks of "
            "coalition "
            "talks.",
        ),
        (
            "Voters in {country} go to the polls on Sunday in an election that polls suggest is "
            "the closest in a generation, with the governing {ruling_party} and {opposition} "
            "separated by only a few points.",
        ),
        (
            "The campaign has been dominated by the cost of living, with food and rent prices "
            "rising faster than wages for most of the past two years. {Leader} has campaigned on a "
            "record of stability; the opposition argues that stability has become stagnation.",
        ),
        (
            "This election is about whether people can afford a decent life. Everything else is "
            "noise.",
            "We have kept the country steady through difficult years. Now is not the time to "
            "gamble.",
        ),
        ("A close contest", "The cost of living", "Coalition arithmetic", "Young voters"),
        ("elections", "labour"),
        "map",
        "An illustration of a map divided into coloured districts",
    ),
    "trade_talks": Kind(
        "world",
        "pol",
        (
            "{Country} and {country2} resume trade talks after a year-long freeze",
            "{Country} seeks new export markets as talks with {country2} stall",
            "{Country} and {country2} agree to cut tariffs on farm goods",
        ),
        (
            "Negotiators will focus on farm goods and digital trade, two issues that caused the "
            "previous round to collapse.",
            "Business groups on both sides have lobbied for a deal, citing rising costs from "
            "duplicated rules.",
        ),
        (
            "{Country} and {country2} will resume negotiations on a trade agreement next month, "
            "officials said on {weekday}, ending a pause that began when talks broke down over "
            "access for farm exports.",
        ),
        (
            "Trade between the two countries is worth about {amount} a year and has grown despite "
            "the impasse. Negotiators will meet in {capital} for a first round and hope to "
            "conclude "
            "a framework agreement within a year.",
        ),
        (
            "Both sides have learned from the last round. We are returning to the table with "
            "realistic goals.",
            "Our farmers need certainty, and so do the companies that buy from them.",
        ),
        ("Back to the table", "Sticking points", "Farmers wary", "Digital trade"),
        ("trade", "diplomacy"),
        "map",
        "An illustration of trade routes across a stylised map",
    ),
    "budget": Kind(
        "world",
        "pol",
        (
            "{Country} budget raises spending on roads and rail by {pct_hl}",
            "{Country} unveils budget aimed at easing the cost of living",
            "{Country} promises to narrow deficit in cautious budget",
        ),
        (
            "The finance minister promised to bring borrowing down while extending support for "
            "households facing higher energy bills.",
            "The package balances infrastructure investment against a pledge to reduce the "
            "deficit within three years.",
        ),
        (
            "The government of {country} unveiled a budget on {weekday} that would raise spending "
            "on roads, rail and ports by {pct} next year while extending support for households "
            "struggling with higher energy bills.",
        ),
        (
            "{Minister}, the finance minister, told parliament that the deficit would narrow to "
            "{deficit} of output next year as stronger tax receipts offset the cost of the new "
            "measures.",
        ),
        (
            "This budget invests in the country's future without passing the bill to our children.",
            "We are asking those who can contribute more to do so, and protecting those who "
            "cannot.",
        ),
        ("Building for growth", "Household support", "The deficit", "Parliament's verdict"),
        ("infrastructure", "central-banks"),
        "chart",
        "An illustration of stacked bars and a line",
    ),
    "strike": Kind(
        "world",
        "pol",
        (
            "Port workers in {capital} strike over pay as cargo piles up",
            "Strike shuts {capital} port for a third day",
            "{Country} government steps into port dispute as exporters count costs",
        ),
        (
            "The walkout has left dozens of ships waiting offshore and disrupted exports of farm "
            "goods at the start of the harvest season.",
            "Unions say wages have fallen behind inflation; port operators say the demands are "
            "unaffordable.",
        ),
        (
            "Thousands of dockworkers in {capital} walked off the job on {weekday}, halting cargo "
            "handling at the country's busiest port in a dispute over pay and working hours.",
        ),
        (
            "More than {ships} ships were waiting to berth by the evening, according to the port "
            "authority. The union is seeking a pay rise of {pct}, arguing that wages have fallen "
            "behind prices; the operators have offered less than half that.",
        ),
        (
            "Our members keep this country's trade moving, and they are asking for a wage they can "
            "live on.",
            "Every day the port is closed costs farmers and exporters money they will not get "
            "back.",
        ),
        ("Ships at anchor", "The pay gap", "Exporters' losses", "Talks resume"),
        ("labour", "shipping"),
        "waves",
        "An illustration of harbour cranes above the water",
    ),
    "floods": Kind(
        "world",
        "pol",
        (
            "{Country} pledges {amount_hl} for flood defences after record rains",
            "Floods expose gaps in {country}'s climate planning",
            "{Country} farmers count losses as waters recede",
        ),
        (
            "The rains, the heaviest on record in parts of the country, displaced thousands of "
            "people and damaged crops across the river delta.",
            "The government said the money would fund embankments, drainage and early-warning "
            "systems over five years.",
        ),
        (
            "The government of {country} pledged {amount} on {weekday} to strengthen flood "
            "defences, after the heaviest rains on record displaced thousands of people and "
            "submerged farmland across the river delta.",
        ),
        (
            "The money will be spent over five years on embankments, drainage and early-warning "
            "systems. Officials estimate that the floods damaged about {pct_small} of the season's "
            "rice crop, although a full assessment will take weeks.",
        ),
        (
            "We cannot stop the rain, but we can be far better prepared for it. That work starts "
            "today.",
            "The communities that were hit hardest are those that had the least protection.",
        ),
        ("Counting the cost", "A warning ignored", "Who pays", "Rebuilding"),
        ("climate", "infrastructure"),
        "map",
        "An illustration of a river delta in blue tones",
    ),
    "rates": Kind(
        "markets",
        "pol",
        (
            "{Country} central bank raises rates to cool stubborn inflation",
            "{Country} central bank holds rates, signals cuts later this year",
            "{Country} central bank surprises markets with cut",
        ),
        (
            "Policymakers said price pressures were easing but that it was too early to declare "
            "victory.",
            "The decision was closely watched by investors trying to judge how far the region's "
            "tightening cycle has to run.",
        ),
        (
            "The central bank of {country} raised its benchmark interest rate by a quarter of a "
            "percentage point on {weekday}, to {rate}, saying that inflation remained too high "
            "despite signs that the economy was slowing.",
        ),
        (
            "The decision was expected by most economists. Consumer prices rose {pct_small} from a "
            "year earlier last month, above the bank's target range for the eighth month in a row. "
            "{Currency} rose slightly after the announcement.",
        ),
        (
            "We will do what is necessary to return inflation to target. We are not there yet.",
            "Policy is working, but with a delay. Patience is part of the job.",
        ),
        ("Inflation persists", "Growth slows", "Markets react", "The next move"),
        ("central-banks", "currencies"),
        "chart",
        "An illustration of a stepped rate chart",
    ),
}

SECTION_KINDS = {
    "world": [
        "election",
        "trade_talks",
        "budget",
        "strike",
        "floods",
        "election",
        "trade_talks",
        "budget",
    ],
    "business": [
        "earnings",
        "acquisition",
        "expansion",
        "restructuring",
        "leadership",
        "earnings",
        "expansion",
        "acquisition",
    ],
    "markets": ["stocks", "currency", "commodity", "listing", "rates", "stocks", "commodity"],
    "technology": [
        "chipplant",
        "ai_rules",
        "funding",
        "outage",
        "chipplant",
        "funding",
        "ai_rules",
    ],
}

# --- opinion: a sequence of argumentative moves ---------------------------------------------------

OPINION_HEADLINES = [
    "The {topic_l} debate needs fewer slogans and more arithmetic",
    "Why the region cannot afford complacency about {topic_l}",
    "Investors are asking the wrong questions about {topic_l}",
    "Small reforms, not grand plans, will fix {topic_l}",
    "{Country} shows what patient policy on {topic_l} can achieve",
]
OPINION_STANDFIRSTS = [
    "Governments reach for bold announcements; what works is duller, slower and more durable.",
    "The evidence points away from quick fixes and towards institutions that outlast any "
    "single government.",
    "Markets reward clarity. On {topic_l}, policymakers have offered anything but.",
]
OPINION_MOVES = [
    [
        "It has become fashionable to treat {topic_l} as a problem that will solve itself once "
        "growth returns.",
        "That view is comforting, but the evidence points the other way.",
        "Each year of delay makes the eventual adjustment larger and more painful.",
    ],
    [
        "Consider what has happened in {country} over the past five years.",
        "Policymakers there announced an ambitious plan, complete with a launch event and a target "
        "date.",
        "By the third year, most of its measures had been quietly diluted or dropped.",
    ],
    [
        "I have spent much of my career watching governments promise reform and then discover the "
        "politics of delivering it.",
        "The pattern is familiar: ambition in the first year, compromise in the second, quiet "
        "retreat in the third.",
        "Breaking that pattern requires institutions that outlast any single government.",
    ],
    [
        "Experience suggests that the reforms which last are usually the dull ones.",
        "Clearer rules, better data and patient enforcement rarely make headlines.",
        "They do, however, change how companies and households behave over time.",
    ],
    [
        "None of this means the market should simply be left alone.",
        "Where prices fail to reflect real costs, there is a clear case for intervention.",
        "The question is how to intervene without creating new distortions.",
    ],
    [
        "Companies, too, have a part to play.",
        "Boards that treat {topic_l} as a matter for the communications department are storing "
        "up trouble.",
        "Investors increasingly ask for evidence, not statements of intent.",
    ],
    [
        "There are encouraging signs.",
        "{Co} and a handful of its peers have begun publishing more detailed figures, and "
        "investors have rewarded them for it.",
        "Regulators should build on that, not replace it with a thicket of new requirements.",
    ],
    [
        "Critics will say that such an approach is too slow for the scale of the challenge.",
        "They have a point, but speed without direction has been tried, and it has not worked.",
        "A steady course that survives a change of government is worth more than a sprint that "
        "ends at the next election.",
    ],
    [
        "A second lesson concerns timing.",
        "Reforms announced at the top of a cycle are rarely tested; those announced at the bottom "
        "rarely survive.",
        "The best time to prepare is when conditions seem calm, which is precisely when it is "
        "hardest to persuade anyone to bother.",
    ],
    [
        "The numbers are not mysterious.",
        "Official statistics, industry surveys and academic studies all point in the same "
        "direction.",
        "What is missing is the willingness to act on them before a crisis forces the issue.",
    ],
    [
        "Voters deserve a more honest conversation about trade-offs.",
        "Every option has costs, and pretending otherwise only breeds cynicism when the bills "
        "arrive.",
        "Politicians who explain those costs plainly tend to be rewarded more often than they "
        "fear.",
    ],
    [
        "Independent commissions, published targets and regular audits are not glamorous.",
        "But they make it harder for any government to change course quietly.",
        "They also give businesses the predictability they need to invest for the long term.",
    ],
    [
        "The region has navigated harder problems than this one.",
        "It did so not through bold declarations, but through steady, unglamorous work.",
        "That is the model worth following now.",
    ],
    [
        "If the past decade has taught us anything, it is that complacency is the most expensive "
        "policy of all.",
        "The bill always arrives; the only choice is when, and who pays it.",
        "It would be better to start paying it now, while we still can.",
    ],
]
OPINION_CROSSHEADS = [
    "A familiar pattern",
    "What works",
    "The role of business",
    "Timing matters",
    "An honest conversation",
]

# --- sponsored feature ---------------------------------------------------------------------------

SPONSOR = "Calder & Voss Logistics"
SPONSORED_HEADLINE = "How cold-chain logistics is reshaping the region's food trade"
SPONSORED_STANDFIRST = (
    "Refrigerated warehouses, smarter routing and shared data are cutting waste between farm "
    "and shelf."
)
SPONSORED_PARAGRAPHS = [
    "Every year, a significant share of the fruit, vegetables and fish produced in the region "
    "spoils before it reaches a shop. Much of that loss happens in the hours between harvest and "
    "the first refrigerated store, when temperatures rise and produce deteriorates quickly.",
    "Closing that gap has become a priority for growers, retailers and governments alike. "
    "Investment in refrigerated warehouses near farming districts has risen steadily, and "
    "logistics operators are redesigning routes so that perishable goods spend less time "
    "waiting at depots.",
    "Technology is playing a growing part. Temperature sensors in containers now report "
    "conditions in real time, allowing operators to reroute a shipment before its contents are "
    "damaged rather than discovering the problem on arrival.",
    "Shared data is another frontier. When growers, carriers and retailers can see the same "
    "information about stock levels and delivery times, they can plan harvests and shipments "
    "around actual demand instead of estimates.",
    "The benefits extend beyond reduced waste. Farmers who can reach distant markets reliably "
    "are able to charge more for their produce, and retailers can offer a wider range of fresh "
    "food throughout the year.",
    "Energy use remains a challenge. Refrigeration is power-hungry, and operators are "
    "experimenting with solar panels on warehouse roofs, better insulation and thermal storage "
    "to keep costs and emissions down.",
    "Skills are a constraint as well. Running a modern cold store requires technicians who "
    "understand both refrigeration equipment and the software that monitors it, and such "
    "people are in short supply in many markets.",
    "Industry groups have called for common standards on temperature monitoring so that "
    "goods can move between operators and across borders without repeated inspections.",
    "For smaller producers, cooperative models are emerging in which several farms share a "
    "cold store and negotiate transport together, giving them access to services that would "
    "otherwise be out of reach.",
    "The direction of travel is clear: as incomes rise and diets change, demand for fresh and "
    "frozen food will keep growing, and the infrastructure that carries it will need to grow "
    "with it.",
    "Ports are adapting too. Several terminals have added dedicated yards with power points "
    "for refrigerated containers, so that boxes of fruit or seafood can stay cold while they "
    "wait for a ship instead of warming on the quayside.",
    "Retailers say that consistency matters as much as speed. A supermarket that can rely on "
    "a delivery arriving at the same temperature every week can reduce the buffer stock it "
    "keeps, which frees space and cash for other uses.",
    "Financing is changing as well. Lenders that once regarded cold stores as risky, "
    "single-purpose buildings now see steady demand and long leases, and have become more "
    "willing to fund new sites outside the big cities.",
    "Consumers notice the difference mostly in what they do not see: fewer empty shelves, "
    "less produce marked down at the end of the day, and fresh food that lasts a little longer "
    "once it is brought home.",
    "None of these changes is dramatic on its own. Together, operators say, they add up to a "
    "quiet transformation in how food moves across the region, from the farm gate to the "
    "kitchen table.",
]

# Who is quoted, when it is not the chief executive (business) or finance minister (politics).
SPEAKER_ROLES = {
    "stocks": "a portfolio manager at {analyst_firm}",
    "commodity": "head of commodities research at {analyst_firm2}",
    "currency": "governor of the {adj} central bank",
    "rates": "governor of the {adj} central bank",
    "listing": "co-founder of {startup}",
    "funding": "co-founder of {startup}",
    "election": "a senior campaign official of the {ruling_party}",
    "strike": "a spokesperson for the dockworkers' union",
    "ai_rules": "the {adj} minister for digital affairs",
    "trade_talks": "the {adj} trade minister",
}

RELATED_TOPICS = {
    "biz": ["trade", "deals", "labour", "currencies", "infrastructure", "energy"],
    "pol": ["diplomacy", "trade", "labour", "climate", "currencies", "elections"],
}

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
QUARTERS = [
    "first quarter",
    "second quarter",
    "third quarter",
    "fourth quarter",
    "first half",
    "three months to the end of last month",
]


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
            alt=f"Abstract illustration: {kind.caption[len('An illustration of ') :]}.",
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
            caption="An illustration of refrigerated containers in cool blue tones.",
            alt="Abstract illustration: stacked containers in blue and white.",
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
            alt="Abstract illustration: overlapping circles in warm tones.",
        )
