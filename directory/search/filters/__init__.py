"""The search filters of ``/cerca/``: one module per filter, listed here in order.

Each filter (``base.SearchFilter``) owns its query parameters, their validation, its condition
on activities, its chip and its facet options. ``ActivityFilter`` (django-filter) builds and
validates the form from all of them and gives the conditions of those in use, so the results
apply them all and each facet can count with all the others (``directory.search.facets``).
Adding a filter: a module here with its ``SearchFilter`` (parameters, condition, chip, and for
a facet its tag range or conditional counts and its options), its place in ``REGISTRY`` (and
in ``FACETS`` if it has a facet group of its own), and its field in the page's template when
the form shows it; a new kind of tag is added in ``directory.search.tags``.
"""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Activity
from directory.search import language_words, text
from directory.search.filters.age import Age
from directory.search.filters.band import Band
from directory.search.filters.base import ChoiceParameterFilter
from directory.search.filters.category import Category
from directory.search.filters.day import Day
from directory.search.filters.free import Free
from directory.search.filters.language import InLanguage
from directory.search.filters.mode import Mode
from directory.search.filters.near import Near
from directory.search.filters.open_now import OpenNow
from directory.search.filters.places import InMunicipality, InZone
from directory.search.filters.running import RunningNow
from directory.search.filters.wheelchair import Wheelchair
from directory.search.filters.words import Words
from directory.search.thresholds import DEFAULT_RADIUS_KM
from directory.translations import reading_language

# The filters, in the order of the form's fields, of the conditions and of the chips.
REGISTRY = (
    Words(),
    Age(),
    Band(),
    Category(),
    InMunicipality(),
    InZone(),
    Near(),
    Day(),
    OpenNow(),
    RunningNow(),
    Free(),
    InLanguage(),
    Wheelchair(),
    Mode(),
)
BY_NAME = {search_filter.name: search_filter for search_filter in REGISTRY}
# The facet groups, in the order the page shows them: a filter's own (its ``facet``), and
# "other" for the filters with a single value.
FACETS = {
    "categoria": BY_NAME["categoria"].label,
    "fascia": BY_NAME["fascia"].label,
    "comune": BY_NAME["comune"].label,
    "zona": BY_NAME["zona"].label,
    "giorno": BY_NAME["giorno"].label,
    "lingua": BY_NAME["lingua"].label,
    "modalita": BY_NAME["modalita"].label,
    "other": _("Other"),
}
# The parameters of each filter (dropped together with its chip).
GROUPS = {search_filter.name: search_filter.params for search_filter in REGISTRY}
# The filters whose other values are counted without them when they are active.
FACET_GROUPS = {search_filter.name for search_filter in REGISTRY if search_filter.own_set}
ORDER_CHOICES = [("rilevanza", _("relevance")), ("distanza", _("distance")), ("nome", _("name"))]
# Parameters the search form does not show but must keep.
HIDDEN_PARAMS = {p for f in REGISTRY if f.hidden for p in f.params} | {"ordine"}

_NOT_PARSED = object()


class _ActivityFilter(django_filters.FilterSet):
    """The parameters of a search, validated, and the conditions of the filters in use."""

    class Meta:
        model = Activity
        fields = []

    def __init__(self, data=None, *, categories=(), languages=(), now=None, **kwargs):
        self.categories = {c.slug: c for c in categories}
        self.languages = {language.code: language for language in languages}
        self.now = timezone.localtime(now)
        super().__init__(data, queryset=Activity.objects.none(), **kwargs)
        self._text_query = _NOT_PARSED
        self.place_errors = {}
        self.place_names = {}
        self.place_ids = {}
        self.municipality = None  # the one ``comune`` names, looked up

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
            for search_filter in REGISTRY:
                search_filter.adapt_form(form, self)
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
            if self.language_words is not None:
                self._values["lingua"] = self.language_words.code
        return self._values

    @property
    def language_words(self):
        """The language the words name as the one spoken ("in arabo": ``language_words``),
        when no ``lingua`` is given: it becomes the ``lingua`` filter, its name leaves the
        words."""
        if not hasattr(self, "_language_words"):
            self._language_words = None
            self.form.is_valid()
            cleaned = getattr(self.form, "cleaned_data", {})
            if cleaned.get("q") and not cleaned.get("lingua"):
                found = language_words.find(cleaned["q"], self.languages.values())
                if found is not None and found.code in self.languages:
                    self._language_words = found
        return self._language_words

    def reject(self, name, message):
        """Drop a parameter that validated but names nothing (an unknown municipality…)."""
        self.place_errors[name] = message
        self.__dict__.pop("_values", None)

    def resolve(self):
        """Look up what the filters in use name (a municipality, a zone), dropping those that
        name nothing (one query each, when given)."""
        for search_filter in REGISTRY:
            if search_filter.active(self):
                search_filter.resolve(self)

    @property
    def text_query(self):
        """The words parsed (``text.TextQuery``; one query for the vocabulary), or None."""
        if self._text_query is _NOT_PARSED:
            words = self.values.get("q")
            if self.language_words is not None:
                words = self.language_words.rest
            self._text_query = text.parse(words, reading_language()) if words else None
        return self._text_query

    def forgive(self, required: int | None) -> None:
        """Match at least ``required`` of the words, not all (``directory.search.forgiving``);
        None: all of them again."""
        if not hasattr(self, "_all_words"):
            self._all_words = self.text_query
        self._text_query = (
            self._all_words if required is None else self._all_words.at_least(required)
        )

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

    def chip_label(self, group):
        """A short description of an active filter, for its removable chip."""
        return BY_NAME[group].chip_label(self)

    def url_without(self, params, group) -> str:
        """The search's query string without a filter (its chip's link)."""
        return BY_NAME[group].url_without(self, params)

    # Conditions ----------------------------------------------------------------------------

    def conditions(self) -> dict:
        """{filter name: condition} for every valid filter in use, in ``REGISTRY`` order."""
        return {f.name: f.condition(self) for f in REGISTRY if f.active(self)}

    def filter_queryset(self, queryset):
        for condition in self.conditions().values():
            queryset = queryset.filter(condition.to_q())
        return queryset


def _filterset_class():
    """The FilterSet with every filter's parameters, in ``REGISTRY`` order (django-filter
    orders declared filters by creation)."""
    declared = {}
    for search_filter in REGISTRY:
        declared.update(search_filter.parameters())
    declared["ordine"] = ChoiceParameterFilter(label=_("Sort by"), choices=ORDER_CHOICES)
    return type("ActivityFilter", (_ActivityFilter,), {"__module__": __name__, **declared})


ActivityFilter = _filterset_class()
