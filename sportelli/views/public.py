"""Public desk pages and the booking flow: plain GET/POST steps, no JavaScript needed.

What the person types lives in their session until they confirm, for at most
``BOOKING_STATE_SECONDS`` after they start (a booking left half-way on a shared computer does
not keep a name and phone for the whole session); nothing is written to the database before the
last step, and nothing personal ever goes into a URL.
"""

import datetime
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from directory import translations
from directory.hours import OpeningHours
from directory.models import Category, Language
from directory.place_param import Place
from linkrete import params
from linkrete.page_cache import cached_page
from linkrete.paging import PAGE_PARAM, paginate
from linkrete.throttle import over_limit
from sportelli import ics, services
from sportelli.forms import (
    ChannelForm,
    ConsentForm,
    DeskFilterForm,
    DetailsForm,
    SlotForm,
    interface_language_code,
)
from sportelli.models import Booking, Channel, Desk
from sportelli.slots import (
    bookable_window,
    desk_slots,
    first_week_with_slots,
    parse_slot_key,
    slots_by_day,
    slots_of_week,
    week_of,
)
from sportelli.views import posted

# Enough for a family, a social worker or a shared computer; not for filling a desk.
BOOKINGS_PER_HOUR = 10
# Time to go through the five steps, with margin; then the half-typed booking is forgotten.
BOOKING_STATE_SECONDS = 2 * 3600
DESKS_PER_PAGE = 20


def _public_desk(slug):
    """The desk, its texts in the page's language where translated (in the same query)."""
    desks = translations.with_translation(Desk.objects.public(), translations.DESK_FIELDS)
    desk = get_object_or_404(
        desks.select_related("municipality", "host_organization", "location"), slug=slug
    )
    return translations.apply(desk, translations.DESK_FIELDS)


@login_not_required
@cached_page("directory", "desks")
def desk_list(request):
    # The place comes from the place search (``/cerca/luogo/``), the rest from the form.
    form = DeskFilterForm(_form_data(_with_reader_language(request.GET)))
    place = Place.from_query(request.GET)
    desks = place.narrow(Desk.objects.public())
    if form.is_bound:
        desks = form.filter(desks)
    paged = paginate(
        desks.for_list().order_by("name", "pk"), request.GET.get(PAGE_PARAM), DESKS_PER_PAGE
    )
    desks = list(paged.page.object_list)
    return render(
        request,
        "sportelli/desk_list.html",
        {
            "form": form,
            "desks": desks,
            "page_obj": paged.page,
            "notices": place.notices + paged.notices,
            "place": place,
            "has_map": any(_coordinates(d) for d in desks),
            "map_tiles": settings.LINKRETE_MAP_TILE_URL,
            "map_attribution": settings.LINKRETE_MAP_ATTRIBUTION,
        },
    )


def _with_reader_language(query):
    """The filters, the language one defaulting to the reader's interface language when a
    public desk speaks it (one query, on pages in a language other than Italian). Choosing
    "Any language" sends ``lingua=``, which no default replaces."""
    code = interface_language_code()
    if "lingua" in query or code is None:
        return query
    if not Desk.objects.public().filter(languages__code=code).exists():
        return query
    query = query.copy()
    query["lingua"] = code
    return query


def _form_data(query):
    """The filters' values, or ``None`` (an unbound form) when only the page or place is given."""
    if any(query.get(name) for name in DeskFilterForm.base_fields):
        return query
    return None


def _coordinates(desk):
    location = desk.location
    if location and location.has_coordinates:
        return location.latitude, location.longitude
    return None


@login_not_required
@cached_page("directory", "desks")
def desk_detail(request, slug):
    desk = _public_desk(slug)
    today = timezone.localdate()
    hours = OpeningHours(
        desk.opening_slots.all(),
        desk.exceptions.filter(date__gte=today, date__lte=today + datetime.timedelta(days=60)),
    )
    return render(
        request,
        "sportelli/desk_detail.html",
        {
            "desk": desk,
            "weekly": hours.weekly(today),
            "exceptions": hours.upcoming_exceptions(today),
            "topics": desk.topics.all(),
            "languages": desk.languages.all(),
        },
    )


# Booking -----------------------------------------------------------------------------------


def _state(request, desk):
    state = request.session.get(f"sportelli-booking-{desk.pk}", {})
    if state and state.get("started", 0) < time.time() - BOOKING_STATE_SECONDS:
        _clear_state(request, desk)
        return {}
    return state


def _save_state(request, desk, **changes):
    state = {"started": time.time()} | _state(request, desk) | changes
    request.session[f"sportelli-booking-{desk.pk}"] = state
    return state


