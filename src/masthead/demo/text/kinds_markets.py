"""Story kinds of the Markets section."""

from .kind import Kind

KINDS = {
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
