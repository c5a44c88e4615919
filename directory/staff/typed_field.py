"""A record typed as text and resolved on the server, not chosen from a list of thousands.

A ``<select>`` of every municipality (7,896) or organization (150,000 at national scale) made
a form hundreds of kilobytes and seconds to render. The person types what they know (a town's
name, an organization's name or tax code); ``resolve`` finds the one record it means or raises
a translated message saying why not (none, or several: then how to tell them apart), and the
box keeps what was typed. It stays a ``ModelChoiceField``: ``cleaned_data`` holds the record,
and ``queryset`` still bounds what may be chosen.

Subclasses: ``town_field.TownField``, ``organization_field.OrganizationField``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from linkrete import params

MAX_LENGTH = 120


class TypedInput(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", **(attrs or {})})


class TypedModelChoiceField(forms.ModelChoiceField):
    widget = TypedInput
    default_error_messages = {"invalid_choice": _("Type a name.")}
    # Whether a string of digits is a primary key (as revisions store a choice) rather than
    # something typed.
    digits_are_keys = False
    max_length = MAX_LENGTH

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs["maxlength"] = self.max_length

    def display(self, record) -> str:
        """What the box shows for a record: typed back, it resolves to the same record."""
        return str(record)

    def resolve(self, text: str):
        raise NotImplementedError

    def _by_key(self, value):
        pk = params.positive_int(str(value))
        return pk and self.queryset.filter(pk=pk).first()

    def prepare_value(self, value):
        """What the box shows: the typed text as it was, a record as ``display`` says."""
        if isinstance(value, self.queryset.model):
            return self.display(value)
        if isinstance(value, int) or (
            self.digits_are_keys and isinstance(value, str) and value.isdigit()
        ):
            record = self._by_key(value)
            return self.display(record) if record else value
        return value

    def to_python(self, value):
        if value in self.empty_values or not isinstance(value, str | int):
            return None
        if isinstance(value, int):
            return self._by_key(value) or self._invalid()
        text = value.strip()[: self.max_length]
        if "\x00" in text:
            self._invalid()
        if not text:
            return None
        if self.digits_are_keys and text.isdigit():
            return self._by_key(text) or self._invalid()
        return self.resolve(text)

    def _invalid(self):
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")

    def has_changed(self, initial, data):
        initial_pk = getattr(initial, "pk", initial)
        try:
            record = self.to_python(data)
        except ValidationError:
            return True
        return str(getattr(record, "pk", "") or "") != str(initial_pk or "")
