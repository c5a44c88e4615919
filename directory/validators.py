import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from localflavor.it.util import ssn_validation, vat_number_validation

# Surname, name, year, month, day and place, then the check letter; the digits may be
# replaced by letters (omocodia) when two people would otherwise share a code.
PERSON_TAX_CODE = re.compile(
    r"[A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]"
)


def normalize_tax_code(value: str) -> str:
    """As people type it: spaces anywhere, lower case."""
    return re.sub(r"\s", "", value or "").upper()


def validate_person_tax_code(value: str) -> None:
    """A person's codice fiscale: 16 letters and digits in their places and the check letter."""
    code = normalize_tax_code(value)
    if not PERSON_TAX_CODE.fullmatch(code):
        raise ValidationError(
            _("A person's tax code has 16 letters and digits, such as RSSMRA85T10A562S."),
            code="invalid_tax_code",
        )
    try:
        ssn_validation(code)
    except (ValueError, KeyError):
        raise ValidationError(
            _("This tax code is not valid: its check character does not match."),
            code="invalid_tax_code",
        ) from None


def validate_tax_code(value: str) -> None:
    """A body's codice fiscale (11 digits) or, for a few small bodies, a person's (16 chars)."""
    code = value.strip().upper()
    if len(code) == 11 and code.isdigit():
        try:
            vat_number_validation(code)
        except ValueError:
            raise ValidationError(
                _("This tax code is not valid: its check digit does not match."),
                code="invalid_tax_code",
            ) from None
        return
    if len(code) == 16 and code.isalnum():
        validate_person_tax_code(code)
        return
    raise ValidationError(
        _("A tax code has 11 digits (a body's) or 16 letters and digits (a person's)."),
        code="invalid_tax_code",
    )
