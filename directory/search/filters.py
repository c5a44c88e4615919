"""The search filters of the public directory (``/cerca/``), one query parameter each.

django-filter builds and validates the form; each valid parameter becomes a ``Q`` condition on
activities (``ActivityFilter.conditions``), so the results apply them all and each facet can
count with all the others (``directory.search.facets``). A parameter that does not validate is left
out, and ``notices`` says so: a browser can send anything, the page never breaks.
"""

import datetime
import re

import django_filters
from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from directory.models import (
    AGE_BANDS,
    AGE_BANDS_BY_SLUG,
    Activity,
    Location,
    OpeningSlot,
    ScheduleException,
)
from directory.models.activity import age_condition, age_range_condition
from directory.search import tags as search_tags
from directory.search import text
from directory.search.geo import Point, box_around, near
from directory.search.plan import HoldsAnyTag, holds, row_by_row, tagged
from directory.search.thresholds import DEFAULT_RADIUS_KM, MAX_RADIUS_KM

DAYS = {"lun": 1, "mar": 2, "mer": 3, "gio": 4, "ven": 5, "sab": 6, "dom": 7}
DAY_CHOICES = [
    ("lun", pgettext_lazy("weekday", "Monday")),
    ("mar", pgettext_lazy("weekday", "Tuesday")),
    ("mer", pgettext_lazy("weekday", "Wednesday")),
    ("gio", pgettext_lazy("weekday", "Thursday")),
    ("ven", pgettext_lazy("weekday", "Friday")),
    ("sab", pgettext_lazy("weekday", "Saturday")),
    ("dom", pgettext_lazy("weekday", "Sunday")),
]
MODE_CHOICES = [("presenza", _("in person")), ("remoto", _("remote"))]
ORDER_CHOICES = [("rilevanza", _("relevance")), ("distanza", _("distance")), ("nome", _("name"))]
ISTAT_CODE = re.compile(r"^[0-9]{6}$")

# Facet groups: the parameters that make one filter (and are dropped together).
GROUPS = {
    "q": ("q",),
    "eta": ("eta",),
    "fascia": ("fascia",),
    "categoria": ("categoria",),
    "comune": ("comune",),
    "zona": ("zona",),
    "vicino": ("vicino", "raggio"),
    "giorno": ("giorno", "ora"),
    "aperto_ora": ("aperto_ora",),
    "gratis": ("gratis",),
    "lingua": ("lingua",),
    "accessibile": ("accessibile",),
    "modalita": ("modalita",),
}


class PointField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return Point.parse(value)
        except ValueError:
            raise forms.ValidationError(
                _("Give a position as latitude,longitude."), code="invalid"
            ) from None


class FlagField(forms.BooleanField):
    """A checkbox: present and not false/0 means yes."""

    def __init__(self, *args, **kwargs):
        kwargs["required"] = False
        super().__init__(*args, **kwargs)


class ParameterFilter(django_filters.Filter):
    """Only validates: the conditions are built by ``ActivityFilter``."""

    field_class = forms.CharField

    def filter(self, qs, value):
        return qs


class PointFilter(ParameterFilter):
    field_class = PointField


class FlagFilter(ParameterFilter):
    field_class = FlagField


class IntegerFilter(ParameterFilter):
    field_class = forms.IntegerField


class FloatFilter(ParameterFilter):
    field_class = forms.FloatField


class ChoiceParameterFilter(ParameterFilter):
    field_class = forms.ChoiceField


class RegexFilter(ParameterFilter):
    field_class = forms.RegexField


class SlugFilter(ParameterFilter):
    field_class = forms.SlugField


class TimeFilter(ParameterFilter):
    field_class = forms.TimeField


