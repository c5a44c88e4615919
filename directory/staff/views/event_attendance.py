"""Who came to an event's sessions: the form of one session (the organization's own members:
it names the families), the session's register as CSV (personal, the same), and the counts by
session, audience and age band as CSV (no names: the coordinators see it too)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from directory.event_attendance import (
    attendance_record,
    can_mark,
    confirmed_signups,
    counts_by_band,
    register_rows,
    sessions_with_attendance,
)
from directory.models import AGE_BANDS_BY_SLUG, EventSession
from directory.staff.access import get_organization_for_member, get_organization_for_user
from directory.staff.attendance_forms import SessionAttendanceForm
from linkrete.csv_export import csv_response


def _session(organization, pk):
    """A session of the organization's events that can be marked (today's or a past one,
    not cancelled); any other is out of scope: 404."""
    session = get_object_or_404(
        EventSession.objects.select_related("event", "location"),
        pk=pk,
        event__organization=organization,
    )
    if not can_mark(session, timezone.localdate()):
        raise Http404
    return session


@sensitive_post_parameters()
def event_attendance(request, slug, pk):
    organization = get_organization_for_member(request.user, slug)
    session = _session(organization, pk)
    walk_ins = {w.age_band: w.people for w in session.walk_ins.all()}
    form = SessionAttendanceForm(
        request.POST or None, signups=confirmed_signups(session), walk_ins=walk_ins
    )
    if request.method == "POST" and form.is_valid():
        attendance_record(session=session, came=form.marks(), walk_ins=form.walk_ins())
        messages.success(request, _("Attendance saved."))
        return redirect("staff:event_signup_list", slug=organization.slug, pk=session.event_id)
    return render(
        request,
        "staff/event_attendance.html",
        {"organization": organization, "event": session.event, "session": session, "form": form},
    )


def event_register_export(request, slug, pk):
    organization = get_organization_for_member(request.user, slug)
    session = _session(organization, pk)
    return csv_response(
        f"registro-{session.event.slug}-{session.date:%Y-%m-%d}.csv",
        [_("code"), _("name"), _("phone"), _("e-mail"), _("places"), _("ages"), _("attendance")],
        register_rows(session),
    )


def _count_rows(sessions):
    for session in sessions:
        for slug, signed, walked in counts_by_band(session):
            yield [
                session.date.isoformat(),
                f"{session.starts_at:%H:%M}",
                session.event.title,
                session.event.age_label,
                AGE_BANDS_BY_SLUG[slug].label,
                signed,
                walked,
                signed + walked,
            ]


def event_attendance_export(request, slug):
    organization = get_organization_for_user(request.user, slug)
    sessions = sessions_with_attendance(organization, timezone.localdate())
    return csv_response(
        f"presenze-eventi-{organization.slug}.csv",
        [
            _("date"),
            _("start"),
            _("event"),
            _("audience"),
            _("age band"),
            _("signed up who came"),
            _("walk-ins"),
            _("total"),
        ],
        _count_rows(sessions.iterator(chunk_size=500)),
    )
