"""Settings for the benchmark: production settings (DEBUG off) on the database of DATABASE_URL.

Static files are served unhashed (no collectstatic needed), the test client's host is allowed,
and plain-HTTP requests are answered instead of redirected to HTTPS (the test client speaks
HTTP; in production the TLS proxy does).
"""

import os

os.environ.setdefault("SECRET_KEY", "linkrete-benchmark-key-not-secret")
os.environ.setdefault("FIELD_KEYS", "YmVuY2htYXJrLWZpZWxkLWtleS1ub3Qtc2VjcmV0MDA=")
os.environ["DEBUG"] = "0"
# Populating and measuring national-scale data runs statements longer than a web page may.
os.environ.setdefault("DB_STATEMENT_TIMEOUT", "0")

from linkrete.settings import *  # noqa: E402,F403

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
STORAGES = {
    **STORAGES,  # noqa: F405 (the site's: "private" keeps the consents' signed forms)
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The API's pages are timed many times a minute from one address: its rate limit (one counter
# statement a request, still timed) must not turn them into 429s.
LINKRETE_API_RATE_LIMIT = 10**9
# Production redirects HTTP to HTTPS; the benchmark would time the 301s instead of the pages.
SECURE_SSL_REDIRECT = False
# The site plus a bare view (bench/throughput.py measures the pages against it).
ROOT_URLCONF = "bench.urls"
# bench/throughput.py keeps its visitors' sessions in its own cache directory: the shared
# national-scale database stays read-only while it runs.
if os.environ.get("BENCH_SESSIONS") == "cache":
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"

# bench/journey.py's mails, as files, counted per address (each sent once, whichever worker).
if os.environ.get("BENCH_MAIL_DIR"):
    EMAIL_FILE_PATH = os.environ["BENCH_MAIL_DIR"]
