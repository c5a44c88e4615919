"""Past the retention period, who a booking or a finished referral was about is erased."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from sportelli.models import Booking, Referral, ReferralEvent
from sportelli.retention import ERASED
from tests.factories import BookingFactory, ReferralFactory

# Free slots, agendas and retention depend on the day: every test here runs at PINNED_NOW.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pinned_now")]

DAY = datetime.timedelta(days=1)


def run(capsys):
    call_command("apply_retention")
    return capsys.readouterr().out


def test_old_bookings_lose_name_contacts_and_note_but_stay_counted(capsys, settings, desk):
    settings.LINKRETE_BOOKING_RETENTION_DAYS = 180
    now = timezone.now()
    old = BookingFactory(
        desk=desk,
        starts_at=now - 181 * DAY,
        name="Mario Rossi",
        phone="3331234567",
        email="mario@example.org",
        note="SPID",
        status=Booking.Status.DONE,
    )
    recent = BookingFactory(desk=desk, starts_at=now - 179 * DAY, name="Anna Neri")

    assert "bookings: 1 erased" in run(capsys)

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.phone, old.email, old.note) == (ERASED, ERASED, "", "")
    assert (old.desk, old.status) == (desk, Booking.Status.DONE)
    assert recent.name == "Anna Neri"
    assert "bookings: 0 erased" in run(capsys)  # nothing twice


def test_finished_referrals_lose_every_text_about_the_person(capsys, settings):
    settings.LINKRETE_REFERRAL_RETENTION_DAYS = 365
    # Open referrals follow the stale rule (tests/linkrete/test_apply_retention.py).
    settings.LINKRETE_REFERRAL_STALE_DAYS = 730
    closed = ReferralFactory(status="closed", outcome="Iscritta al corso, sta bene.")
    declined = ReferralFactory(status="declined", decline_reason="Fatima ha già un tutor.")
    open_one = ReferralFactory(status="in_progress")
    ReferralEvent.objects.create(referral=closed, to_status="closed", note="Fatima contenta")
    long_ago = timezone.now() - 366 * DAY
    Referral.objects.update(updated_at=long_ago)

    assert "referrals: 2 erased" in run(capsys)

    for referral in (closed, declined):
        referral.refresh_from_db()
        assert (referral.person_name, referral.person_contact, referral.need) == (
            ERASED,
            "",
            ERASED,
        )
        assert referral.updated_at == long_ago
    assert closed.outcome == ERASED and declined.decline_reason == ERASED
    assert declined.outcome == "" and closed.decline_reason == ""
    assert ReferralEvent.objects.get(referral=closed).note == ""
    open_one.refresh_from_db()
    assert open_one.person_name == "Fatima Benali"


def test_a_recently_finished_referral_is_kept(capsys, settings):
    settings.LINKRETE_REFERRAL_RETENTION_DAYS = 365
    referral = ReferralFactory(status="closed", outcome="Iscritta")

    run(capsys)

    referral.refresh_from_db()
    assert referral.person_name == "Fatima Benali"
