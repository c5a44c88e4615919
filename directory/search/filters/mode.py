"""``modalita``: in person (at a physical place) or remote (a virtual one)."""

from django.utils.translation import gettext_lazy as _

from directory.models import Location
from directory.search import tags
from directory.search.conditions import holds, tagged
from directory.search.filters.base import ChoiceParameterFilter, SearchFilter

MODE_CHOICES = [("presenza", _("in person")), ("remoto", _("remote"))]
MODE_KINDS = {"presenza": Location.Kind.PHYSICAL.value, "remoto": Location.Kind.VIRTUAL.value}
KIND_TAGS = {tags.PHYSICAL: Location.Kind.PHYSICAL.value, tags.VIRTUAL: Location.Kind.VIRTUAL.value}


def mode_condition(mode):
    return holds(tags.PHYSICAL) if mode == "presenza" else tagged(tags.VIRTUAL)


class Mode(SearchFilter):
    name = "modalita"
    label = _("How")
    facet = "modalita"
    own_set = True
    tag_range = (tags.PHYSICAL, tags.VIRTUAL + 1)

    def parameters(self):
        return {"modalita": ChoiceParameterFilter(label=self.label, choices=MODE_CHOICES)}

    def condition(self, search):
        return mode_condition(search.values["modalita"])

    def chip_label(self, search):
        return dict(MODE_CHOICES)[search.values["modalita"]]

    def counts(self, counted, search):
        """{``Location.Kind`` value: matches}"""
        return {KIND_TAGS[tag]: n for tag, n in counted.tags.items()}

    def options(self, search, counts, option):
        modes = counts[self.name]
        return [
            option(self.name, code, label, modes.get(MODE_KINDS[code], 0))
            for code, label in MODE_CHOICES
        ]