def _clear_state(request, desk):
    request.session.pop(f"sportelli-booking-{desk.pk}", None)


STEPS = ["channel", "slot", "details", "consent"]
STEP_URLS = {
    "channel": "sportelli:booking_channel",
    "slot": "sportelli:booking_slot",
    "details": "sportelli:booking_details",
    "consent": "sportelli:booking_privacy",
    "summary": "sportelli:booking_summary",
}


def _missing_step(state, upto):
    """The first step before ``upto`` the person has not completed, if any."""
    for step in STEPS[: STEPS.index(upto)] if upto in STEPS else STEPS:
        if not state.get(step):
            return step
    return None


def _redirect_to(step, desk):
    return redirect(STEP_URLS[step], slug=desk.slug)


def _booking_context(desk, step, **extra):
    return {"desk": desk, "step": step, "steps_total": 5} | extra


@login_not_required
@require_http_methods(["GET", "POST"])
def booking_channel(request, slug):
    desk = _public_desk(slug)
    state = _state(request, desk)
    form = ChannelForm(posted(request), desk=desk, initial={"channel": state.get("channel")})
    if request.method == "POST" and form.is_valid():
        _save_state(request, desk, channel=form.cleaned_data["channel"])
        return _redirect_to("slot", desk)
    return render(request, "sportelli/booking_channel.html", _booking_context(desk, 1, form=form))


@login_not_required
@require_http_methods(["GET", "POST"])
def booking_slot(request, slug):
    desk = _public_desk(slug)
    state = _state(request, desk)
    if missing := _missing_step(state, "slot"):
        return _redirect_to(missing, desk)
    asked = min(params.positive_int(request.GET.get("settimana")) or 0, desk.booking_weeks - 1)
    first, last = bookable_window(desk)
    free = desk_slots(desk, first, last)
    # Any free slot of the window is accepted: the week on screen may have moved on meanwhile.
    form = SlotForm(posted(request), slots=free, initial={"slot": state.get("slot")})
    if request.method == "POST" and form.is_valid():
        _save_state(request, desk, slot=form.cleaned_data["slot"])
        return _redirect_to("details", desk)
    weeks = {week_of(slot, first) for slot in free}
    week = first_week_with_slots(free, first, asked)
    start = first + datetime.timedelta(days=7 * week)
    end = min(start + datetime.timedelta(days=6), last)
    return render(
        request,
        "sportelli/booking_slot.html",
        _booking_context(
            desk,
            2,
            form=form,
            days=_choices_by_day(slots_of_week(free, first, week), desk),
            selected=form["slot"].value(),
            week=week,
            week_start=start,
            week_end=end,
            moved_from_empty_week=week != asked,
            no_free_slot=not free,
            window_end=last,
            # Weeks without a free slot are skipped: going back to one would only move on again.
            previous_week=max((w for w in weeks if w < week), default=None),
            next_week=min((w for w in weeks if w > week), default=None),
        ),
    )


@dataclass(frozen=True)
class SlotChoice:
    """A radio button of the slot page: its value, its time, its free places when the desk
    takes more than one person a slot (else "")."""

    key: str
    time: str
    places: str


def _choices_by_day(slots, desk):
    """[(local date, [SlotChoice])]: formatted here, once per slot and once per number of free
    places, rather than by the template language (a busy desk's week is a hundred slots)."""
    places = {}
    if desk.capacity > 1:
        for free in {slot.free for slot in slots}:
            places[free] = ngettext("%(counter)s place", "%(counter)s places", free) % {
                "counter": free
            }
    return [
        (
            day,
            [
                SlotChoice(s.key, s.local_start.strftime("%H:%M"), places.get(s.free, ""))
                for s in day_slots
            ],
        )
        for day, day_slots in slots_by_day(slots)
    ]


