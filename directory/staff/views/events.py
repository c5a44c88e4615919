"""An organization's events and their sessions: every save becomes a Revision, published on
approval, as for activities (``revision_kinds.EventKind``)."""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Count, Min, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.event_attendance import can_mark
from directory.models import EventSignup, Revision
from directory.staff import services
from directory.staff.access import (
    get_organization_for_member,
    get_organization_for_user,
    is_member,
)
from directory.staff.event_forms import EventForm, EventSessionFormSet, session_rows
from directory.staff.forms import formset_rows, serialize
from directory.staff.views.editing import _reopened, _submitted_message, _with_extra_row
from linkrete.paging import page_of


def event_list(request, slug):
    organization = get_organization_for_user(request.user, slug)
    today = timezone.localdate()
    events = page_of(
        request,
        organization.events.annotate(
            next_date=Min("sessions__date", filter=Q(sessions__date__gte=today)),
            session_count=Count("sessions"),
        ).order_by("-next_date", "title", "pk"),
    )
    return render(
        request,
        "staff/event_list.html",
        {
            "organization": organization,
            "events": events,
            # The sign-ups and attendance name families: linked for members only.
            "is_member": is_member(request.user, organization),
            "pending": organization.revisions.pending()
            .filter(kind=Revision.Kind.EVENT)
            .select_related("author"),
        },
    )


def _sessions_formset(request, organization, initial):
    """The sessions' rows; "add a session" posts what was typed and comes back with one more
    empty row, so nothing is lost and no JavaScript is needed."""
    kwargs = {"form_kwargs": {"organization": organization}, "prefix": "sessions"}
    if request.method != "POST":
        return EventSessionFormSet(initial=initial, **kwargs), False
    data = request.POST
    extend = "add_session" in data
    if extend:
        data = _with_extra_row(data, "sessions")
    return EventSessionFormSet(data, **kwargs), extend


def event_edit(request, slug, pk=None):
    organization = get_organization_for_user(request.user, slug)
    event = get_object_or_404(organization.events, pk=pk) if pk else None
    reopened = _reopened(request, organization, Revision.Kind.EVENT, event=event)
    initial_sessions = (
        reopened.data.get("sessions", []) if reopened else session_rows(event) if event else []
    )
    sessions, extend = _sessions_formset(request, organization, initial_sessions)
    if request.method == "POST":
        form = EventForm(request.POST, instance=event, organization=organization)
        if not extend and form.is_valid() and sessions.is_valid():
            rows = formset_rows(sessions)
            if not rows:
                sessions._non_form_errors = sessions.error_class(
                    [_("Give at least one session: its date, times and place.")]
                )
            else:
                data = {**serialize(form), "sessions": rows}
                try:
                    revision = services.revision_submit(
                        author=request.user,
                        organization=organization,
                        kind=Revision.Kind.EVENT,
                        data=data,
                        event=event,
                    )
                except ValidationError as error:
                    for message in error.messages:
                        form.add_error(None, message)
                else:
                    _submitted_message(request, revision)
                    return redirect("staff:event_list", slug=organization.slug)
    else:
        form = EventForm(
            instance=event,
            organization=organization,
            initial=reopened.data if reopened else None,
        )
    return render(
        request,
        "staff/event_form.html",
        {
            "organization": organization,
            "form": form,
            "sessions": sessions,
            "title": _("Edit the event") if event else _("New event"),
        },
    )


# Sign-ups: personal data, the organization's own members only (coordinators too get 404).
SIGNUP_LIST_SESSIONS = 60
SIGNUP_LIST_PAST_DAYS = 31


def event_signup_list(request, slug, pk):
    """The families signed up and waiting, session by session, from a month ago on: one query
    for the sessions and one for all their sign-ups, whatever their number."""
    organization = get_organization_for_member(request.user, slug)
    event = get_object_or_404(organization.events, pk=pk)
    since = timezone.localdate() - datetime.timedelta(days=SIGNUP_LIST_PAST_DAYS)
    active = EventSignup.objects.exclude(status=EventSignup.Status.CANCELLED).order_by(
        "status", "created_at", "pk"
    )
    sessions = list(
        event.sessions.filter(date__gte=since)
        .select_related("location")
        .prefetch_related(Prefetch("signups", queryset=active, to_attr="active_signups"))
        .order_by("date", "starts_at", "pk")[:SIGNUP_LIST_SESSIONS]
    )
    today = timezone.localdate()
    rows = []
    for session in sessions:
        confirmed = [s for s in session.active_signups if s.status == EventSignup.Status.CONFIRMED]
        waiting = [s for s in session.active_signups if s.status == EventSignup.Status.WAITING]
        rows.append(
            {
                "session": session,
                "confirmed": confirmed,
                "waiting": waiting,
                "taken": sum(s.places for s in confirmed),
                "markable": can_mark(session, today),
            }
        )
    return render(
        request,
        "staff/event_signup_list.html",
        {"organization": organization, "event": event, "rows": rows},
    )
