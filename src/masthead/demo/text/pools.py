"""Pools of original sentences by role (context, analysis, figures, background, risks,
reaction) for the two domains, business (``BIZ``) and politics (``POL``)."""


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
