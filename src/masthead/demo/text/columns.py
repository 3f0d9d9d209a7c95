"""Opinion columns, the sponsored feature, and the small tables stories share (speaker roles,
related topics, weekdays, quarters)."""


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
