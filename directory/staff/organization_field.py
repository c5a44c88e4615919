"""An organization typed by name or tax code (``typed_field``), where the choice is the whole
network: coordinators post, answer and ask for course places on behalf of any of 150,000
organizations, which no ``<select>`` can offer.

"Auser Empoli", "auser empoli", "00123456789" and "Auser Empoli (00123456789)" (what the box
shows for a chosen organization) all find it. A name found as it is typed wins; otherwise every
word of three letters or more must be in the name (the trigram index on ``linkrete_fold(name)``
answers, migration directory 0020). Several matches ask for more of the name or the tax code.
"""

import re

from django.core.exceptions import ValidationError
from django.db.models.lookups import Contains, Exact
from django.utils.translation import gettext_lazy as _

from directory.models import Organization
from directory.staff.typed_field import TypedModelChoiceField
from directory.validators import PERSON_TAX_CODE, normalize_tax_code
from linkrete.folding import Folded, fold

# A body's codice fiscale (11 digits) or a person's (letters and digits in their places,
# so that a name of 16 letters is not taken for one), as stored.
BODY_TAX_CODE = re.compile(r"[0-9]{11}")
# "Auser Empoli (00123456789)": what the box shows for a chosen organization.
WITH_TAX_CODE = re.compile(r"^(?P<name>.+?)\s*\((?P<code>[A-Za-z0-9 ]{11,20})\)$")
MIN_WORD = 3


def _is_tax_code(code: str) -> bool:
    return bool(BODY_TAX_CODE.fullmatch(code) or PERSON_TAX_CODE.fullmatch(code))


class OrganizationField(TypedModelChoiceField):
    max_length = 240  # a name (200) and its tax code in brackets
    default_error_messages = {
        "unknown": _(
            "No organization you may choose is called “%(name)s” or has that tax code: check "
            "the spelling."
        ),
        "ambiguous": _(
            "More than one organization matches “%(name)s”: type more of the name, or the tax "
            "code, for example “%(example)s”."
        ),
        "invalid_choice": _("Type at least three letters of the name, or the tax code."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Organization.objects.all())
        kwargs.setdefault("help_text", _("Type the organization's name or its tax code."))
        super().__init__(**kwargs)

    def display(self, organization):
        if organization.tax_code:
            return f"{organization.name} ({organization.tax_code})"
        return organization.name

    def resolve(self, text):
        if match := WITH_TAX_CODE.match(text):
            code = normalize_tax_code(match["code"])
            if _is_tax_code(code):
                return self._one(self.queryset.filter(tax_code=code), text)
        code = normalize_tax_code(text)
        if _is_tax_code(code):
            return self._one(self.queryset.filter(tax_code=code), text)
        exact = self._two(self.queryset.filter(Exact(Folded("name"), fold(text))))
        if len(exact) == 1:
            return exact[0]
        if exact:
            self._ambiguous(text, exact[0])
        words = [word for word in text.split() if len(word) >= MIN_WORD]
        if not words:
            self._invalid()
        found = self.queryset
        for word in words:
            found = found.filter(Contains(Folded("name"), fold(word)))
        return self._one(found, text)

    @staticmethod
    def _two(organizations):
        # In no order: ordered by name, PostgreSQL walks the name's index folding every name
        # until two match (all 150,000 when none does); unordered, the trigram index answers.
        return list(organizations.order_by()[:2])

    def _one(self, organizations, text):
        found = self._two(organizations)
        if not found:
            raise ValidationError(
                self.error_messages["unknown"], code="unknown", params={"name": text}
            )
        if len(found) > 1:
            self._ambiguous(text, found[0])
        return found[0]

    def _ambiguous(self, text, example):
        raise ValidationError(
            self.error_messages["ambiguous"],
            code="ambiguous",
            params={"name": text, "example": self.display(example)},
        )
