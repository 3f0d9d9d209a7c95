"""What the demo announces: a site-wide banner and a scheduled free-access promotion.

The promotion starts ``starts_in_days`` days after the build, at midnight in the publication's
time zone, and lasts ``days`` days: far enough ahead that the demo's walls still show, near
enough that its banner (``data-promotion``) announces the date from the first visit.
"""

BANNERS = [
    {
        "text": "The Meridian Ledger turns ten: celebrate our next chapter with free "
        "newsletters all week.",
        "link_url": "/newsletters/",
        "link_text": "See our newsletters",
        "dismissible": True,
    },
]

PROMOTIONS = [
    {
        "name": "Founding day: free access for everyone",
        "starts_in_days": 4,
        "days": 1,
        "banner_text": "Founding day: every article free for everyone",
        "link_url": "/subscribe/",
        "link_text": "Find out more",
    },
]
