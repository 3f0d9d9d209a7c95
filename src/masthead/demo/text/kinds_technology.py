"""Story kinds of the Technology section."""

from .kind import Kind

KINDS = {
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
}