@login_not_required
@require_http_methods(["GET", "POST"])
def booking_details(request, slug):
    desk = _public_desk(slug)
    state = _state(request, desk)
    if missing := _missing_step(state, "details"):
        return _redirect_to(missing, desk)
    form = DetailsForm(posted(request), desk=desk, initial=state.get("details"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        details = {
            "name": data["name"],
            "phone": data["phone"],
            "email": data["email"],
            "topic": data["topic"].pk if data["topic"] else None,
            "language": data["language"].pk if data["language"] else None,
            "note": data["note"],
        }
        _save_state(request, desk, details=details)
        return _redirect_to("consent", desk)
    return render(request, "sportelli/booking_details.html", _booking_context(desk, 3, form=form))


@login_not_required
@require_http_methods(["GET", "POST"])
def booking_privacy(request, slug):
    desk = _public_desk(slug)
    state = _state(request, desk)
    if missing := _missing_step(state, "consent"):
        return _redirect_to(missing, desk)
    form = ConsentForm(posted(request), initial={"privacy": state.get("consent")})
    if request.method == "POST" and form.is_valid():
        _save_state(request, desk, consent=True)
        return _redirect_to("summary", desk)
    return render(request, "sportelli/booking_privacy.html", _booking_context(desk, 4, form=form))


@login_not_required
@require_http_methods(["GET", "POST"])
def booking_summary(request, slug):
    desk = _public_desk(slug)
    if request.method == "POST" and (done := _already_booked(request, desk)):
        return done
    state = _state(request, desk)
    if missing := _missing_step(state, "summary"):
        return _redirect_to(missing, desk)
    if not state.get("key"):
        # One key per confirmation: a retried POST finds the booking the first one made.
        state = _save_state(request, desk, key=secrets.token_urlsafe(32))
    details = state["details"]
    starts_at = parse_slot_key(state["slot"])
    topic = Category.objects.filter(pk=details["topic"]).first() if details["topic"] else None
    language = (
        Language.objects.filter(pk=details["language"]).first() if details["language"] else None
    )
    if request.method == "POST":
        if over_limit(request, "booking", BOOKINGS_PER_HOUR):
            messages.error(
                request,
                _("Many bookings were made from here in a short time: please try again later."),
            )
            return _redirect_to("summary", desk)
        cancel_url = request.build_absolute_uri(
            reverse("sportelli:booking_cancel", kwargs={"token": "TOKEN"})  # nosec B105 # placeholder
        ).replace("TOKEN", "{token}")
        try:
            booking = services.booking_create(
                desk=desk,
                starts_at=starts_at,
                channel=state["channel"],
                name=details["name"],
                phone=details["phone"],
                email=details["email"],
                topic=topic,
                language=language,
                note=details["note"],
                privacy_consent=state.get("consent", False),
                cancel_url_template=cancel_url,
                idempotency_key=state["key"],
            )
        except services.SlotUnavailable:
            _save_state(request, desk, slot=None)
            messages.error(
                request,
                _(
                    "Sorry: the time you chose has just been taken or is no longer available. "
                    "Choose another one; what you typed is kept."
                ),
            )
            return _redirect_to("slot", desk)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return _redirect_to("details", desk)
        _clear_state(request, desk)
        return redirect("sportelli:booking_done", token=booking.cancel_token)
    return render(
        request,
        "sportelli/booking_summary.html",
        _booking_context(
            desk,
            5,
            starts_at=starts_at,
            channel=Channel(state["channel"]).label,
            details=details,
            topic=topic,
            language=language,
            key=state["key"],
        ),
    )


def _already_booked(request, desk):
    """The done page of the booking this confirmation already made (double click, back and
    resubmit, retry after an error), whether or not the session still holds the steps."""
    # The key is a token_urlsafe: anything else (a NUL byte, which PostgreSQL refuses) is none.
    key = params.slug(request.POST.get("key"))
    booking = Booking.objects.filter(desk=desk, idempotency_key=key).first() if key else None
    if booking is None:
        return None
    _clear_state(request, desk)
    return redirect("sportelli:booking_done", token=booking.cancel_token)


def _booking_by_token(token):
    return get_object_or_404(
        Booking.objects.select_related("desk__location", "desk__municipality", "topic"),
        cancel_token=token,
    )


@login_not_required
def booking_done(request, token):
    booking = _booking_by_token(token)
    return render(
        request, "sportelli/booking_done.html", {"booking": booking, "desk": booking.desk}
    )


@login_not_required
def booking_ics(request, token):
    booking = _booking_by_token(token)
    if booking.status == Booking.Status.CANCELLED:
        raise Http404
    # In the language the booking was made in, as its e-mail: the file is the confirmation's.
    with translation.override(booking.interface_language):
        cancel_url = request.build_absolute_uri(
            reverse("sportelli:booking_cancel", kwargs={"token": booking.cancel_token})
        )
        calendar = ics.booking_calendar(booking, cancel_url=cancel_url)
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="appuntamento-{booking.code}.ics"'
    return response


@login_not_required
@require_http_methods(["GET", "POST"])
def booking_cancel(request, token):
    booking = _booking_by_token(token)
    if request.method == "POST":
        try:
            services.booking_cancel(booking=booking)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your appointment is cancelled. Thank you for telling us."))
        return redirect("sportelli:booking_done", token=booking.cancel_token)
    return render(
        request, "sportelli/booking_cancel.html", {"booking": booking, "desk": booking.desk}
    )
