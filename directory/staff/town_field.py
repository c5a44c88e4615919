"""A municipality typed by name, not chosen from a list of thousands (``typed_field``).

The person types the town ("Vinci", "vinci", "Canneto (PV)"); the server resolves it ignoring
case and accents, asks for the province when the name is shared, and keeps what was typed when
it cannot resolve it. ``static/js/place-suggest.js`` fills a ``<datalist>`` from
``directory:place_suggestions`` as progressive enhancement. The primary key that revisions
store (``forms.serialize``) is still accepted when a revision is approved.
"""

import re

from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from directory.models import Municipality
from directory.staff.typed_field import TypedInput, TypedModelChoiceField

# "Canneto sull'Oglio (MN)": the name, and the province's abbreviation in brackets.
WITH_PROVINCE = re.compile(r"^(?P<name>.+?)\s*\((?P<province>[A-Za-z]{2})\)$")


class TownInput(TypedInput):
    def __init__(self, attrs=None):
        super().__init__(
            {"data-place-suggest": reverse_lazy("directory:place_suggestions"), **(attrs or {})}
        )


class TownField(TypedModelChoiceField):
    widget = TownInput
    digits_are_keys = True
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

    def resolve(self, text):
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
