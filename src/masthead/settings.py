"""Masthead's production settings, driven by environment variables (see README, Configuration).

Every variable is read and checked through ``masthead.config``: a bad value stops the process at
start with a message naming it. Editorial settings (the meter's allowances, wall copy) are
Wagtail site settings in the database, not environment variables. The test suite's overrides
live in ``tests/settings.py``, not here.
"""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp import constants as csp

from masthead import config, datadir
from masthead.mailsettings import email_settings

PACKAGE_DIR = Path(__file__).resolve().parent
# Made by the entry points (datadir.prepare), never here: importing the settings creates nothing.
DATA_DIR = datadir.data_dir()
SECRET_KEY = datadir.secret_key(DATA_DIR)
DEBUG = config.boolean("MASTHEAD_DEBUG", False)

SITE_URL = config.url("MASTHEAD_SITE_URL", "http://127.0.0.1:8000", ("http", "https")).rstrip("/")
SITE_HTTPS = SITE_URL.startswith("https://")
ALLOWED_HOSTS = config.host_list("MASTHEAD_ALLOWED_HOSTS", "127.0.0.1,localhost")
_site_host = urlsplit(SITE_URL).hostname
if _site_host and _site_host not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(_site_host)
CSRF_TRUSTED_ORIGINS = [SITE_URL]

INSTALLED_APPS = [
    "masthead.newsroom",
    "masthead.access",
    "masthead.events",
    "masthead.members",
    "masthead.billing",
    "masthead.engagement",
    "masthead.distribution",
    "masthead.revenue",
    "masthead.newsletters",
    "masthead.memberimport",
    "masthead.imports",
    "masthead.comments",
    "masthead.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "anymail",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # Response rules (headers, CSP, gzip, CSRF cookie, metrics) come from masthead.responserules,
    # which the reader path (masthead.readerpath) calls too.
    "masthead.responserules.RequestMetrics",  # outermost: sees every final status
    "masthead.responserules.Security",
    # Compresses HTML, feeds and JSON after every middleware below has written the body (CSP
    # nonces, page shells); its random-length padding is Django's BREACH mitigation.
    "masthead.responserules.GZip",
    "masthead.security.MastheadCSPMiddleware",
    "masthead.security.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "masthead.responserules.Csrf",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "masthead.access.middleware.ReaderMiddleware",
    "masthead.events.traffic.TrafficMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "masthead.imports.redirects.ShortlinkRedirectMiddleware",  # /?p=ID, /?page_id=ID
]

ROOT_URLCONF = "masthead.urls"
WSGI_APPLICATION = "masthead.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "masthead.newsroom.context_processors.publication",
            ],
            # {% part %}: what higher layers contribute to lower layers' pages (parts.py).
            "libraries": {"parts": "masthead.parts"},
        },
    },
]

# Database: SQLite in the data dir unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        config.url(
            "DATABASE_URL",
            f"sqlite:///{DATA_DIR / 'masthead.sqlite3'}",
            ("sqlite", "postgres", "postgresql", "pgsql"),
        ),
        conn_max_age=600,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = None
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE: a write transaction takes the write lock at BEGIN, so two processes
        # cannot both read a meter count and then both write (no lost update, no deadlock).
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
    }

REDIS_URL = config.url("REDIS_URL", "", ("redis", "rediss", "unix"))
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, degrading to a miss when Redis is away (rediscache.py).
            "BACKEND": "masthead.rediscache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "masthead",
            "TIMEOUT": 3600,
        }
    }
else:
    # Without Redis the cache is a table in the database (``createcachetable`` runs after every
    # migrate), so every server process shares it: the sign-in throttle and cache clears on
    # publish hold across processes. The article path reads it through process memory
    # (masthead.caching), so the table is rarely read.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "masthead_cache",
            "TIMEOUT": 3600,
            "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 4},
        }
    }

# Sessions: in the database, read through the shared cache when there is one.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

# The meter store: Redis when REDIS_URL is set, otherwise the database.
METER_STORE = {
    "BACKEND": (
        "masthead.access.stores.redis.RedisMeterStore"
        if REDIS_URL
        else "masthead.access.stores.database.DatabaseMeterStore"
    ),
    "OPTIONS": {"url": REDIS_URL} if REDIS_URL else {},
}
# What to do when the meter store cannot be reached: "open" shows the article uncounted,
# "closed" shows the wall. Either way the failure is logged.
METER_STORE_FAILURE = config.choice("MASTHEAD_METER_FAILURE", "open", ("open", "closed"))
# Reader events are written in batches by a timer (events/buffer.py); 1 writes each at once.
MASTHEAD_EVENTS_IMMEDIATE = config.boolean("MASTHEAD_EVENTS_IMMEDIATE", False)

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if config.boolean("MASTHEAD_TASKS_IMMEDIATE", False)
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# Accounts (allauth, passwords, sign-in throttles, trusted proxies): masthead/accountsettings.py.
from masthead.accountsettings import *  # noqa: E402, F403

