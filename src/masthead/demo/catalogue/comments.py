"""The demo's comment threads (original text): who comments where, with replies, likes, one
featured comment, one waiting for pre-moderation and one reported, and a suspended reader.

Each thread is an article slug and its comments; a comment is (author key, text, hours ago,
likes, replies). Author keys are demo accounts (``reader``, ``subscriber``, ``editor``) or the
commenters below (registered readers with no password, ``@commenters.example.org``).
"""

DOMAIN = "commenters.example.org"
COMMENTERS = {
    "priya": ("Priya", "Ramsden"),
    "tomas": ("Tomas", "Ekwall"),
    "jun": ("Jun", "Halvorsen"),
    "heckler": ("Rick", "Vantor"),
}
ACCOUNTS = {
    "reader": "reader@example.com",
    "subscriber": "subscriber@example.com",
    "editor": "editor@example.com",
}

THREADS = {
    "four-day-week-is-a-productivity-question": [
        (
            "priya",
            "We moved our design studio to four days in March. Output held up, but only "
            "because we cut two standing meetings a week. The day off was the reward; the "
            "meeting cuts were the productivity.",
            30,
            6,
            [
                (
                    "reader",
                    "That matches what I have seen. The gain comes from the rules you write "
                    "for the four days, not from the fifth one.",
                    26,
                    2,
                ),
                (
                    "editor",
                    "Thank you both. Our reporter is collecting examples like these for a "
                    "follow-up; reply here if you are happy to be contacted.",
                    20,
                    1,
                ),
            ],
        ),
        (
            "tomas",
            "Hard to see how this works for a hospital ward or a bus depot. I would have "
            "liked a paragraph on shift work.",
            18,
            4,
            [
                (
                    "priya",
                    "Some hospitals try it as four longer shifts. Whether nurses want "
                    "twelve-hour days is another question.",
                    15,
                    3,
                ),
            ],
        ),
    ],
    "pelorus-buys-harbourline-feeder-fleet": [
        (
            "subscriber",
            "Feeder routes are where the money is thin and the service matters most. I hope "
            "the island ports keep their weekly calls after the sale.",
            40,
            3,
            [
                (
                    "tomas",
                    "The filing says the schedules stay for two years. After that, who knows.",
                    36,
                    2,
                ),
            ],
        ),
    ],
    "central-banks-should-forecast-less": [
        (
            "subscriber",
            "The rate projections did more harm than good two years ago. Markets treated a "
            "committee's guess as a promise, then blamed the committee when it changed.",
            50,
            5,
            [
                (
                    "editor",
                    "A fair point, and one the author takes up in her next column. We will link "
                    "it here when it runs.",
                    44,
                    1,
                ),
            ],
        ),
    ],
    "patient-money-for-ports-and-grids": [
        (
            "tomas",
            "Pension funds where I live already own toll roads. Why would grids be harder "
            "to finance?",
            60,
            2,
            [
                (
                    "priya",
                    "A grid comes with a regulator who can change the allowed return. A toll "
                    "road usually comes with a contract.",
                    55,
                    4,
                ),
            ],
        ),
    ],
}
FEATURED = ("central-banks-should-forecast-less", 0)  # thread, index of the top-level comment

# Waiting in the moderation queue: a newcomer's first comment (pre-moderation) ...
PENDING = (
    "four-day-week-is-a-productivity-question",
    "jun",
    "First time commenting here. Does anyone know whether the trial figures include "
    "part-time staff?",
    2,
)
# ... and a published comment that a reader reported.
REPORTED = (
    "pelorus-buys-harbourline-feeder-fleet",
    "heckler",
    "Whoever wrote this knows nothing about shipping and should be sacked.",
    5,
    "reader",
    "abuse",
    "A personal attack on the writer, not an argument.",
)
SUSPENDED = ("heckler", 7, "Personal attacks on writers")
