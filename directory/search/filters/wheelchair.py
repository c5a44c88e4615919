"""``accessibile``: at a physical place with wheelchair access."""

from django.utils.translation import gettext_lazy as _

from directory.search import tags
from directory.search.conditions import holds
from directory.search.filters.base import FlagFilter, SearchFilter


def wheelchair_condition():
    return holds(tags.WHEELCHAIR)


class Wheelchair(SearchFilter):
    name = "accessibile"
    label = _("Wheelchair access")
    facet = "other"
    tag_range = (tags.WHEELCHAIR, tags.WHEELCHAIR + 1)

    def parameters(self):
        return {"accessibile": FlagFilter(label=self.label)}

    def condition(self, search):
        return wheelchair_condition()

    def counts(self, counted, search):
        """matches at a place with wheelchair access"""
        return sum(counted.tags.values())

    def options(self, search, counts, option):
        return [option(self.name, "1", self.label, counts[self.name])]
