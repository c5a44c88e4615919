"""Closures and special hours of a desk, kept by its operators from the console."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

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
            return redirect("sportelli:desk_closures", slug=desk.slug)
    upcoming = desk.exceptions.filter(date__gte=timezone.localdate()).order_by("date", "opens_at")
    return render(
        request,
        "sportelli/console/closures.html",
        {"desk": desk, "form": form, "exceptions": upcoming},
    )


@require_POST
def desk_closure_delete(request, slug, pk):
    desk = access.get_desk_for_operator(request.user, slug)
    exception = get_object_or_404(desk.exceptions, pk=pk)
    exception.delete()
    messages.success(request, _("Removed: the desk follows its weekly hours that day."))
    return redirect("sportelli:desk_closures", slug=desk.slug)
