"""Signing up for an event's session, and the family's own page (code, .ics, cancel link).

What families type is personal data: it is never echoed on public pages, never put in a URL
(the family's page is reached by an opaque token) and error reports hide it. Nothing is
written before the form is valid; a refused sign-up shows the form again as typed.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from directory import event_signups
from directory.event_ics import signup_calendar
from directory.forms import EventSignupForm
from directory.models import EventSession, EventSignup
from linkrete.throttle import over_limit

# Enough for a family or a social worker signing up several people; not for filling a lab.
SIGNUPS_PER_HOUR = 10


def _public_session(slug, uuid):
    return get_object_or_404(
        EventSession.objects.public().select_related(
            "event__organization", "location__municipality"
        ),
        uuid=uuid,
        event__slug=slug,
    )


def _links(request) -> event_signups.SignupLinks:
    def template(name):
        url = reverse(name, kwargs={"token": "TOKEN"})  # nosec B105 # a placeholder, replaced
        return request.build_absolute_uri(url).replace("TOKEN", "{token}")

    return event_signups.SignupLinks(
        page=template("directory:signup_done"), cancel=template("directory:signup_cancel")
    )


@login_not_required
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def event_signup(request, slug, session):
    session = _public_session(slug, session)
    event = session.event
    closed = event_signups.signup_closed_reason(session)
    # An empty POST is a submitted form too: it gets its messages.
    form = EventSignupForm(request.POST if request.method == "POST" else None, event=event)
    status = 200
    if request.method == "POST" and not closed and form.is_valid():
        if over_limit(request, "event-signup", SIGNUPS_PER_HOUR):
            form.add_error(
                None, _("Many sign-ups were sent from here in a short time: please try later.")
            )
            status = 429
        else:
            try:
                signup = event_signups.signup_create(
                    session=session,
                    name=form.cleaned_data["name"],
                    phone=form.cleaned_data["phone"],
                    email=form.cleaned_data["email"],
                    ages=form.ages(),
                    privacy_consent=form.cleaned_data["privacy_consent"],
                    links=_links(request),
                    idempotency_key=form.cleaned_data["key"],
                )
            except event_signups.SignupClosed as error:
                closed = " ".join(error.messages)
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                return redirect("directory:signup_done", token=signup.cancel_token)
    return render(
        request,
        "directory/event_signup.html",
        {
            "event": event,
            "session": session,
            "form": form,
            "closed": closed,
            "places_left": None if closed else event_signups.places_left(session),
            "meta_title": _("Sign up: %(event)s") % {"event": event.title},
        },
        status=status,
    )


def _signup_by_token(token):
    return get_object_or_404(
        EventSignup.objects.select_related(
            "session__event__organization", "session__location__municipality"
        ),
        cancel_token=token,
    )


@login_not_required
def signup_done(request, token):
    signup = _signup_by_token(token)
    return render(
        request,
        "directory/event_signup_done.html",
        {"signup": signup, "session": signup.session, "event": signup.session.event},
    )


@login_not_required
def signup_ics(request, token):
    signup = _signup_by_token(token)
    if signup.status == EventSignup.Status.CANCELLED:
        raise Http404
    links = _links(request).for_signup(signup)
    response = HttpResponse(
        signup_calendar(signup, page_url=links["page_url"], cancel_url=links["cancel_url"]),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="iscrizione-{signup.code}.ics"'
    return response


@login_not_required
@require_http_methods(["GET", "POST"])
def signup_cancel(request, token):
    signup = _signup_by_token(token)
    if request.method == "POST":
        try:
            event_signups.signup_cancel(signup=signup, links=_links(request))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your sign-up is cancelled. Thank you for telling us."))
        return redirect("directory:signup_done", token=signup.cancel_token)
    return render(
        request,
        "directory/event_signup_cancel.html",
        {"signup": signup, "session": signup.session, "event": signup.session.event},
    )
