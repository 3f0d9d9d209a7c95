"""Story kinds of the Business section."""

from .kind import Kind

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
}
