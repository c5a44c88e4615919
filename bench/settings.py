"""Settings for the benchmark: production settings (DEBUG off) on the database of DATABASE_URL.

Static files are served unhashed (no collectstatic needed), the test client's host is allowed.
"""

import os

os.environ.setdefault("SECRET_KEY", "linkrete-benchmark-key-not-secret")
os.environ["DEBUG"] = "0"

from linkrete.settings import *  # noqa: E402,F403

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
