"""Accessible names for the inputs the Django admin draws without a <label> (WCAG 1.3.1, 4.1.2).

- ``list_editable`` fields sit in the change list's cells under a column header: each input is
  named after its column and its row.
- A date and time field is two inputs after the words "Date:" and "Time:": those become the
  inputs' labels, which also say which field they belong to (visually hidden).

Inline rows get their labels from ``templates/admin/edit_inline/tabular.html``; the widgets
the admin's scripts draw get theirs from ``static/js/admin-a11y.js``.
"""

from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime
from django.utils.html import format_html
from django.utils.text import capfirst


class RowLabelledForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not field.widget.is_hidden:
                field.widget.attrs["aria-label"] = f"{capfirst(field.label)}: {self.instance}"


class LabelledSplitDateTime(AdminSplitDateTime):
    def __init__(self, attrs=None, field_label=""):
        super().__init__(attrs)
        self.field_label = field_label

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        date, time = context["widget"]["subwidgets"]
        context["date_label"] = self._label(date, context["date_label"])
        context["time_label"] = self._label(time, context["time_label"])
        return context

    def _label(self, subwidget, text):
        input_id = subwidget["attrs"].get("id")
        if not input_id:
            return text
        return format_html(
            '<label for="{}"><span class="visually-hidden">{} </span>{}</label>',
            input_id,
            capfirst(self.field_label),
            text,
        )


class LabelledInputsMixin:
    """For a ModelAdmin (or inline) whose form has date-times or whose list has editable cells."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and type(formfield.widget) is AdminSplitDateTime:
            formfield.widget = LabelledSplitDateTime(
                formfield.widget.attrs, field_label=formfield.label
            )
        return formfield

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", RowLabelledForm)
        return super().get_changelist_form(request, **kwargs)
