"""Closures and special hours of a desk, kept by its operators from the console."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from linkrete.mail import MailStatus
from sportelli import access, services
from sportelli.forms import DeskClosureForm
from sportelli.views import posted


@require_http_methods(["GET", "POST"])
def desk_closures(request, slug):
    desk = access.get_desk_for_operator(request.user, slug)
    form = DeskClosureForm(posted(request), desk=desk)
    if request.method == "POST" and form.is_valid():
        try:
            cancelled = services.desk_exception_add(
                exception=form.instance,
                cancel_bookings=form.cleaned_data["cancel_bookings"],
                desk_url=request.build_absolute_uri(desk.get_absolute_url()),
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Saved: the desk's hours and free slots are updated."))
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
        {"desk": desk, "form": form, "exceptions": upcoming},
    )


def _tell_mail_outcome(request, cancelled):
    """Who was told by e-mail, and whom the operator must call (by booking code: the agenda
    shows their phone)."""
    by_status = {}
    for booking in cancelled:
        by_status.setdefault(booking.cancellation_mail, []).append(booking.code)
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


@require_POST
def desk_closure_delete(request, slug, pk):
    desk = access.get_desk_for_operator(request.user, slug)
    exception = get_object_or_404(desk.exceptions, pk=pk)
    exception.delete()
    messages.success(request, _("Removed: the desk follows its weekly hours that day."))
    return redirect("sportelli:desk_closures", slug=desk.slug)
