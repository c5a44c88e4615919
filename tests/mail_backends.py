"""Mail servers that fail, for the tests that prove nothing is lost when mail cannot leave.

The ``failing_mail`` fixture (tests/conftest.py) runs a test once with each of them.
"""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class RefusingBackend(BaseEmailBackend):
    """The server answers and refuses the recipients; the exception text holds the address."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused(
            {address: (550, b"mailbox unavailable") for m in email_messages for address in m.to}
        )


class UnreachableBackend(BaseEmailBackend):
    """No server at all (the production case: nothing listens on the mail port)."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


FAILING_BACKENDS = {
    "refused": "tests.mail_backends.RefusingBackend",
    "unreachable": "tests.mail_backends.UnreachableBackend",
}
