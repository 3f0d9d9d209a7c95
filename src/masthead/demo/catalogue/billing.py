"""The plans and offers of the demo: two plans, two introductory offers, an offer for readers
who have subscribed before (the only one a returning reader's wall shows) and an annual trial.

Offer dates are relative to the build: ``starts`` an hour before it, ``ends`` either ``None``
(open-ended) or ``END_OF_NEXT_MONTH`` (midnight at the start of the month after next, in the
publication's time zone), so the demo's offers are live, with end dates, whenever it is built.
"""

END_OF_NEXT_MONTH = "end-of-next-month"

BENEFITS = (
    "Unlimited articles on the web and in our apps\n"
    "Newsletters and the daily markets briefing\n"
    "Gift links to share stories with friends\n"
    "The complete archive"
)

PLANS = [
    {
        "slug": "monthly",
        "name": "Monthly",
        "interval": "month",
        "amount": "14.99",
        "currency": "USD",
        "benefits": BENEFITS,
    },
    {
        "slug": "annual",
        "name": "Annual",
        "interval": "year",
        "amount": "149.00",
        "currency": "USD",
        "benefits": BENEFITS + "\nTwo months free compared with paying monthly",
    },
]

OFFERS = [
    {
        "slug": "intro-1-month",
        "plan": "monthly",
        "title": "Try 1 month for $0.99",
        "kind": "intro",
        "intro_amount": "0.99",
        "intro_periods": 1,
        "featured": True,
        "ends": END_OF_NEXT_MONTH,
        "description": "Full access for your first month, then the regular monthly price. "
        "Cancel any time.",
    },
    {
        "slug": "intro-3-months",
        "plan": "monthly",
        "title": "Try 3 months for $9",
        "kind": "intro",
        "intro_amount": "9.00",
        "intro_periods": 3,
        "ends": END_OF_NEXT_MONTH,
        "description": "Three months of full access for $9, then the regular monthly price.",
    },
    {
        "slug": "welcome-back",
        "plan": "annual",
        "title": "Welcome back: your first year for $99",
        "kind": "intro",
        "intro_amount": "99.00",
        "intro_periods": 1,
        "new_subscribers_only": False,
        "ends": END_OF_NEXT_MONTH,
        "description": "For readers who have subscribed before: a year of full access for $99, "
        "then the regular annual price.",
    },
    {
        "slug": "annual-trial",
        "plan": "annual",
        "title": "Try the annual plan free for 14 days",
        "kind": "trial",
        "trial_days": 14,
        "ends": None,
        "description": "Read everything free for two weeks, then pay once a year.",
    },
]
