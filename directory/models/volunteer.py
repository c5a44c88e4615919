"""The volunteer register an ETS keeps (art. 17 CTS) and the hours volunteers give. Never public."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models.activity import Activity
from directory.models.organization import Organization
from directory.validators import validate_person_tax_code

ZERO_HOURS = Decimal("0")


class VolunteerQuerySet(models.QuerySet):
    def active(self, on=None):
        day = on or timezone.localdate()
        return self.filter(models.Q(end_date__isnull=True) | models.Q(end_date__gte=day))

    def with_totals(self, year=None):
        """Hours logged in all and in ``year`` (this year by default), plus training hours.

        Subqueries rather than joined sums, so the two totals do not multiply each other and
        the register costs the same number of queries whatever its size.
        """
        from directory.models.training import Attendance

        year = year or timezone.localdate().year
        logged = (
            VolunteerHours.objects.filter(volunteer=models.OuterRef("pk"))
            .order_by()
            .values("volunteer")
            .annotate(total=models.Sum("hours"))
            .values("total")
        )
        trained = (
            Attendance.objects.filter(volunteer=models.OuterRef("pk"))
            .order_by()
            .values("volunteer")
            .annotate(total=models.Sum("hours"))
            .values("total")
        )
        decimal = models.DecimalField(max_digits=10, decimal_places=2)
        return self.annotate(
            hours_total=Coalesce(models.Subquery(logged, output_field=decimal), ZERO_HOURS),
            hours_year=Coalesce(
                models.Subquery(logged.filter(date__year=year), output_field=decimal),
                ZERO_HOURS,
            ),
            training_hours=Coalesce(models.Subquery(trained, output_field=decimal), ZERO_HOURS),
        )


class Volunteer(models.Model):
    """A person in an organization's volunteer register. Leaving sets ``end_date``: the
    record and its hours stay, as the register must."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="volunteers",
        verbose_name=_("organization"),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    tax_code = models.CharField(
        _("tax code"),
        max_length=16,
        blank=True,
        validators=[validate_person_tax_code],
        help_text=_("Codice fiscale, 16 letters and digits. Optional."),
    )
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    start_date = models.DateField(_("start date"), default=timezone.localdate)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    roles = models.CharField(
        _("roles"), max_length=200, blank=True, help_text=_("What they do, e.g. driver, tutor.")
    )
    skills = models.TextField(_("skills"), blank=True)
    is_insured = models.BooleanField(_("covered by insurance"), default=False)
    insurance_policy = models.CharField(_("insurance policy"), max_length=100, blank=True)
    insurance_expires = models.DateField(_("insurance valid until"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = VolunteerQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        ordering = ["last_name", "first_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="volunteer_ends_after_start",
                violation_error_message=_("A volunteer cannot leave before starting."),
            ),
        ]

    def __str__(self):
        # Not the name: str() ends up in the admin's history, messages and log lines.
        return _("volunteer #%(pk)s") % {"pk": self.pk}

    @property
    def full_name(self):
        """For the organization's own pages, where members legitimately read it."""
        return f"{self.first_name} {self.last_name}"

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("A volunteer cannot leave before starting.")})
        if self.is_insured and not self.insurance_policy.strip():
            raise ValidationError(
                {"insurance_policy": _("Give the insurance policy that covers the volunteer.")}
            )

    @property
    def is_active(self):
        return self.end_date is None or self.end_date >= timezone.localdate()


class VolunteerHours(models.Model):
    volunteer = models.ForeignKey(
        Volunteer, on_delete=models.PROTECT, related_name="hours", verbose_name=_("volunteer")
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volunteer_hours",
        verbose_name=_("activity"),
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("24"))],
    )
    description = models.CharField(_("what was done"), max_length=200, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logged by"),
    )
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("volunteer hours")
        verbose_name_plural = _("volunteer hours")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0, hours__lte=24),
                name="volunteer_hours_in_a_day",
                violation_error_message=_("Hours in a day are more than 0 and at most 24."),
            ),
        ]
        indexes = [models.Index(fields=["volunteer", "date"])]

    def __str__(self):
        return _("volunteer hours #%(pk)s") % {"pk": self.pk}

    def clean(self):
        super().clean()
        if (
            self.volunteer_id
            and self.activity_id
            and self.activity.organization_id != self.volunteer.organization_id
        ):
            raise ValidationError(
                {"activity": _("Choose an activity of the volunteer's organization.")}
            )
        if self.volunteer_id and self.date:
            volunteer = self.volunteer
            if self.date < volunteer.start_date or (
                volunteer.end_date and self.date > volunteer.end_date
            ):
                raise ValidationError(
                    {"date": _("The date falls outside the volunteer's time in the register.")}
                )
