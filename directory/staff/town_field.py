"""A municipality typed by name, not chosen from a list of thousands.

A ``<select>`` of every municipality made the place, call and post forms 370–400 KB and
several seconds at national scale. The person types the town ("Vinci", "vinci", "Canneto
(PV)"); the server resolves it ignoring case and accents, asks for the province when the name is
shared, and keeps what was typed when it cannot resolve it. ``static/js/place-suggest.js`` fills
a ``<datalist>`` from ``directory:place_suggestions`` as progressive enhancement.

It stays a ``ModelChoiceField``: ``cleaned_data`` holds the municipality, and the primary key
that revisions store (``forms.serialize``) is still accepted when a revision is approved.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from directory.models import Municipality
from linkrete import params

# "Canneto sull'Oglio (MN)": the name, and the province's abbreviation in brackets.
WITH_PROVINCE = re.compile(r"^(?P<name>.+?)\s*\((?P<province>[A-Za-z]{2})\)$")
MAX_LENGTH = 120


class TownInput(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__(
            {
                "autocomplete": "off",
                "maxlength": MAX_LENGTH,
                "data-place-suggest": reverse_lazy("directory:place_suggestions"),
                **(attrs or {}),
            }
        )


class TownField(forms.ModelChoiceField):
    widget = TownInput
    default_error_messages = {
        "unknown": _("No Italian municipality is called “%(name)s”: check the spelling."),
        "ambiguous": _(
            "More than one municipality is called “%(name)s”: add the province, for example "
            "“%(example)s”."
        ),
        "invalid_choice": _("Type the name of a municipality."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Municipality.objects.all())
        kwargs.setdefault(
            "help_text", _("Type the town's name; add the province for homonyms: “Calliano (TN)”.")
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        """What the box shows: the typed text as it was, a municipality as "Name (PR)"."""
        if isinstance(value, Municipality):
            return str(value)
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            found = params.positive_int(str(value))
            town = found and self.queryset.filter(pk=found).first()
            return str(town) if town else value
        return value

    def to_python(self, value):
        if value in self.empty_values or not isinstance(value, str | int):
            return None
        text = str(value).strip()[:MAX_LENGTH]
        if "\x00" in text:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        if not text:
            return None
        if text.isdigit():  # a primary key, as revisions store it
            pk = params.positive_int(text)
            town = pk and self.queryset.filter(pk=pk).first()
            if not town:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
            return town
        return self._by_name(text)

    def _by_name(self, text):
        name, province = text, None
        if match := WITH_PROVINCE.match(text):
            name, province = match["name"], match["province"]
        towns = self.queryset.filter(name__unaccent__iexact=name)
        if province:
            towns = towns.filter(province_code__iexact=province)
        found = list(towns.order_by("province_code")[:2])
        if not found:
            raise ValidationError(
                self.error_messages["unknown"], code="unknown", params={"name": text}
            )
        if len(found) > 1:
            raise ValidationError(
                self.error_messages["ambiguous"],
                code="ambiguous",
                params={"name": name, "example": str(found[0])},
            )
        return found[0]

    def has_changed(self, initial, data):
        initial_pk = getattr(initial, "pk", initial)
        try:
            town = self.to_python(data)
        except ValidationError:
            return True
        return str(getattr(town, "pk", "") or "") != str(initial_pk or "")
