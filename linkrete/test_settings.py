"""Settings for the test suite: production settings with DEBUG off and a throwaway key."""

import os

os.environ.setdefault("SECRET_KEY", "linkrete-test-suite-key")
os.environ["DEBUG"] = "0"
os.environ.setdefault("FIELD_KEYS", "dGVzdC1zdWl0ZS1maWVsZC1rZXktMDAwMDAwMDAwMDA=")

from linkrete.settings import *  # noqa: E402,F403
from linkrete.settings import CACHES, DATABASES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Each test process its own cache (conftest.py empties it before every test).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    "fragments": CACHES["fragments"],
}
# The browser tests' live server speaks plain http.
SESSION_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
CSRF_COOKIE_SECURE = False
# The real queue: a test enqueues into the database and runs the task (or `db_worker`) itself,
# so the suite needs no worker and sees exactly what was enqueued.
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
# Mails are sent as soon as their task is enqueued (after the commit), so the tests of the
# services read the outbox at once; tests/linkrete/test_mail.py runs them through the queue.
LINKRETE_MAIL_TASK_BACKEND = "immediate"
SMS_BACKEND = "linkrete.sms.LocmemBackend"
# The replica of the public search (linkrete/read_replica.py) as a second connection to the
# test database; off, except in the tests that turn LINKRETE_READ_REPLICA on.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
LINKRETE_READ_REPLICA = False
# Statements may take longer than the site's 25 s on a busy CI machine (a fixture importing
# 10,000 bodies waited on a lock there): the suite's connections allow two minutes.
STATEMENT_TIMEOUT_SECONDS = 120
DATABASES["default"]["OPTIONS"]["options"] = DATABASES["default"]["OPTIONS"]["options"].replace(
    "statement_timeout=25000", "statement_timeout=120000"
)
