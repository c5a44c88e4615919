"""Opening hours of activities, as HSDS 3.0 models them: weekly slots plus dated exceptions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from directory.models.activity import Activity
from directory.models.identifiers import public_identifier
from directory.models.organization import Location


class Weekday(models.IntegerChoices):
    """ISO weekday numbers, as ``date.isoweekday()`` returns them. The labels stand alone (a
    row, a choice), so capitalised; inside a date the names are lower case (linkrete.formats)."""

    MONDAY = 1, pgettext_lazy("weekday", "Monday")
    TUESDAY = 2, pgettext_lazy("weekday", "Tuesday")
    WEDNESDAY = 3, pgettext_lazy("weekday", "Wednesday")
    THURSDAY = 4, pgettext_lazy("weekday", "Thursday")
    FRIDAY = 5, pgettext_lazy("weekday", "Friday")
    SATURDAY = 6, pgettext_lazy("weekday", "Saturday")
    SUNDAY = 7, pgettext_lazy("weekday", "Sunday")


# iCalendar BYDAY codes, used by HSDS ``schedule.byday``.
WEEKDAY_RRULE_CODES = {1: "MO", 2: "TU", 3: "WE", 4: "TH", 5: "FR", 6: "SA", 7: "SU"}


class WeeklySlot(models.Model):
    """Open on this weekday between these times, within the validity dates (HSDS weekly
    schedule). Concrete models add what the hours belong to and ``weekly_slot_rules``."""

    weekday = models.PositiveSmallIntegerField(_("day of the week"), choices=Weekday)
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["weekday", "opens_at"]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.opens_at >= self.closes_at:
            raise ValidationError({"closes_at": _("A slot must open before it closes.")})
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValidationError({"valid_to": _("The validity period must end after it starts.")})

    def is_valid_on(self, day):
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


def weekly_slot_rules(prefix: str) -> list[models.CheckConstraint]:
    """The database's rules for a ``WeeklySlot``, named ``<prefix>_…``."""
    return [
        models.CheckConstraint(
            condition=models.Q(opens_at__lt=models.F("closes_at")),
            name=f"{prefix}_opens_before_closing",
            violation_error_message=_("A slot must open before it closes."),
        ),
        models.CheckConstraint(
            condition=models.Q(weekday__gte=1, weekday__lte=7),
            name=f"{prefix}_weekday_iso",
            violation_error_message=_("The day of the week goes from 1 (Monday) to 7."),
        ),
        models.CheckConstraint(
            condition=models.Q(valid_from__isnull=True)
            | models.Q(valid_to__isnull=True)
            | models.Q(valid_from__lte=models.F("valid_to")),
            name=f"{prefix}_validity_in_order",
            violation_error_message=_("The validity period must end after it starts."),
        ),
    ]


class OpeningSlot(WeeklySlot):
    """The activity is open on this weekday between these times, within the validity dates."""

    uuid = public_identifier()
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="opening_slots", verbose_name=_("activity")
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="opening_slots",
        verbose_name=_("location"),
        help_text=_("Leave empty when the hours are the same everywhere."),
    )
    notes = models.CharField(_("notes"), max_length=200, blank=True)

    class Meta(WeeklySlot.Meta):
        verbose_name = _("opening slot")
        verbose_name_plural = _("opening hours")
        constraints = weekly_slot_rules("opening_slot")
        indexes = [
            models.Index(fields=["weekday", "opens_at", "closes_at"]),
            # The few slots with an end date: "on Saturdays" looks them up (the others are
            # answered by the search tags, see directory.search.filters.day.day_condition).
            models.Index(
                fields=["weekday", "valid_to"],
                condition=models.Q(valid_to__isnull=False),
                name="openingslot_ending_idx",
            ),
        ]


class DatedException(models.Model):
    """A dated change to weekly hours (HSDS schedule with a date): closed that day, or open with
    special hours. Concrete models add what the hours belong to and the check constraint,
    made by ``closed_or_hours``."""

    date = models.DateField(_("date"))
    is_closed = models.BooleanField(_("closed all day"), default=True)
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        abstract = True
        ordering = ["date", "opens_at"]

    def __str__(self):
        if self.is_closed:
            return _("%(date)s: closed") % {"date": self.date}
        return f"{self.date}: {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"

    def clean(self):
        super().clean()
        if self.is_closed:
            if self.opens_at or self.closes_at:
                raise ValidationError(
                    _("A day closed all day has no hours: untick 'closed' to give special hours.")
                )
            return
        if self.opens_at is None or self.closes_at is None:
            raise ValidationError(_("Give the special opening and closing times."))
        if self.opens_at >= self.closes_at:
            raise ValidationError({"closes_at": _("Special hours must open before they close.")})


def closed_or_hours(name: str, message) -> models.CheckConstraint:
    """The database's rule for a ``DatedException``: closed with no hours, or hours in order."""
    return models.CheckConstraint(
        condition=models.Q(is_closed=True, opens_at__isnull=True, closes_at__isnull=True)
        | models.Q(
            is_closed=False,
            opens_at__isnull=False,
            closes_at__isnull=False,
            opens_at__lt=models.F("closes_at"),
        ),
        name=name,
        violation_error_message=message,
    )


class ScheduleException(DatedException):
    """A dated change to an activity's weekly hours."""

    uuid = public_identifier()
    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="schedule_exceptions",
        verbose_name=_("activity"),
    )

    class Meta(DatedException.Meta):
        verbose_name = _("exception to the hours")
        verbose_name_plural = _("exceptions to the hours")
        constraints = [
            closed_or_hours(
                "schedule_exception_closed_or_hours",
                _(
                    "Either the activity is closed all day, or give special hours that open "
                    "before they close."
                ),
            ),
        ]
