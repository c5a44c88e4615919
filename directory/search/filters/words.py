"""``q``: the words typed (``directory.search.text``)."""

from django.utils.translation import gettext_lazy as _

from directory.search.filters.base import ParameterFilter, SearchFilter


class Words(SearchFilter):
    name = "q"
    label = _("What are you looking for?")
    hidden = False

    def parameters(self):
        return {"q": ParameterFilter(label=self.label, max_length=200)}

    def active(self, search):
        return search.text_query is not None  # words of one letter are no words

    def condition(self, search):
        return search.text_query.condition

    def chip_label(self, search):
        return _("“%(text)s”") % {"text": search.values["q"]}