class ActivityFilter(django_filters.FilterSet):
    q = ParameterFilter(label=_("What are you looking for?"), max_length=200)
    eta = IntegerFilter(label=_("Age of the child"), min_value=0, max_value=120)
    fascia = ChoiceParameterFilter(
        label=_("Age band"), choices=[(b.slug, b.label) for b in AGE_BANDS]
    )
    categoria = ChoiceParameterFilter(label=_("Category"), choices=())
    comune = RegexFilter(
        label=_("Municipality"),
        regex=ISTAT_CODE,
        error_messages={"invalid": _("a municipality is given by its six-digit ISTAT code.")},
    )
    zona = SlugFilter(label=_("Zone"), max_length=120)
    vicino = PointFilter(label=_("Near"))
    raggio = FloatFilter(
        label=_("Within (km)"), min_value=0.1, max_value=MAX_RADIUS_KM, required=False
    )
    giorno = ChoiceParameterFilter(label=_("Day"), choices=DAY_CHOICES)
    ora = TimeFilter(label=_("Time"), input_formats=["%H:%M"])
    aperto_ora = FlagFilter(label=_("Open now"))
    gratis = FlagFilter(label=_("Free of charge"))
    lingua = ChoiceParameterFilter(label=_("Language"), choices=())
    accessibile = FlagFilter(label=_("Wheelchair access"))
    modalita = ChoiceParameterFilter(label=_("How"), choices=MODE_CHOICES)
    ordine = ChoiceParameterFilter(label=_("Sort by"), choices=ORDER_CHOICES)

    class Meta:
        model = Activity
        fields = []

    def __init__(self, data=None, *, categories=(), languages=(), now=None, **kwargs):
        self.categories = {c.slug: c for c in categories}
        self.languages = {language.code: language for language in languages}
        self.now = timezone.localtime(now)
        super().__init__(data, queryset=Activity.objects.none(), **kwargs)
        self.text_query = None
        self.place_errors = {}
        self.place_names = {}
        self.place_ids = {}

    # The form ----------------------------------------------------------------------------------
    # django-filter builds a new form class for every filterset, its fields made anew from the
    # filters: a good part of a results page's time. Here only the choices of categories and
    # languages vary from one request to the next, so the class is built once and each form
    # gets those choices.

    def get_form_class(self):
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            cls._form_class = super().get_form_class()
        return cls._form_class

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            form.fields["categoria"].choices = [
                (c.slug, c.display_name) for c in self.categories.values()
            ]
            form.fields["lingua"].choices = [
                (language.code, language.display_name) for language in self.languages.values()
            ]
        return self._form

    # Parameters ----------------------------------------------------------------------------

    @property
    def values(self):
        """Valid, non-empty parameters: {name: cleaned value}."""
        if not hasattr(self, "_values"):
            self.form.is_valid()
            cleaned = getattr(self.form, "cleaned_data", {})
            self._values = {
                name: value
                for name, value in cleaned.items()
                if value not in (None, "", False) and name not in self.place_errors
            }
        return self._values

    def reject(self, name, message):
        """Drop a parameter that validated but names nothing (an unknown municipality…)."""
        self.place_errors[name] = message
        self.__dict__.pop("_values", None)

    @property
    def point(self):
        return self.values.get("vicino")

    @property
    def radius_km(self):
        return self.values.get("raggio") or DEFAULT_RADIUS_KM

    def notices(self):
        """One short sentence per parameter that was ignored."""
        messages = []
        for name, errors in self.form.errors.items():
            label = self.filters[name].label if name in self.filters else name
            messages.append(
                _("“%(filter)s” was ignored: %(error)s") % {"filter": label, "error": errors[0]}
            )
        for name, message in self.place_errors.items():
            messages.append(
                _("“%(filter)s” was ignored: %(error)s")
                % {"filter": self.filters[name].label, "error": message}
            )
        return messages

    def active_groups(self):
        groups = [g for g, names in GROUPS.items() if names[0] in self.values]
        if "ora" in self.values and "giorno" not in groups:
            groups.append("giorno")
        return groups

    def chip_label(self, group):
        """A short description of an active filter, for its removable chip."""
        values = self.values
        if group == "q":
            return _("“%(text)s”") % {"text": values["q"]}
        if group == "eta":
            return _("age %(years)s") % {"years": values["eta"]}
        if group == "fascia":
            return AGE_BANDS_BY_SLUG[values["fascia"]].label
        if group == "categoria":
            return self.categories[values["categoria"]].display_name
        if group == "comune":
            return self.place_names.get("comune", values["comune"])
        if group == "zona":
            return self.place_names.get("zona", values["zona"])
        if group == "vicino":
            return _("within %(km)s km") % {"km": f"{self.radius_km:g}"}
        if group == "giorno":
            day = dict(DAY_CHOICES)[values["giorno"]] if "giorno" in values else _("today")
            if "ora" in values:
                return _("%(day)s at %(time)s") % {"day": day, "time": f"{values['ora']:%H:%M}"}
            return day
        if group == "lingua":
            return self.languages[values["lingua"]].display_name
        if group == "modalita":
            return dict(MODE_CHOICES)[values["modalita"]]
        return self.filters[group].label

    # Conditions ----------------------------------------------------------------------------

    def conditions(self) -> dict[str, models.Q]:
        """{group: condition} for every valid filter in use."""
        values = self.values
        result = {}
        if "q" in values:
            self.text_query = text.parse(values["q"])
            if self.text_query is not None:
                result["q"] = self.text_query.condition
        if "eta" in values:
            result["eta"] = age_condition(values["eta"])
        if "fascia" in values:
            result["fascia"] = band_condition(values["fascia"])
        if "categoria" in values:
            result["categoria"] = category_condition(self.categories[values["categoria"]])
        if "comune" in values:
            result["comune"] = municipality_condition(
                self.place_ids.get("comune"), values["comune"]
            )
        if "zona" in values:
            result["zona"] = zone_condition(self.place_ids.get("zona"), values["zona"])
        if self.point is not None:
            result["vicino"] = near_condition(self.point, self.radius_km)
        if "giorno" in values:
            result["giorno"] = day_condition(
                DAYS[values["giorno"]], values.get("ora"), self.now.date()
            )
        elif "ora" in values:
            result["giorno"] = day_condition(self.now.isoweekday(), values["ora"], self.now.date())
        if "aperto_ora" in values:
            result["aperto_ora"] = open_now_condition(self.now)
        if "gratis" in values:
            result["gratis"] = models.Q(is_free=True)
        if "lingua" in values:
            result["lingua"] = language_condition(self.languages[values["lingua"]])
        if "accessibile" in values:
            result["accessibile"] = wheelchair_condition()
        if "modalita" in values:
            result["modalita"] = mode_condition(values["modalita"])
        return result

    def filter_queryset(self, queryset):
        for condition in self.conditions().values():
            queryset = queryset.filter(condition)
        return queryset