LANGUAGE_CODE = "en-us"
TIME_ZONE = config.time_zone("MASTHEAD_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Outgoing mail: MASTHEAD_EMAIL_URL (SMTP or an anymail provider); unset, the demo backend
# prints each message and writes it to <data dir>/mail/ (mailsettings.py).
globals().update(config.parsed("MASTHEAD_EMAIL_URL", email_settings))
if config.raw("MASTHEAD_EMAIL_BACKEND"):  # an explicit backend class wins
    EMAIL_BACKEND = config.dotted_path("MASTHEAD_EMAIL_BACKEND", "")
DEFAULT_FROM_EMAIL = config.email("MASTHEAD_FROM_EMAIL", "newsroom@masthead.local")
ANYMAIL = config.json_object("MASTHEAD_ANYMAIL")
# The provider's tracking webhooks (bounces, complaints) are only mounted with a secret.
if _webhook_secret := config.raw("MASTHEAD_EMAIL_WEBHOOK_SECRET"):
    ANYMAIL["WEBHOOK_SECRET"] = _webhook_secret
ACCOUNT_SIGNUP_FORM_CLASS = "masthead.newsletters.forms.SignupNewsletterForm"

# Newsletter sending: messages per second per worker (0: as fast as the server takes them),
# recipients per claimed batch, and how long a claimed batch stays with a silent worker.
NEWSLETTER_RATE = config.number("MASTHEAD_NEWSLETTER_RATE", 0, 0, 100_000)
NEWSLETTER_BATCH = int(config.number("MASTHEAD_NEWSLETTER_BATCH", 100, 1, 10_000))
NEWSLETTER_LEASE = config.number("MASTHEAD_NEWSLETTER_LEASE", 120, 1, 86_400)
NEWSLETTER_RETRY_BASE = 30.0  # seconds before the first retry of a temporary failure; doubles
# Optional DKIM signing of newsletters: a PEM private key file, its selector and domain.
DKIM_KEY_FILE = config.existing_file("MASTHEAD_DKIM_KEY_FILE")
DKIM_SELECTOR = config.text("MASTHEAD_DKIM_SELECTOR", "masthead")
DKIM_DOMAIN = config.text("MASTHEAD_DKIM_DOMAIN", "")

# Security. Over https:// cookies are Secure and HSTS is sent; over plain http on loopback
# sign-in keeps working.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = SITE_HTTPS
CSRF_COOKIE_SECURE = SITE_HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # the admin (live preview) is relaxed to SAMEORIGIN: security.py
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if SITE_HTTPS:
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Preloading is a lasting commitment for the whole domain: the operator opts in.
    SECURE_HSTS_PRELOAD = config.boolean("MASTHEAD_HSTS_PRELOAD", False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = config.boolean("MASTHEAD_SSL_REDIRECT", True)
# Over plain http (the embedded default on loopback) the https-only checks cannot pass;
# over https every deployment check applies, except preloading, which is the operator's choice.
if SITE_HTTPS:
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
else:
    SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008", "security.W012", "security.W016"]
# Django's security, X-Frame-Options and CSRF middleware are named by these checks; the
# adapters of masthead.responserules take their places, held to it by masthead.E003.
SILENCED_SYSTEM_CHECKS += ["security.W001", "security.W002", "security.W003"]

# Articles are served from snapshots by the fast route (newsroom/routing.py); 0 sends them
# through Wagtail's page routing instead (same gate, same templates).
MASTHEAD_FAST_ARTICLES = config.boolean("MASTHEAD_FAST_ARTICLES", True)

# Bearer token of /metrics (Prometheus); unset: no /metrics at all.
METRICS_TOKEN = config.text("MASTHEAD_METRICS_TOKEN", "")

# Wagtail
WAGTAIL_SITE_NAME = config.text("MASTHEAD_SITE_NAME", "The Meridian Ledger")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]  # no SVG uploads
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_I18N_ENABLED = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Payments: Stripe when keys are set, otherwise the built-in demo provider.
STRIPE_SECRET_KEY = config.text("STRIPE_SECRET_KEY", "")
STRIPE_WEBHOOK_SECRET = config.text("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = config.url("STRIPE_API_BASE", "", ("http", "https"))
PAYMENT_PROVIDER = (
    {
        "BACKEND": "masthead.billing.providers.stripe.StripeProvider",
        "OPTIONS": {
            "secret_key": STRIPE_SECRET_KEY,
            "webhook_secret": STRIPE_WEBHOOK_SECRET,
            "api_base": STRIPE_API_BASE,
        },
    }
    if STRIPE_SECRET_KEY
    else {"BACKEND": "masthead.billing.providers.demo.DemoProvider"}
)
# Reader events older than this are deleted by a periodic task (events/retention.py).
MASTHEAD_EVENT_RETENTION_DAYS = config.integer("MASTHEAD_EVENT_RETENTION_DAYS", 396, minimum=1)

# past_due subscriptions keep access this long while the provider retries the payment.
MASTHEAD_PAST_DUE_GRACE_DAYS = config.integer("MASTHEAD_PAST_DUE_GRACE_DAYS", 7)

# Reader pages; the admin's wider policy is in masthead.security.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF, csp.NONCE],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "frame-src": ["https:"],  # embeds (video, maps) in article bodies
        "frame-ancestors": [csp.NONE],
        "form-action": [csp.SELF],
        "base-uri": [csp.SELF],
        "object-src": [csp.NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"masthead": {"level": "INFO", "handlers": ["console"], "propagate": False}},
}
