"""Every table that holds a person's data has a retention rule: a row just inside its period
stays whole, one just past it loses who it was about and keeps what monitoring counts."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import RequestFactory

from directory.models import (
    Application,
    EventSignup,
    Invitation,
    Membership,
    ProblemReport,
    Volunteer,
    VolunteerHours,
)
from directory.staff import services
from linkrete.accounts.models import RateCounter, User
from linkrete.retention import BATCH_SIZE, ERASED
from linkrete.throttle import over_limit
from sportelli.models import Referral, ReferralEvent
from tests.factories import (
    ApplicationFactory,
    EventSessionFactory,
    EventSignupFactory,
    ProblemReportFactory,
    ReferralFactory,
    UserFactory,
    VolunteerFactory,
    VolunteerHoursFactory,
    VolunteeringCallFactory,
)

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
NOW = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=ROME)
DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture(autouse=True)
def _now(time_machine):
    time_machine.move_to(NOW, tick=False)


def run(capsys) -> str:
    call_command("apply_retention")
    return capsys.readouterr().out


# Referrals left open ------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["sent", "accepted", "in_progress"])
def test_a_referral_left_open_is_erased_after_the_stale_period(capsys, settings, status):
    settings.LINKRETE_REFERRAL_STALE_DAYS = 365
    stale = ReferralFactory(status=status, note="Vive con la nonna.")
    fresh = ReferralFactory(status=status)
    ReferralEvent.objects.create(referral=stale, to_status=status, note="Chiamata Fatima")
    Referral.objects.filter(pk=stale.pk).update(updated_at=NOW - 365 * DAY - HOUR)
    Referral.objects.filter(pk=fresh.pk).update(updated_at=NOW - 365 * DAY + HOUR)

    assert "referrals: 1 erased" in run(capsys)

    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert (stale.person_name, stale.person_contact, stale.need, stale.note) == (
        ERASED,
        "",
        ERASED,
        "",
    )
    assert stale.status == status and stale.to_organization_id  # still counted
    assert stale.updated_at == NOW - 365 * DAY - HOUR
    assert ReferralEvent.objects.get(referral=stale).note == ""
    assert fresh.person_name == "Fatima Benali"
    assert "referrals: 0 erased" in run(capsys)


# Event sign-ups ----------------------------------------------------------------------------


def test_an_event_sign_up_is_erased_after_the_period_and_keeps_its_places(capsys, settings):
    settings.LINKRETE_EVENT_SIGNUP_RETENTION_DAYS = 180
    old = EventSignupFactory(
        session=EventSessionFactory(date=(NOW - 181 * DAY).date()), name="Zeffirina Q."
    )
    recent = EventSignupFactory(session=EventSessionFactory(date=(NOW - 179 * DAY).date()))

    assert "event sign-ups: 1 erased" in run(capsys)

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.phone, old.email) == (ERASED, ERASED, "")
    assert (old.places, old.ages, old.status) == (2, [7, 9], EventSignup.Status.CONFIRMED)
    assert recent.name == "Famiglia Rossi" and recent.email
    assert "event sign-ups: 0 erased" in run(capsys)


# Volunteering applications ------------------------------------------------------------------


def test_an_answered_application_is_erased_after_the_period(capsys, settings):
    settings.LINKRETE_APPLICATION_RETENTION_DAYS = 180
    declined = ApplicationFactory(
        status=Application.Status.DECLINED,
        phone="3331112222",
        message="Ho tempo il sabato.",
        decided_at=NOW - 180 * DAY - HOUR,
    )
    recent = ApplicationFactory(status=Application.Status.ACCEPTED, decided_at=NOW - 179 * DAY)

    assert "volunteering applications: 1 erased" in run(capsys)

    declined.refresh_from_db()
    recent.refresh_from_db()
    assert (declined.first_name, declined.last_name, declined.email, declined.phone) == (
        ERASED,
        ERASED,
        "",
        "",
    )
    assert (declined.birth_date, declined.message) == (None, "")
    assert declined.status == Application.Status.DECLINED and declined.call_id
    assert declined.created_at == NOW and declined.decided_at == NOW - 180 * DAY - HOUR
    assert recent.first_name == "Luca" and recent.birth_date == datetime.date(2005, 5, 5)
    assert "volunteering applications: 0 erased" in run(capsys)


def test_the_800_day_old_declined_application_of_the_issue_is_erased(capsys):
    old = ApplicationFactory(status=Application.Status.DECLINED, decided_at=NOW - 800 * DAY)
    run(capsys)
    old.refresh_from_db()
    assert (old.first_name, old.email, old.birth_date) == (ERASED, "", None)


def test_an_unanswered_application_waits_for_the_call_deadline(capsys, settings):
    settings.LINKRETE_APPLICATION_RETENTION_DAYS = 180
    cutoff = (NOW - 180 * DAY).date()
    closed_call = VolunteeringCallFactory(deadline=cutoff - DAY)
    open_call = VolunteeringCallFactory(deadline=cutoff)
    no_deadline = VolunteeringCallFactory(deadline=None)
    gone = ApplicationFactory(call=closed_call)
    waiting = ApplicationFactory(call=open_call)
    old_open_ended = ApplicationFactory(call=no_deadline)
    new_open_ended = ApplicationFactory(call=no_deadline)
    Application.objects.exclude(pk=new_open_ended.pk).update(created_at=NOW - 400 * DAY)
    Application.objects.filter(pk=new_open_ended.pk).update(created_at=NOW - 179 * DAY)

    assert "volunteering applications: 2 erased" in run(capsys)

    names = dict(Application.objects.values_list("pk", "first_name"))
    assert names == {
        gone.pk: ERASED,
        waiting.pk: "Luca",
        old_open_ended.pk: ERASED,
        new_open_ended.pk: "Luca",
    }


# Volunteers ---------------------------------------------------------------------------------


def test_a_volunteer_who_left_is_erased_after_the_years_and_the_hours_stay(capsys, settings):
    settings.LINKRETE_VOLUNTEER_RETENTION_YEARS = 10
    today = NOW.date()
    left_long_ago = VolunteerFactory(
        start_date=datetime.date(2010, 1, 1),
        end_date=today.replace(year=2016) - DAY,
        tax_code="RSSMRA80A01F205X",
        birth_date=datetime.date(1980, 1, 1),
        phone="3330000000",
        address="Via Roma 1",
        skills="Primo soccorso",
        notes="Allergico alle api",
        is_insured=True,
        insurance_policy="UNIPOL 123",
    )
    VolunteerHoursFactory(volunteer=left_long_ago, hours=3, description="Con la signora Rosa")
    left_recently = VolunteerFactory(
        start_date=datetime.date(2010, 1, 1), end_date=today.replace(year=2016)
    )
    active = VolunteerFactory(end_date=None, start_date=datetime.date(2000, 1, 1))

    assert "volunteers: 1 erased" in run(capsys)

    left_long_ago.refresh_from_db()
    assert (left_long_ago.first_name, left_long_ago.last_name) == (ERASED, ERASED)
    assert (
        left_long_ago.tax_code,
        left_long_ago.birth_date,
        left_long_ago.email,
        left_long_ago.phone,
        left_long_ago.address,
        left_long_ago.skills,
        left_long_ago.notes,
    ) == ("", None, "", "", "", "", "")
    # The register's facts stay: dates of service, insurance, and the hours given.
    assert left_long_ago.start_date == datetime.date(2010, 1, 1)
    assert left_long_ago.is_insured and left_long_ago.insurance_policy == "UNIPOL 123"
    hours = VolunteerHours.objects.get(volunteer=left_long_ago)
    assert (hours.hours, hours.description) == (3, "")
    assert Volunteer.objects.filter(pk__in=[left_recently.pk, active.pk], first_name="Giulia")
    assert Volunteer.objects.filter(first_name="Giulia").count() == 2
    assert "volunteers: 0 erased" in run(capsys)


# Problem reports ----------------------------------------------------------------------------


def test_a_handled_problem_report_loses_its_free_text_after_the_period(capsys, settings):
    settings.LINKRETE_PROBLEM_REPORT_RETENTION_DAYS = 90
    handled = ProblemReportFactory(
        status=ProblemReport.Status.FIXED,
        handled_at=NOW - 90 * DAY - HOUR,
        coordinator_note="Sentito il presidente, Mario.",
    )
    just_handled = ProblemReportFactory(
        status=ProblemReport.Status.DISMISSED, handled_at=NOW - 89 * DAY
    )
    still_new = ProblemReportFactory()
    ProblemReport.objects.filter(pk=still_new.pk).update(created_at=NOW - 900 * DAY)

    assert "problem reports: 1 erased" in run(capsys)

    handled.refresh_from_db()
    assert (handled.message, handled.coordinator_note) == ("", "")
    assert handled.problems == [ProblemReport.Problem.HOURS]
    assert handled.status == ProblemReport.Status.FIXED and handled.activity_id
    for kept in (just_handled, still_new):  # a new report waits for a coordinator
        kept.refresh_from_db()
        assert kept.message == "Il sabato sono chiusi da settembre."
    assert "problem reports: 0 erased" in run(capsys)


# Rate-limit counters and batches ------------------------------------------------------------


def test_expired_rate_counters_are_deleted(capsys, time_machine):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    over_limit(request, "problem-report", 5, period=3600)
    time_machine.move_to(NOW + HOUR - datetime.timedelta(seconds=1), tick=False)
    over_limit(request, "booking", 5, period=3600)
    time_machine.move_to(NOW + HOUR, tick=False)

    assert "rate-limit counters: 1 deleted" in run(capsys)
    assert list(RateCounter.objects.values_list("key", flat=True))[0].startswith("booking:")


def test_erasing_works_in_batches_and_reaches_every_row(capsys, settings):
    settings.LINKRETE_APPLICATION_RETENTION_DAYS = 180
    call = VolunteeringCallFactory()
    Application.objects.bulk_create(
        ApplicationFactory.build(call=call, status="declined", decided_at=NOW - 200 * DAY)
        for _ in range(BATCH_SIZE + 3)
    )
    assert f"volunteering applications: {BATCH_SIZE + 3} erased" in run(capsys)
    assert not Application.objects.exclude(first_name=ERASED).exists()


# Invitations --------------------------------------------------------------------------------


def test_expired_invitations_go_with_the_accounts_made_for_them(capsys, settings, organization):
    settings.LINKRETE_INVITATION_DAYS = 7

    def invited(user, expires_at):
        return Invitation.objects.create(
            organization=organization,
            user=user,
            role="editor",
            token_hash=Invitation.hash_token(user.username),
            expires_at=expires_at,
        )

    never_used = UserFactory(username="mai-entrata", password=None)
    never_used.set_unusable_password()
    never_used.save()
    User.objects.filter(pk=never_used.pk).update(date_joined=NOW - 8 * DAY)
    invited(never_used, NOW - DAY)
    waiting = UserFactory(username="in-attesa", password=None)
    waiting.set_unusable_password()
    waiting.save()
    still_valid = invited(waiting, NOW + HOUR)
    existing = UserFactory(username="con-account")
    invited(existing, NOW)
    member = UserFactory(username="entrata")
    Membership.objects.create(user=member, organization=organization)

    assert "invitations: 2 deleted" in run(capsys)

    assert list(Invitation.objects.all()) == [still_valid]
    assert not User.objects.filter(pk=never_used.pk).exists()
    assert User.objects.filter(pk__in=[waiting.pk, existing.pk, member.pk]).count() == 3
    assert "invitations: 0 deleted" in run(capsys)


# Sign-in records ----------------------------------------------------------------------------


def test_sign_in_records_are_deleted_after_the_period(capsys, settings):
    settings.LINKRETE_SIGN_IN_LOG_DAYS = 90
    old = AccessLog.objects.create(username="anna", ip_address="203.0.113.1", user_agent="x")
    recent = AccessLog.objects.create(username="anna", ip_address="203.0.113.1", user_agent="x")
    AccessLog.objects.filter(pk=old.pk).update(attempt_time=NOW - 90 * DAY - HOUR)
    AccessLog.objects.filter(pk=recent.pk).update(attempt_time=NOW - 89 * DAY)
    failed = AccessAttempt.objects.create(
        username="anna", ip_address="203.0.113.1", user_agent="x", failures_since_start=1
    )
    AccessAttempt.objects.filter(pk=failed.pk).update(
        attempt_time=NOW - settings.AXES_COOLOFF_TIME - HOUR
    )

    assert "sign-in records: 2 deleted" in run(capsys)
    assert list(AccessLog.objects.all()) == [recent]
    assert not AccessAttempt.objects.exists()


def test_an_erased_unanswered_application_cannot_be_accepted_any_more(capsys, staff):
    application = ApplicationFactory(call=VolunteeringCallFactory(deadline=None))
    Application.objects.update(created_at=NOW - 400 * DAY)
    run(capsys)
    application.refresh_from_db()
    with pytest.raises(ValidationError):
        services.application_accept(application=application, decided_by=staff)
    assert not Volunteer.objects.exists()
