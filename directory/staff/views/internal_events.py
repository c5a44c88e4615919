"""Events internal to a network (meetings of its bodies, the steering board, trainings): seen
only by the staff of the network's member organizations and by the coordinators (anyone else:
404), never on a public page; their minutes are written by the organizing organization's
members (the others read them: 403 to a change)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Min, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory.models import Event, EventSession
from directory.staff.access import is_member
from linkrete.paging import page_of

MINUTES_MAX_LENGTH = 20_000


class MinutesForm(forms.ModelForm):
    minutes = forms.CharField(
        label=capfirst(Event._meta.get_field("minutes").verbose_name),
        required=False,
        max_length=MINUTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=gettext_lazy("What was said and decided; the network's organizations read it."),
    )

    class Meta:
        model = Event
        fields = ["minutes"]


def internal_event_list(request):
    today = timezone.localdate()
    events = page_of(
        request,
        Event.objects.internal_visible_to(request.user)
        .select_related("organization", "internal_network")
        .defer("description", "minutes", "organization__description")
        .annotate(next_date=Min("sessions__date", filter=Q(sessions__date__gte=today)))
        .order_by("next_date", "title", "pk"),
    )
    return render(request, "staff/internal_event_list.html", {"events": events})


def internal_event_detail(request, pk):
    event = get_object_or_404(
        Event.objects.internal_visible_to(request.user)
        .select_related("organization", "internal_network")
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=EventSession.objects.select_related("location").order_by(
                    "date", "starts_at", "pk"
                ),
            )
        ),
        pk=pk,
    )
    organizer = is_member(request.user, event.organization)
    form = MinutesForm(request.POST or None, instance=event)
    if request.method == "POST":
        if not organizer:
            raise PermissionDenied
        if form.is_valid():
            form.save()
            messages.success(request, _("Minutes saved."))
            return redirect("staff:internal_event_detail", pk=event.pk)
    return render(
        request,
        "staff/internal_event_detail.html",
        {"event": event, "form": form if organizer else None},
    )
