"""Households (nuclei familiari) and their members. Nothing here is public, and no name ever
reaches a URL, a log line or an audit entry's label: a household is known by its reference."""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from localflavor.it.util import ssn_validation

from directory.models import Language, Municipality
from directory.models.taxonomy import AGE_BANDS
from famiglie.models.labels import ChoiceLabels

# No 0/O, 1/I/L: a reference is read out on the phone and copied by hand.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 8


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


class IseeBand(models.TextChoices):
    UNKNOWN = "unknown", _("not known")
    UP_TO_6K = "0-6000", _("up to € 6,000")
    UP_TO_9K = "6000-9360", _("€ 6,000 – 9,360")
    UP_TO_15K = "9360-15000", _("€ 9,360 – 15,000")
    UP_TO_25K = "15000-25000", _("€ 15,000 – 25,000")
    OVER_25K = "25000+", _("over € 25,000")


class Household(ChoiceLabels, models.Model):
    reference = models.CharField(
        _("reference"), max_length=12, unique=True, default=new_reference, editable=False
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    isee_band = models.CharField(
        _("ISEE band"), max_length=20, choices=IseeBand, default=IseeBand.UNKNOWN
    )
    housing_notes = models.TextField(_("housing"), max_length=2000, blank=True)
    work_notes = models.TextField(_("work"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Set by the retention rule (famiglie/retention.py) when it takes away who the household
    # was; the history of its records goes then too (linkrete/history/retention.py).
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")

    def __str__(self):
        return self.reference


class Relationship(models.TextChoices):
    REFERENCE_PERSON = "reference", _("reference person")
    PARTNER = "partner", _("partner")
    CHILD = "child", _("child")
    PARENT = "parent", _("parent")
    SIBLING = "sibling", _("brother or sister")
    GRANDPARENT = "grandparent", _("grandparent")
    OTHER_RELATIVE = "relative", _("other relative")
    OTHER = "other", _("other cohabitant")


def validate_tax_code(value: str) -> None:
    try:
        ssn_validation(value.upper())
    except ValueError:
        raise ValidationError(
            _("This is not a valid codice fiscale (16 characters, check letter included)."),
            code="invalid_tax_code",
        ) from None


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def age_band_of(age: int):
    """The directory's band (0–3, 3–6, 6–11, 11–14, 14–18, adults, elderly) of an age in
    years: a band's maximum belongs to the next band, so a child of 3 is in 3–6."""
    *minors, adults, elderly = AGE_BANDS
    for band in minors:
        if band.minimum <= age < band.maximum:
            return band
    return elderly if age >= elderly.minimum else adults


class Member(ChoiceLabels, models.Model):
    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="members", verbose_name=_("household")
    )
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    birth_date = models.DateField(_("birth date"))
    relationship = models.CharField(_("relationship"), max_length=20, choices=Relationship)
    tax_code = models.CharField(
        _("codice fiscale"), max_length=16, blank=True, validators=[validate_tax_code]
    )
    citizenship = models.CharField(_("citizenship"), max_length=60, blank=True)
    languages = models.ManyToManyField(
        Language, blank=True, related_name="+", verbose_name=_("languages spoken")
    )

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        ordering = ["birth_date", "pk"]
        indexes = [
            # The network indicators' minors by age band (directory.indicators.family_figures):
            # an index-only scan of the members born in the 18 years before the period's end.
            models.Index(
                fields=["birth_date"], include=["household"], name="member_birth_household_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tax_code="") | models.Q(tax_code__regex=r"^[A-Z0-9]{16}$"),
                name="member_tax_code_shape",
                violation_error_message=_("A codice fiscale has 16 letters and digits."),
            ),
        ]

    def __str__(self):
        # Audit entries and logs show this: never the name.
        return _("member %(number)s of %(household)s") % {
            "number": self.pk,
            "household": self.household.reference,
        }

    def clean(self):
        super().clean()
        self.tax_code = self.tax_code.strip().upper()
        if self.birth_date and self.birth_date > timezone.localdate():
            raise ValidationError({"birth_date": _("The birth date is in the future.")})

    def age(self, day: datetime.date | None = None) -> int:
        return age_on(self.birth_date, day or timezone.localdate())

    def age_band(self, day: datetime.date | None = None):
        return age_band_of(self.age(day))

    @property
    def is_minor(self) -> bool:
        return self.age() < 18