def band_condition(slug):
    band = AGE_BANDS_BY_SLUG[slug]
    return age_range_condition(band.minimum, band.maximum)


def category_condition(category):
    """The category and its children (a child's tags hold its parent)."""
    return tagged(search_tags.CATEGORY + category.pk)


def language_condition(language):
    return tagged(search_tags.LANGUAGE + language.pk)


def at_locations(**lookups):
    """Activities with at least one location matching the lookups (no duplicate rows)."""
    through = Activity.locations.through.objects.filter(
        location__in=Location.objects.filter(**lookups).values("pk")
    )
    return models.Q(pk__in=through.values("activity_id"))


def municipality_condition(municipality_id, istat_code):
    """At a place in the municipality (by id when it was looked up: the planner sees it)."""
    if municipality_id is None:
        return at_locations(municipality__istat_code=istat_code)
    return tagged(search_tags.MUNICIPALITY + municipality_id)


def zone_condition(zone_id, slug):
    if zone_id is not None:
        return tagged(search_tags.ZONE + zone_id)
    return at_locations(municipality__zones__slug=slug)


def wheelchair_condition():
    return holds(search_tags.WHEELCHAIR)


def mode_condition(mode):
    return holds(search_tags.PHYSICAL) if mode == "presenza" else tagged(search_tags.VIRTUAL)


def near_condition(point, radius_km):
    """At a place within the radius. The grid cells of the activities' places
    (search tags) pick the few activities around the circle from an index, and only those are
    tested, each on its own places; the plain form makes the database list every place in the
    circle first (thousands around a big city) before it can stop at the first page."""
    places = Location.objects.filter(near(point, radius_km))
    cells = search_tags.cells_around(*box_around(point, radius_km))
    if search_tags.coarse(cells):
        # A wide circle holds a good part of the country: reading the rows is cheaper.
        # Never joined to another tag's index scan: it would merge the cells' long lists.
        in_cells = models.Q(HoldsAnyTag(cells, joins_index=False))
    else:
        in_cells = models.Q(search_tags__overlap=cells)
    return in_cells & models.Q(row_by_row(places.filter(activities=models.OuterRef("pk"))))


