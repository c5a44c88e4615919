"""``eta``: the age of the child, within the activity's age range."""

from django.utils.translation import gettext_lazy as _

from directory.models.activity import age_condition
from directory.search.conditions import where
from directory.search.filters.base import IntegerFilter, SearchFilter


class Age(SearchFilter):
    name = "eta"
    label = _("Age of the child")
    hidden = False

    def parameters(self):
        return {"eta": IntegerFilter(label=self.label, min_value=0, max_value=120)}

    def condition(self, search):
        return where(age_condition(search.values["eta"]))

    def chip_label(self, search):
        return _("age %(years)s") % {"years": search.values["eta"]}
