"""The skills and availability of an adult or young person in care, for the job pathway
(incrocio domanda/offerta): read by the case team only, audited as every case record, gone
with the member when the household is anonymised (``famiglie/retention.py`` deletes members)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.job_offer import Skill, skills_field
from famiglie.models.household import Member
from famiglie.models.labels import ChoiceLabels

# Who is offered a job: from 16, the end of compulsory schooling.
MIN_WORKING_AGE = 16


class Availability(models.TextChoices):
    FULL_TIME = "full_time", _("full time")
    PART_TIME = "part_time", _("part time")
    MORNINGS = "mornings", _("mornings only")
    SHIFTS = "shifts", _("shifts, evenings and weekends included")
    NOT_NOW = "not_now", _("not available for now")


class JobProfile(ChoiceLabels, models.Model):
    member = models.OneToOneField(
        Member,
        on_delete=models.CASCADE,
        related_name="job_profile",
        verbose_name=_("household member"),
    )
    skills = skills_field(_("skills"))
    availability = models.CharField(
        _("availability"), max_length=20, choices=Availability, default=Availability.PART_TIME
    )
    notes = models.TextField(
        _("notes on work"),
        max_length=1000,
        blank=True,
        help_text=_("Experience, training, constraints. No health details."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("job profile")
        verbose_name_plural = _("job profiles")

    def __str__(self):
        # Audit entries and logs show this: never the name.
        return _("job profile of member %(number)s") % {"number": self.member_id}

    @property
    def is_available(self) -> bool:
        return self.availability != Availability.NOT_NOW and bool(self.skills)

    def get_skills_display(self) -> list[str]:
        labels = dict(Skill.choices)
        return [str(labels.get(skill, skill)) for skill in self.skills]
