"""How long sign-in records are kept: django-axes writes the address, browser and username of
every sign-in (``AccessLog``) and of failed ones while they count (``AccessAttempt``)."""

import datetime

from axes.models import AccessAttempt, AccessLog
from django.conf import settings

from linkrete.retention import Rule, delete_in_batches


def delete_old_sign_in_records(now: datetime.datetime) -> int:
    logs = delete_in_batches(
        AccessLog.objects.filter(
            attempt_time__lt=now - datetime.timedelta(days=settings.LINKRETE_SIGN_IN_LOG_DAYS)
        )
    )
    # A failed attempt only matters while it can lock the account out.
    attempts = delete_in_batches(
        AccessAttempt.objects.filter(attempt_time__lt=now - settings.AXES_COOLOFF_TIME)
    )
    return logs + attempts


def rules() -> list[Rule]:
    return [
        Rule(
            "sign-in records",
            "deleted",
            delete_old_sign_in_records,
            f"{settings.LINKRETE_SIGN_IN_LOG_DAYS} days after the sign-in; failed attempts "
            "after the lockout time",
        )
    ]
