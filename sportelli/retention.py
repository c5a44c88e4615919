"""How long the desks keep personal data (GDPR art. 5(1)(e), storage limitation).

Past the retention period the fields that tell who a booking or a referral was about are
erased in place: the rows stay, with their dates, desk, channel, topics and statuses, so the
monitoring indicators keep counting them. Run by ``manage.py apply_retention``, daily.

The access log (``Access``) holds no name, contact or free text by design: age band, gender,
citizenship group, municipality and topics only, which the indicators need; it has no rule.
Nor have its monthly and daily rollups (``AccessMonth``, ``AccessTopicMonth``, ``AccessDay``,
``AccessTopicDay``): counts by desk, month or day and channel, age band, outcome, area or topic,
with no person and no link to an access.
"""

import datetime

from django.conf import settings
from django.db.models import Q

from linkrete.retention import ERASED, Rule, erase_in_batches, erased_unless_empty
from sportelli.models import Booking, Referral, ReferralEvent, ReferralStatus

__all__ = ["ERASED", "erase_old_bookings", "erase_old_referrals", "rules"]

FINISHED = [ReferralStatus.DECLINED, ReferralStatus.CLOSED]


def _days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def erase_old_bookings(now: datetime.datetime) -> int:
    """Bookings whose appointment is older than the retention period: name, contacts, note."""
    cutoff = now - _days(settings.LINKRETE_BOOKING_RETENTION_DAYS)
    return erase_in_batches(
        Booking.objects.filter(starts_at__lt=cutoff).exclude(name=ERASED),
        # A contact must remain (the model asks for a phone or an e-mail): a dash.
        {"name": ERASED, "phone": ERASED, "email": "", "note": ""},
    )


def erase_old_referrals(now: datetime.datetime) -> int:
    """Referrals finished (declined or closed) longer ago than the retention period, and
    referrals left open (sent, accepted, in progress) with no change for the stale period:
    who, how to reach them, what they needed, and every free text written about them.

    ``updated_at`` is the last change: every status change and every edit saves the referral.
    """
    finished_before = now - _days(settings.LINKRETE_REFERRAL_RETENTION_DAYS)
    untouched_since = now - _days(settings.LINKRETE_REFERRAL_STALE_DAYS)
    due = Referral.objects.filter(
        Q(status__in=FINISHED, updated_at__lt=finished_before)
        | (~Q(status__in=FINISHED) & Q(updated_at__lt=untouched_since))
    ).exclude(person_name=ERASED)

    def erase_events(ids):
        ReferralEvent.objects.filter(referral__in=ids).exclude(note="").update(note="")

    return erase_in_batches(
        due,
        {
            "person_name": ERASED,
            "person_contact": "",
            "need": ERASED,
            "note": "",
            "decline_reason": erased_unless_empty("decline_reason"),
            "outcome": erased_unless_empty("outcome"),
        },
        before_update=erase_events,
    )


def rules() -> list[Rule]:
    return [
        Rule(
            "bookings",
            "erased",
            erase_old_bookings,
            f"{settings.LINKRETE_BOOKING_RETENTION_DAYS} days after the appointment",
        ),
        Rule(
            "referrals",
            "erased",
            erase_old_referrals,
            f"{settings.LINKRETE_REFERRAL_RETENTION_DAYS} days after declined or closed, "
            f"{settings.LINKRETE_REFERRAL_STALE_DAYS} days without change if left open",
        ),
    ]
