"""linkrete.mail: mail leaves after the commit, a failure is recorded and logged anonymously."""

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings

from linkrete.mail import Mail, MailStatus, send_after_commit
from tests.mail_backends import FAILING_BACKENDS

pytestmark = pytest.mark.django_db

MAIL = Mail(
    kind="test_kind",
    reference="thing 42",
    subject="Subject",
    body="Body",
    to="persona@example.org",
)


def test_nothing_leaves_for_a_write_that_is_rolled_back(django_capture_on_commit_callbacks):
    outcomes = []
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_after_commit(MAIL, outcomes.append)
        raise RuntimeError
    assert callbacks == [] and outcomes == [] and mail.outbox == []


def test_the_mail_leaves_after_the_commit_and_its_outcome_is_recorded(
    django_capture_on_commit_callbacks,
):
    outcomes = []
    with django_capture_on_commit_callbacks(execute=True):
        assert send_after_commit(MAIL, outcomes.append) == MailStatus.PENDING
        assert mail.outbox == []
    assert outcomes == [MailStatus.SENT]
    assert mail.outbox[0].to == ["persona@example.org"]


@override_settings(EMAIL_BACKEND=FAILING_BACKENDS["refused"])
def test_a_failure_is_recorded_and_logged_without_the_address(
    django_capture_on_commit_callbacks, caplog
):
    outcomes = []
    with django_capture_on_commit_callbacks(execute=True):
        send_after_commit(MAIL, outcomes.append)
    assert outcomes == [MailStatus.FAILED]
    (record,) = [r for r in caplog.records if r.name == "linkrete.mail"]
    assert "test_kind" in record.getMessage() and "thing 42" in record.getMessage()
    assert "persona" not in record.getMessage() and record.exc_info is None


def test_the_backend_in_effect_when_the_action_happened_is_used(
    django_capture_on_commit_callbacks,
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
    ):
        send_after_commit(MAIL)
    assert mail.outbox == []
