"""The throttles' figures, as allauth rate strings, read into ``ACCOUNT_RATE_LIMITS`` by the
settings (standard library only, and no app: settings import none). allauth counts each kind
in the shared cache with a sliding window.

Sign-in: a successful sign-in takes its own attempt back, so only failures count; "key" is
ours (``masthead.members.signin``). Comments: per account (``masthead.comments.throttle``).
"""

PER_ACCOUNT_AT_ADDRESS = 5  # failed guesses at one account from one address, per 5 minutes
PER_ADDRESS = 10  # failed guesses from one address, any accounts, per minute
ACCOUNT_PER_HOUR = 30  # failed guesses at one account from all addresses together, per hour

# Our own action, consumed by the account adapter beside allauth's "login_failed".
ACCOUNT_FAILED = "login_failed_account"
# Our own action: codes asked for one address (an account at one client address).
CODE_AT_ADDRESS = "request_login_code_at_address"

# Newsletter sign-up by e-mail (``masthead.newsletters.throttle``): the form needs no CSRF token,
# so without these it could mail-bomb an address with confirmation links.
SIGNUP_AT_ADDRESS = "newsletter_signup"  # sign-ups from one client address
CONFIRM_MAIL = "newsletter_confirm_mail"  # confirmation mails to one e-mail address
SIGNUPS_PER_ADDRESS = 20  # an hour, from one client address
CONFIRM_MAILS_PER_EMAIL = 3  # an hour, to one e-mail address

SIGNIN_RATE_LIMITS = {
    # allauth's: per client address, and per key = an account at one client address.
    "login_failed": f"{PER_ADDRESS}/m/ip,{PER_ACCOUNT_AT_ADDRESS}/5m/key",
    ACCOUNT_FAILED: f"{ACCOUNT_PER_HOUR}/h/key",
    # Asking for a sign-in code: allauth keys its per-key limit on the e-mail alone, so anyone
    # could keep the owner from getting a code; ours keys it on the address too.
    "request_login_code": "20/m/ip",
    CODE_AT_ADDRESS: "3/m/key",
    SIGNUP_AT_ADDRESS: f"{SIGNUPS_PER_ADDRESS}/h/ip",
    CONFIRM_MAIL: f"{CONFIRM_MAILS_PER_EMAIL}/h/key",
}

# Comment rate limits per account.
POST = "comment_post"  # new comments and replies
ACT = "comment_act"  # likes and reports
POSTS_PER_MINUTE = 5
POSTS_PER_DAY = 100

COMMENT_RATE_LIMITS = {
    POST: f"{POSTS_PER_MINUTE}/m/user,{POSTS_PER_DAY}/d/user",
    ACT: "60/m/user,1000/d/user",
}

ACCOUNT_RATE_LIMITS = {**SIGNIN_RATE_LIMITS, **COMMENT_RATE_LIMITS}
