"""How long the desks keep personal data (GDPR art. 5(1)(e), storage limitation).

Past the retention period the fields that tell who a booking or a referral was about are
erased in place: the rows stay, with their dates, desk, channel, topics and statuses, so the
monitoring indicators keep counting them. Run by ``manage.py apply_retention``, daily.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Case, Value, When

from sportelli.models import Booking, Referral, ReferralEvent, ReferralStatus

# What an erased required field holds.
ERASED = "—"


def erase_old_bookings(now: datetime.datetime) -> int:
    """Bookings whose appointment is older than the retention period: name, contacts, note."""
    cutoff = now - datetime.timedelta(days=settings.LINKRETE_BOOKING_RETENTION_DAYS)
    return (
        Booking.objects.filter(starts_at__lt=cutoff)
        .exclude(name=ERASED)
        .update(name=ERASED, phone=ERASED, email="", note="")  # a contact must remain: a dash
    )


def erase_old_referrals(now: datetime.datetime) -> int:
    """Referrals finished (declined or closed) longer ago than the retention period: who, how
    to reach them, what they needed, and every free text written about them."""
    cutoff = now - datetime.timedelta(days=settings.LINKRETE_REFERRAL_RETENTION_DAYS)
    finished = Referral.objects.filter(
        status__in=[ReferralStatus.DECLINED, ReferralStatus.CLOSED], updated_at__lt=cutoff
    ).exclude(person_name=ERASED)
    with transaction.atomic():
        ids = list(finished.values_list("pk", flat=True))
        ReferralEvent.objects.filter(referral__in=ids).exclude(note="").update(note="")
        # update() leaves updated_at alone: the date the referral finished stays true.
        erased = Referral.objects.filter(pk__in=ids).update(
            person_name=ERASED,
            person_contact="",
            need=ERASED,
            note="",
            decline_reason=_erased_unless_empty("decline_reason"),
            outcome=_erased_unless_empty("outcome"),
        )
    return erased


def _erased_unless_empty(field: str):
    """Empty stays empty (a constraint may need it so), any text becomes ``ERASED``."""
    return Case(When(**{field: ""}, then=Value("")), default=Value(ERASED))
