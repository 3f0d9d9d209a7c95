"""Story kinds of the World section."""

from .kind import Kind

KINDS = {
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
}
