"""People who came to an event's session without signing up, counted by age band.

No one is named: a number per age band of the directory (``AGE_BANDS``), marked by the
organization with the sign-ups' attendance (``directory/event_attendance.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.event import EventSession
from directory.models.taxonomy import AGE_BANDS, AGE_BANDS_BY_SLUG

# Walk-ins one session can count per age band: a typing slip, not a crowd, above it.
MAX_WALK_INS = 999


class EventWalkIn(models.Model):
    session = models.ForeignKey(
        EventSession,
        on_delete=models.CASCADE,
        related_name="walk_ins",
        verbose_name=_("session"),
        # eventwalkin_one_per_band begins with it.
        db_index=False,
    )
    age_band = models.CharField(
        _("age band"), max_length=10, choices=[(band.slug, band.label) for band in AGE_BANDS]
    )
    people = models.PositiveSmallIntegerField(_("people"))

    class Meta:
        verbose_name = _("walk-ins of a session")
        verbose_name_plural = _("walk-ins of sessions")
        ordering = ["session", "age_band"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "age_band"], name="eventwalkin_one_per_band"
            ),
            models.CheckConstraint(
                condition=models.Q(people__gte=1, people__lte=MAX_WALK_INS),
                name="eventwalkin_people_in_range",
                violation_error_message=_("Count from 1 to 999 people."),
            ),
        ]

    def __str__(self):
        return f"{self.session} – {AGE_BANDS_BY_SLUG[self.age_band].label}: {self.people}"
