"""The operator's console: agenda of their desks, booking outcomes, the access log and CSV."""

import csv
import datetime
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.hours import Interval, OpeningHours
from famiglie.models import Case
from linkrete import params
from linkrete.csv_export import csv_safe
from linkrete.paging import page_of
from sportelli import access, services
from sportelli.forms import AccessFilterForm, AccessForm, BookingStatusForm
from sportelli.models import Booking, Desk, DeskException, DeskOpeningSlot
from sportelli.slots import local_zone
from sportelli.views import posted

# An agenda day far enough from the calendar's ends that a week either side still exists.
FIRST_DAY = datetime.date(1900, 1, 1)
LAST_DAY = datetime.date(2999, 12, 31)


def _parse_day(value):
    try:
        day = datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return timezone.localdate()
    return day if FIRST_DAY <= day <= LAST_DAY else timezone.localdate()


@dataclass
class DeskDay:
    """One desk on one agenda day: its hours, and the exceptions that changed them."""

    desk: Desk
    intervals: list[Interval]
    exceptions: list[DeskException]


@dataclass
class AgendaDay:
    day: datetime.date
    desks: list[DeskDay] = field(default_factory=list)
    bookings: list[Booking] = field(default_factory=list)


def _agenda_days(shown, first, last, bookings, *, every_day):
    """The days from ``first`` to ``last`` that a shown desk is open or has an exception (every
    day with ``every_day``), plus any day with bookings: a day without bookings still shows,
    so the operator sees the desk is open and free, not a missing day."""
    slots, exceptions = {}, {}
    for slot in DeskOpeningSlot.objects.filter(desk__in=[d.pk for d in shown]):
        slots.setdefault(slot.desk_id, []).append(slot)
    for exception in DeskException.objects.filter(
        desk__in=[d.pk for d in shown], date__gte=first, date__lte=last
    ).order_by("date", "opens_at"):
        exceptions.setdefault(exception.desk_id, []).append(exception)
    hours = {d.pk: OpeningHours(slots.get(d.pk, []), exceptions.get(d.pk, [])) for d in shown}
    by_day = {}
    for booking in bookings:
        by_day.setdefault(timezone.localtime(booking.starts_at).date(), []).append(booking)
    days = []
    day = first
    while day <= last:
        desk_days = []
        for desk in shown:
            intervals = hours[desk.pk].on(day)
            changed = hours[desk.pk].exceptions.get(day, [])
            if intervals or changed:
                desk_days.append(DeskDay(desk=desk, intervals=intervals, exceptions=changed))
        if every_day or desk_days or day in by_day:
            days.append(AgendaDay(day=day, desks=desk_days, bookings=by_day.get(day, [])))
        day += datetime.timedelta(days=1)
    return days


