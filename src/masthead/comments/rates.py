"""Comment rate limits per account, as allauth rate strings (standard library only: the settings
module merges them into ``ACCOUNT_RATE_LIMITS``, beside the sign-in throttle's in
``masthead.members.rates``). allauth counts them in the shared cache, per user."""

POST = "comment_post"  # new comments and replies
ACT = "comment_act"  # likes and reports
POSTS_PER_MINUTE = 5
POSTS_PER_DAY = 100

ACCOUNT_RATE_LIMITS = {
    POST: f"{POSTS_PER_MINUTE}/m/user,{POSTS_PER_DAY}/d/user",
    ACT: "60/m/user,1000/d/user",
}
