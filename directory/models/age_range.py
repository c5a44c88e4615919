"""Who an activity or an event is for, in years: the same two fields, rules and words on both."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgeRange(models.Model):
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, help_text=_("In years; empty if there is none.")
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, help_text=_("In years; empty if there is none.")
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_age__isnull=True)
                | models.Q(max_age__isnull=True)
                | models.Q(min_age__lte=models.F("max_age")),
                name="%(class)s_min_age_not_above_max",
                violation_error_message=_("The minimum age cannot be above the maximum age."),
            ),
            models.CheckConstraint(
                condition=models.Q(max_age__isnull=True) | models.Q(max_age__lte=120),
                name="%(class)s_max_age_plausible",
                violation_error_message=_("The maximum age cannot be above 120."),
            ),
        ]

    def age_errors(self) -> dict:
        """What ``clean`` says about the range, by field."""
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            return {"max_age": _("The minimum age cannot be above the maximum age.")}
        return {}

    @property
    def age_label(self):
        if self.min_age is None and self.max_age is None:
            return _("all ages")
        if self.max_age is None:
            return _("from %(min)s years") % {"min": self.min_age}
        if self.min_age is None or self.min_age == 0:
            return _("up to %(max)s years") % {"max": self.max_age}
        return _("%(min)s–%(max)s years") % {"min": self.min_age, "max": self.max_age}
