"""A list filter of the admin whose value is typed in a box, for the filters whose values are
rows of a big table (users, desks, organizations, municipalities, zones): a form of its own in
the filter sidebar, sent with GET (no script), instead of a link for every row."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class TypedValueFilter(admin.SimpleListFilter):
    """Subclasses set ``title``, ``parameter_name``, ``label`` (the box's label) and
    ``queryset``."""

    template = "admin/typed_value_filter.html"
    label = _("Name contains")

    def lookups(self, request, model_admin):
        return ()

    def has_output(self):
        return True

    def choices(self, changelist):
        # The template needs the other parameters, to keep them (each a list of values: a
        # string would be split into its characters), and the current value; like a link of
        # the other filters, the choice also says how to leave it (the filter cleared).
        kept = {
            name: value if isinstance(value, list) else [value]
            for name, value in changelist.params.items()
            if name not in (self.parameter_name, "p")
        }
        yield {
            "selected": False,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": self.label,
            "parameter_name": self.parameter_name,
            "value": self.value() or "",
            "kept": kept,
            "label": self.label,
        }
