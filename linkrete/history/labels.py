"""django-auditlog ships no Italian catalogue: its strings that reach our pages are listed here
so ``make messages`` carries them into ours (one gettext domain: our msgstr serves them)."""

from django.utils.translation import gettext_noop

AUDITLOG_STRINGS = [
    gettext_noop("Audit log"),
    gettext_noop("log entry"),
    gettext_noop("log entries"),
    gettext_noop("create"),
    gettext_noop("update"),
    gettext_noop("delete"),
    gettext_noop("access"),
    gettext_noop("content type"),
    gettext_noop("object representation"),
    gettext_noop("action"),
    gettext_noop("change message"),
    gettext_noop("actor"),
    gettext_noop("timestamp"),
    gettext_noop("Field"),
    gettext_noop("From"),
    gettext_noop("To"),
]