def next_date(weekday: int, today: datetime.date) -> datetime.date:
    return today + datetime.timedelta(days=(weekday - today.isoweekday()) % 7)


def valid_on(day, prefix=""):
    return (
        models.Q(**{f"{prefix}valid_from__isnull": True})
        | models.Q(**{f"{prefix}valid_from__lte": day})
    ) & (
        models.Q(**{f"{prefix}valid_to__isnull": True})
        | models.Q(**{f"{prefix}valid_to__gte": day})
    )


def day_condition(weekday: int, at_time, today: datetime.date):
    """Open on that day of the week from its next occurrence on (at that time, if given).

    Like ``directory.hours``: only active activities have hours; weekly slots count from the
    next such day on (a slot that ended before does not). Dated exceptions are not weekly, so
    they do not change the answer for "on Saturdays".

    The search tags decide for the activities with an open-ended slot that day
    and narrow the others to those with a slot that day (or at that hour), which alone are
    looked up in the slots.
    """
    slots = OpeningSlot.objects.filter(weekday=weekday).filter(
        models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=next_date(weekday, today))
    )
    if at_time is not None:
        slots = slots.filter(opens_at__lte=at_time, closes_at__gt=at_time)
    active = models.Q(status=Activity.Status.ACTIVE)
    if at_time is not None:
        return (
            active
            & tagged(search_tags.hour(weekday, at_time.hour))
            & models.Q(row_by_row(slots.filter(activity=models.OuterRef("pk"))))
        )
    ending_slots = slots.filter(valid_to__isnull=False, activity=models.OuterRef("pk"))
    open_ended = search_tags.weekday_open_ended(weekday)
    ending = search_tags.weekday_ending(weekday)
    # The first condition only narrows (beside a rarer tag, in the index: ``search_plan.combine``).
    return (
        active
        & models.Q(HoldsAnyTag([open_ended, ending]))
        & (holds(open_ended) | (holds(ending) & models.Q(row_by_row(ending_slots))))
    )


def open_at_condition(moment: datetime.datetime, among=None):
    """Open at this moment, exactly as ``OpeningHours.is_open`` decides.

    A dated exception replaces the weekly slots of its day: closed all day, or special hours.
    ``among`` (activity ids: a subquery) narrows the inner lookups when the caller knows the
    activities asked about are few (the facets), so they need not read every slot of the day.
    """
    day, at_time = moment.date(), moment.time()
    weekly = OpeningSlot.objects.filter(
        valid_on(day), weekday=day.isoweekday(), opens_at__lte=at_time, closes_at__gt=at_time
    )
    exceptions_today = ScheduleException.objects.filter(date=day)
    if among is not None:
        weekly = weekly.filter(activity_id__in=among)
        exceptions_today = exceptions_today.filter(activity_id__in=among)
    special = exceptions_today.filter(is_closed=False, opens_at__lte=at_time, closes_at__gt=at_time)
    # One ``IN`` (a union) rather than an OR of two: the database can then start from the few
    # activities open now instead of testing every activity against both lists.
    open_now = (
        weekly.exclude(activity_id__in=exceptions_today.values("activity_id"))
        .order_by()
        .values("activity_id")
        .union(special.order_by().values("activity_id"))
    )
    return models.Q(status=Activity.Status.ACTIVE, pk__in=open_now)


def open_now_condition(moment: datetime.datetime):
    """``open_at_condition`` for the search: only the activities tagged with a slot in that
    hour of that weekday, or with dated exceptions, are tested."""
    condition = open_at_condition(moment)
    hour_tag = search_tags.hour(moment.isoweekday(), moment.hour)
    return models.Q(search_tags__overlap=[hour_tag, search_tags.HAS_EXCEPTIONS]) & condition
