"""Closures and special hours of a desk, kept by its operators from the console."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from linkrete import params
from linkrete.mail import MailStatus
from sportelli import access, services
from sportelli.forms import DeskClosureForm
from sportelli.models import Booking
from sportelli.views import posted


@require_http_methods(["GET", "POST"])
def desk_closures(request, slug):
    desk = access.get_desk_for_operator(request.user, slug)
    form = DeskClosureForm(posted(request), desk=desk)
    if request.method == "POST" and form.is_valid():
        try:
            cancelled = _add_exceptions(request, desk, form)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                ngettext(
                    "Saved for %(count)d day: the desk's hours and free slots are updated.",
                    "Saved for %(count)d days: the desk's hours and free slots are updated.",
                    len(form.days),
                )
                % {"count": len(form.days)},
            )
            if cancelled:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)d booking was cancelled.",
                        "%(count)d bookings were cancelled.",
                        len(cancelled),
                    )
                    % {"count": len(cancelled)},
                )
                _tell_mail_outcome(request, cancelled)
            return redirect("sportelli:desk_closures", slug=desk.slug)
    upcoming = desk.exceptions.filter(date__gte=timezone.localdate()).order_by("date", "opens_at")
    return render(
        request,
        "sportelli/console/closures.html",
        {"desk": desk, "form": form, "runs": _runs(upcoming)},
    )


def _tell_mail_outcome(request, cancelled):
    """Who was told by e-mail, and whom the operator must call (by booking code: the agenda
    shows their phone)."""
    by_status = {}
    # As stored now: the mails are sent by the worker, which may already have run.
    outcomes = Booking.objects.filter(pk__in=[b.pk for b in cancelled]).order_by("starts_at")
    for code, status in outcomes.values_list("code", "cancellation_mail"):
        by_status.setdefault(status, []).append(code)
    if sent := by_status.get(MailStatus.SENT):
        messages.info(
            request,
            ngettext(
                "%(count)d person was told by e-mail.",
                "%(count)d people were told by e-mail.",
                len(sent),
            )
            % {"count": len(sent)},
        )
    if pending := by_status.get(MailStatus.PENDING):
        messages.info(
            request,
            ngettext(
                "An e-mail is on its way to %(count)d person.",
                "An e-mail is on its way to %(count)d people.",
                len(pending),
            )
            % {"count": len(pending)},
        )
    if failed := by_status.get(MailStatus.FAILED):
        messages.error(
            request,
            _(
                "The e-mail could not be sent for the bookings %(codes)s: call these people "
                "(the agenda shows their phone)."
            )
            % {"codes": ", ".join(failed)},
        )
    if no_address := by_status.get(MailStatus.NOT_NEEDED):
        messages.warning(
            request,
            _("No e-mail address for the bookings %(codes)s: call these people.")
            % {"codes": ", ".join(no_address)},
        )


@dataclass
class Run:
    """Exceptions alike (closed, hours, reason), one after the other: a period as it was typed,
    listed and removed as one."""

    exceptions: list

    @property
    def first(self):
        return self.exceptions[0]

    @property
    def last(self):
        return self.exceptions[-1]

    @property
    def others(self):
        return self.exceptions[1:]


def _alike(one, other):
    return (one.is_closed, one.opens_at, one.closes_at, one.reason) == (
        other.is_closed,
        other.opens_at,
        other.closes_at,
        other.reason,
    )


def _runs(exceptions):
    runs = []
    for exception in exceptions:
        if runs and _alike(runs[-1].last, exception) and runs[-1].last.date < exception.date:
            runs[-1].exceptions.append(exception)
        else:
            runs.append(Run([exception]))
    return runs


def _add_exceptions(request, desk, form):
    """Every day of the period, or none: the service refuses a day with bookings outside the
    new hours unless told to cancel them, and then nothing of the period is kept."""
    cancelled = []
    desk_url = request.build_absolute_uri(desk.get_absolute_url())
    with transaction.atomic():
        for exception in form.exceptions():
            if exception.is_closed:
                # Closed all day: special hours given earlier for the day would keep it open,
                # and a second closure would only repeat the first.
                earlier = desk.exceptions.filter(date=exception.date)
                if earlier.filter(is_closed=True).exists():
                    continue
                earlier.delete()
            try:
                cancelled += services.desk_exception_add(
                    exception=exception,
                    cancel_bookings=form.cleaned_data["cancel_bookings"],
                    desk_url=desk_url,
                )
            except ValidationError as error:
                if len(form.days) == 1:
                    raise
                day = formats.date_format(exception.date, "l j F Y")
                raise ValidationError(
                    [_("%(day)s: %(problem)s") % {"day": day, "problem": m} for m in error.messages]
                ) from error
    return cancelled


@require_POST
def desk_closure_delete(request, slug, pk):
    desk = access.get_desk_for_operator(request.user, slug)
    exception = get_object_or_404(desk.exceptions, pk=pk)
    # The other days of the same period, listed as one: only this desk's, whatever is posted.
    others = [
        pk for v in request.POST.getlist("altri") if (pk := params.positive_int(v, minimum=1))
    ]
    removed, _detail = desk.exceptions.filter(pk__in=[exception.pk, *others]).delete()
    messages.success(
        request,
        ngettext(
            "Removed: the desk follows its weekly hours that day.",
            "Removed for %(count)d days: the desk follows its weekly hours on them.",
            removed,
        )
        % {"count": removed},
    )
    return redirect("sportelli:desk_closures", slug=desk.slug)
