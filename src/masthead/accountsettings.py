"""Settings of readers' accounts, read into ``masthead.settings``: allauth, passwords, the
sign-in and comment throttles (allauth's rate limiter), and the trusted reverse proxies."""

from masthead import config, ratelimits

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# Mandatory verification, by a code sent by e-mail: it is what lets sign-up answer the same
# whether or not an address already has an account (no enumeration).
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
# One throttle for every way of signing in (masthead.members.signin): allauth's rate limiter,
# keyed on the account at the client address, in the shared cache.
ACCOUNT_ADAPTER = "masthead.members.adapter.AccountAdapter"
ACCOUNT_FORMS = {"request_login_code": "masthead.members.forms.RequestLoginCodeForm"}
ACCOUNT_RATE_LIMITS = ratelimits.ACCOUNT_RATE_LIMITS
WAGTAILADMIN_USER_LOGIN_FORM = "masthead.members.forms.AdminLoginForm"
# Trusted reverse proxies in front of the app: 0 uses REMOTE_ADDR as the client address; N uses
# the N-th address from the right of X-Forwarded-For.
MASTHEAD_PROXY_COUNT = config.integer("MASTHEAD_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = MASTHEAD_PROXY_COUNT
# The reader's account page (members' "account" URL; a test keeps the two equal): apps below
# members send readers there through this setting, never a literal path or members' URL name.
READER_ACCOUNT_URL = "/account/"
LOGIN_REDIRECT_URL = READER_ACCOUNT_URL
LOGIN_URL = "/accounts/login/"