def agenda(request):
    desks = access.require_console(request.user)
    selected = None
    if slug := request.GET.get("sportello"):
        selected = next((d for d in desks if d.slug == slug), None)
        if selected is None:
            raise Http404
    day = _parse_day(request.GET.get("giorno"))
    week = request.GET.get("vista") == "settimana"
    first = day - datetime.timedelta(days=day.weekday()) if week else day
    last = first + datetime.timedelta(days=6 if week else 0)
    zone = local_zone()
    start = datetime.datetime.combine(first, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(
        last + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    shown = [selected] if selected else desks
    now = timezone.now()
    bookings = list(
        Booking.objects.filter(
            desk__in=[d.pk for d in shown], starts_at__gte=start, starts_at__lt=end
        ).for_agenda()
    )
    for booking in bookings:
        booking.status_choices = BookingStatusForm.choices_for(booking, now=now)
    step = datetime.timedelta(days=7 if week else 1)
    return render(
        request,
        "sportelli/console/agenda.html",
        {
            "desks": desks,
            "selected": selected,
            "day": day,
            "first": first,
            "last": last,
            "week": week,
            "days": _agenda_days(shown, first, last, bookings, every_day=not week),
            "previous": day - step,
            "next": day + step,
            "today": timezone.localdate(),
        },
    )


@require_POST
def booking_status(request, pk):
    booking = access.get_booking_for_operator(request.user, pk)
    form = BookingStatusForm(request.POST, booking=booking)
    if form.is_valid():
        status = form.cleaned_data["status"]
        try:
            services.booking_set_status(booking=booking, status=status)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Booking %(code)s: %(status)s.")
                % {"code": booking.code, "status": Booking.Status(status).label},
            )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    day = timezone.localtime(booking.starts_at).date()
    query = {"giorno": day.isoformat()}
    if request.POST.get("vista") == "settimana":
        query["vista"] = "settimana"
    if request.POST.get("sportello") == booking.desk.slug:
        query["sportello"] = booking.desk.slug
    return redirect(f"{reverse('sportelli:console')}?{urlencode(query)}")


def access_create(request, slug):
    desk = access.get_desk_for_operator(request.user, slug)
    booking = None
    if asked := request.GET.get("prenotazione") or request.POST.get("prenotazione"):
        booking_pk = params.positive_int(asked, minimum=1)
        if booking_pk is None:
            raise Http404
        booking = get_object_or_404(Booking, pk=booking_pk, desk=desk)
    initial = {}
    if booking is not None:
        initial = {
            "channel": booking.channel,
            "topics": [booking.topic_id] if booking.topic_id else [],
            "occurred_at": timezone.localtime(booking.starts_at).replace(second=0),
        }
    form = AccessForm(posted(request), desk=desk, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.access_log(
                desk=desk,
                logged_by=request.user,
                occurred_at=data["occurred_at"],
                channel=data["channel"],
                topics=data["topics"],
                age_band=data["age_band"],
                gender=data["gender"],
                citizenship=data["citizenship"],
                municipality=data["municipality"],
                outcome=data["outcome"],
                minutes=data["minutes"],
                booking=booking,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Access logged. You can log the next one."))
            return redirect("sportelli:access_create", slug=desk.slug)
    return render(
        request,
        "sportelli/console/access_form.html",
        {"desk": desk, "form": form, "booking": booking},
    )


def _filtered_accesses(request):
    desks = access.require_console(request.user)
    form = AccessFilterForm(request.GET, desks=Desk.objects.filter(pk__in=[d.pk for d in desks]))
    accesses = form.filter(access.accesses_for_operator(request.user)).for_list()
    return desks, form, accesses


def access_list(request):
    desks, form, accesses = _filtered_accesses(request)
    # Newest first along the index on desk and time, a page at a time; the filters stay in the
    # pager's links, and the CSV holds every access they keep.
    # Whether a family case was opened from each "case to open" access (one EXISTS a row).
    opened = Case.objects.filter(source_access=OuterRef("pk"))
    page = page_of(request, accesses.annotate(has_case=Exists(opened)))
    return render(
        request,
        "sportelli/console/access_list.html",
        {"desks": desks, "form": form, "page": page},
    )


class _Echo:
    def write(self, value):
        return value


CSV_COLUMNS = [
    "desk",
    "date",
    "part_of_day",
    "channel",
    "topics",
    "age_band",
    "gender",
    "citizenship",
    "municipality_istat_code",
    "municipality",
    "outcome",
    "minutes",
    "booked",
]


def part_of_day(moment: datetime.datetime) -> str:
    """Morning, afternoon or evening: the exact minute of an access, next to the agenda, would
    tell who came; the part of the day is enough for planning opening hours."""
    if moment.hour < 13:
        return "morning"
    return "afternoon" if moment.hour < 18 else "evening"


def access_export(request):
    """The filtered accesses as CSV: the anonymous profile only, no names, no contacts, no
    exact time."""
    _desks, _form, accesses = _filtered_accesses(request)
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(CSV_COLUMNS)
        for item in accesses.iterator(chunk_size=500):
            when = timezone.localtime(item.occurred_at)
            yield writer.writerow(
                csv_safe(cell)
                for cell in [
                    item.desk.slug,
                    when.date().isoformat(),
                    part_of_day(when),
                    item.channel,
                    "|".join(t.slug for t in item.topics.all()),
                    item.age_band,
                    item.gender,
                    item.citizenship,
                    item.municipality.istat_code if item.municipality else "",
                    item.municipality.name if item.municipality else "",
                    item.outcome,
                    item.minutes,
                    "1" if item.booking_id else "0",
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="accessi-{timezone.localdate().isoformat()}.csv"'
    )
    return response
