"""What a search filter is (``SearchFilter``), and the fields its parameters are validated with.

django-filter builds and validates the form from the filters' parameters; a parameter that does
not validate is left out, and the page says so: a browser can send anything, the page never
breaks.
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from directory.search.geo import Point


@dataclass(frozen=True)
class Widening:
    """A looser form of an active filter, offered when nothing matches: its label, the
    parameters it sets, and the condition that replaces the filter's."""

    label: str
    params: dict
    condition: object  # a ``conditions.Condition``


class SearchFilter:
    """One filter of ``/cerca/``, whole: its parameters, its condition, its chip and its facet.

    Each module of this package defines one, and ``directory.search.filters.REGISTRY`` lists
    them in the order of the form, the conditions and the chips. The contract:

    - ``name`` is the filter's first parameter and its name everywhere (chips, facets,
      relaxations); ``params`` all its parameters, dropped together with its chip;
      ``parameters()`` the django-filter filters that validate them (made anew for each form
      class); ``adapt_form`` gives the form the choices of this request (categories…);
    - ``active(search)``: whether it applies, from the valid parameters (``search.values``);
      ``resolve(search)`` looks up what they name (one query at most) or rejects them with a
      notice (``search.reject``);
    - ``condition(search)``: a ``Q`` on activities. Tags go through ``directory.search.plan``
      (``tagged``: looked up in the index; ``holds``: checked on the rows read; ``row_by_row``),
      whose planner decides which form each set counted gets; nothing here reads the shape of
      another filter's condition;
    - ``chip_label(search)``: a short description of the active filter (its removable chip, and
      the relaxation "without …"); ``url_without(search, params)`` the link dropping it;
    - ``facet``: the facet group its options go in (``None``: none); ``own_set``: its other
      values are counted without it when it is active;
    - its counts, in the statement of ``directory.search.counting``: how many rows of its set
      hold each tag of ``tag_range`` ([start, end)), and its ``measures(search)`` (conditional
      counts on the set's rows, ``counting.Measure``); ``counts(counted, search)`` reads them
      into its own value (a number, {value: count}…), and ``options(search, counts, option)``
      makes its facet options from it (``counts[self.name]``; ``option(name, value, label,
      count)`` makes one);
    - ``widenings(search)``: looser forms of it offered when nothing matches (``Widening``),
      beside dropping it.
    """

    name: str
    params: tuple[str, ...] = ()
    label = ""
    facet: str | None = None
    own_set = False
    hidden = True  # the search form keeps its parameters as hidden inputs (the form shows none)
    tag_range: tuple[int, int] | None = None

    def __init__(self):
        self.params = self.params or (self.name,)

    def parameters(self) -> dict:
        raise NotImplementedError

    def adapt_form(self, form, search) -> None:
        pass

    def active(self, search) -> bool:
        return self.name in search.values

    def resolve(self, search) -> None:
        pass

    def condition(self, search):
        raise NotImplementedError

    def chip_label(self, search):
        return self.label

    def url_without(self, search, params) -> str:
        """The query string without this filter: its chip's link, its relaxation's."""
        from directory.search.facets import url_with

        return url_with(params, drop=self.params)

    def measures(self, search) -> list:
        return []

    def counts(self, counted, search):
        return None

    def options(self, search, counts, option) -> list:
        return []

    def widenings(self, search) -> list[Widening]:
        return []


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
    """Only validates: the conditions are built by the ``SearchFilter``."""

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
