"""``gratis``: free of charge."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.search.conditions import where
from directory.search.counting import Measure
from directory.search.filters.base import FlagFilter, SearchFilter


class Free(SearchFilter):
    name = "gratis"
    label = _("Free of charge")
    facet = "other"

    def parameters(self):
        return {"gratis": FlagFilter(label=self.label)}

    def condition(self, search):
        return where(models.Q(is_free=True))

    def measures(self, search):
        return [Measure("count(*) FILTER (WHERE s.is_free)")]

    def counts(self, counted, search):
        """matches free of charge"""
        return counted.measures[0]

    def options(self, search, counts, option):
        return [option(self.name, "1", self.label, counts[self.name])]
