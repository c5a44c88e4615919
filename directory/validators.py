from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from localflavor.it.util import ssn_validation, vat_number_validation


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
        try:
            ssn_validation(code)
        except (ValueError, KeyError):
            raise ValidationError(
                _("This tax code is not valid: its check character does not match."),
                code="invalid_tax_code",
            ) from None
        return
    raise ValidationError(
        _("A tax code has 11 digits (a body's) or 16 letters and digits (a person's)."),
        code="invalid_tax_code",
    )
