"""``attive_ora``: only the activities running now, leaving out those that start later.

The search lists activities that have not started yet (``ActivityQuerySet.not_ended``), each
card saying when it starts (``directory.upcoming``); this filter keeps those already started.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.search.conditions import where
from directory.search.counting import Measure
from directory.search.filters.base import FlagFilter, SearchFilter


def running_condition(day):
    return where(models.Q(models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day)))


class RunningNow(SearchFilter):
    name = "attive_ora"
    label = _("Only running now")
    facet = "other"

    def parameters(self):
        return {"attive_ora": FlagFilter(label=self.label)}

    def condition(self, search):
        return running_condition(search.now.date())

    def measures(self, search):
        return [
            Measure(
                "count(*) FILTER (WHERE s.valid_from IS NULL OR s.valid_from <= %s)",
                (search.now.date(),),
            )
        ]

    def counts(self, counted, search):
        """matches already started"""
        return counted.measures[0]

    def options(self, search, counts, option):
        return [option(self.name, "1", self.label, counts[self.name])]
