"""How long the network keeps personal data (GDPR art. 5(1)(e), storage limitation).

Past its period a row is erased in place: the fields that tell who it was about become empty
(or ``ERASED`` where a text is required), while dates, statuses, calls, activities and hours
stay for the monitoring and the registers. Run by ``manage.py apply_retention``, daily.

Not listed here, because they hold no person's data: organizations, locations and activities
(public contacts of bodies), board posts and place requests (between organizations), revisions
(proposed public data), possible duplicates and merge logs (organizations, and the
coordinator who acted). The needs survey's rounds and answers
(``directory/models/survey.py``) are the organizations' own statements of what they need, with
no person named and no record of who typed them: they stay with the network's monitoring.
Staff accounts are people's own, kept while they work in the network;
an account made for an invitation nobody accepted goes with the invitation.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from directory.models import (
    Application,
    EventSignup,
    ImportBatch,
    Invitation,
    ProblemReport,
    SearchRefresh,
    Volunteer,
    VolunteerHours,
)
from linkrete.retention import ERASED, Rule, delete_in_batches, erase_in_batches


def _days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def erase_old_event_signups(now: datetime.datetime) -> int:
    """Sign-ups for sessions older than the retention period: who signed up and how to reach
    them. The places, the ages, the status and whether they came stay: attendance by age band
    counts them (``directory/event_attendance.py``)."""
    cutoff = now - _days(settings.LINKRETE_EVENT_SIGNUP_RETENTION_DAYS)
    return erase_in_batches(
        EventSignup.objects.filter(session__date__lt=cutoff.date()).exclude(name=ERASED),
        # A contact must remain (the model asks for a phone or an e-mail): a dash.
        {"name": ERASED, "phone": ERASED, "email": ""},
    )


def erase_old_applications(now: datetime.datetime) -> int:
    """Applications to volunteer, once the retention period has passed since the answer (an
    accepted applicant's data now lives in the volunteer register), or, left unanswered,
    since the call's deadline (or since the application, for a call without one)."""
    cutoff = now - _days(settings.LINKRETE_APPLICATION_RETENTION_DAYS)
    answered = ~Q(status=Application.Status.NEW) & (
        Q(decided_at__lt=cutoff) | Q(decided_at__isnull=True, created_at__lt=cutoff)
    )
    unanswered = Q(status=Application.Status.NEW, created_at__lt=cutoff) & (
        Q(call__deadline__isnull=True) | Q(call__deadline__lt=cutoff.date())
    )
    return erase_in_batches(
        Application.objects.filter(answered | unanswered).exclude(first_name=ERASED),
        {
            "first_name": ERASED,
            "last_name": ERASED,
            "email": "",
            "phone": "",
            "birth_date": None,
            "message": "",
        },
    )


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def erase_former_volunteers(now: datetime.datetime) -> int:
    """Volunteers who left the organization longer ago than the retention period (in years:
    the register and the insurance may be asked about past service). The record and its hours
    stay, so the organization's totals and the insurance periods remain; who it was goes."""
    left_before = _years_before(
        timezone.localdate(now), settings.LINKRETE_VOLUNTEER_RETENTION_YEARS
    )

    def erase_hour_descriptions(ids):
        VolunteerHours.objects.filter(volunteer__in=ids).exclude(description="").update(
            description=""
        )

    return erase_in_batches(
        Volunteer.objects.filter(end_date__lt=left_before).exclude(first_name=ERASED),
        {
            "first_name": ERASED,
            "last_name": ERASED,
            "tax_code": "",
            "birth_date": None,
            "email": "",
            "phone": "",
            "address": "",
            "skills": "",
            "notes": "",
        },
        before_update=erase_hour_descriptions,
    )


def erase_handled_problem_reports(now: datetime.datetime) -> int:
    """Reports are anonymous, but their free text may name someone: once a report has been
    handled and the retention period has passed, its message and the coordinator's note go;
    what was wrong, where, the status and the dates stay."""
    cutoff = now - _days(settings.LINKRETE_PROBLEM_REPORT_RETENTION_DAYS)
    handled = ~Q(status=ProblemReport.Status.NEW) & (
        Q(handled_at__lt=cutoff) | Q(handled_at__isnull=True, created_at__lt=cutoff)
    )
    return erase_in_batches(
        ProblemReport.objects.filter(handled).exclude(message="", coordinator_note=""),
        {"message": "", "coordinator_note": ""},
    )


def delete_expired_invitations(now: datetime.datetime) -> int:
    """Invitations past their validity, accepted or not (the membership records who joined),
    then the accounts made for an invitation nobody accepted: never signed in, no password,
    no organization, no role."""
    deleted = delete_in_batches(Invitation.objects.filter(expires_at__lte=now))
    never_used = get_user_model().objects.filter(
        password__startswith=UNUSABLE_PASSWORD_PREFIX,
        last_login__isnull=True,
        is_staff=False,
        is_superuser=False,
        groups__isnull=True,
        memberships__isnull=True,
        invitations__isnull=True,
        date_joined__lt=now - _days(settings.LINKRETE_INVITATION_DAYS),
    )
    delete_in_batches(never_used)
    return deleted


# Search refreshes and the task queue's rows hold no personal data, only ids and dates: they
# go a while after they finish, long enough to look back at a slow refresh. Unfinished ones
# stay, for the admin's "Run again".
FINISHED_WORK_DAYS = 30


def delete_finished_search_refreshes(now: datetime.datetime) -> int:
    return delete_in_batches(
        SearchRefresh.objects.filter(finished_at__lt=now - _days(FINISHED_WORK_DAYS))
    )


def delete_finished_tasks(now: datetime.datetime) -> int:
    """The background worker's finished tasks (django-tasks-db), whichever app enqueued them."""
    return delete_in_batches(
        DBTaskResult.objects.finished().filter(finished_at__lt=now - _days(FINISHED_WORK_DAYS))
    )


# A queued mail or text message holds its address and text while it waits (linkrete/mail.py),
# at most the 2.5 hours of its retries; the task empties them when it ends. One whose worker was
# killed mid-send would keep them: every such row goes a week after it was queued.
MESSAGE_TASK_DAYS = 7


def delete_old_message_tasks(now: datetime.datetime) -> int:
    from linkrete.mail import deliver_mail
    from linkrete.sms import deliver_sms

    return delete_in_batches(
        DBTaskResult.objects.filter(
            task_path__in=[deliver_mail.module_path, deliver_sms.module_path],
            enqueued_at__lt=now - _days(MESSAGE_TASK_DAYS),
        )
    )


# An uploaded file is kept only until its batch has run (the import erases it then), or, for a
# dry run, long enough to press "Import it" after reading the report. A network's spreadsheet
# may hold its contacts' e-mails; the batch's counts, errors and records stay, for the undo.
IMPORT_FILE_DAYS = 7


def erase_old_import_files(now: datetime.datetime) -> int:
    return erase_in_batches(
        ImportBatch.objects.filter(
            source__isnull=False, created_at__lt=now - _days(IMPORT_FILE_DAYS)
        ),
        {"source": None},
    )


def rules() -> list[Rule]:
    return [
        Rule(
            "event sign-ups",
            "erased",
            erase_old_event_signups,
            f"{settings.LINKRETE_EVENT_SIGNUP_RETENTION_DAYS} days after the session",
        ),
        Rule(
            "volunteering applications",
            "erased",
            erase_old_applications,
            f"{settings.LINKRETE_APPLICATION_RETENTION_DAYS} days after the answer, "
            "or after the call's deadline if unanswered",
        ),
        Rule(
            "volunteers",
            "erased",
            erase_former_volunteers,
            f"{settings.LINKRETE_VOLUNTEER_RETENTION_YEARS} years after leaving",
        ),
        Rule(
            "problem reports",
            "erased",
            erase_handled_problem_reports,
            f"{settings.LINKRETE_PROBLEM_REPORT_RETENTION_DAYS} days after handling",
        ),
        Rule(
            "invitations",
            "deleted",
            delete_expired_invitations,
            f"once expired, {settings.LINKRETE_INVITATION_DAYS} days after sending, with the "
            "accounts made for them if never used",
        ),
        Rule(
            "import files",
            "erased",
            erase_old_import_files,
            f"{IMPORT_FILE_DAYS} days after upload (at once once imported)",
        ),
        Rule(
            "search refreshes",
            "deleted",
            delete_finished_search_refreshes,
            f"{FINISHED_WORK_DAYS} days after finishing",
        ),
        Rule(
            "background tasks",
            "deleted",
            delete_finished_tasks,
            f"{FINISHED_WORK_DAYS} days after finishing",
        ),
        Rule(
            "queued mails and text messages",
            "deleted",
            delete_old_message_tasks,
            f"{MESSAGE_TASK_DAYS} days after queueing, whatever their state",
        ),
    ]
