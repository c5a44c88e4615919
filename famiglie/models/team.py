"""Équipes: the teams that accompany families, one per network or project."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import Organization, Zone
from famiglie.models.labels import ChoiceLabels


class Role(models.TextChoices):
    SOCIAL_WORKER = "social_worker", _("social worker")
    EDUCATOR = "educator", _("educator")
    PSYCHOLOGIST = "psychologist", _("psychologist")
    TUTOR = "tutor", _("tutor")
    VOLUNTEER = "volunteer", _("volunteer")


class Team(ChoiceLabels, models.Model):
    """An équipe (Cuore Visconteo's has 16 people). Its lead (responsabile d'équipe) approves
    plans and closures and forms each case's team; the network coordinator is not the lead."""

    name = models.CharField(_("name"), max_length=120)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="case_teams",
        verbose_name=_("organization running it"),
        help_text=_("The lead partner of the network or project; it sends the team's referrals."),
    )
    zone = models.ForeignKey(
        Zone,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="case_teams",
        verbose_name=_("territorial area"),
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="teams_led",
        verbose_name=_("team lead"),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]

    def __str__(self):
        return self.name


class TeamMember(ChoiceLabels, models.Model):
    """A person of the équipe with their professional role (the lead is ``Team.lead``)."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="members", verbose_name=_("team")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="team_memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="team_member_once"),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"
