"""Networks (projects): who takes part and with which role, the agreement that binds them, the
steering board that governs them and the actions they promised.

An organization's role is per network: the same body can lead one project and only sign the
agreement of another (``NetworkMembership`` holds one row per organization, network and role).
The steering board is recorded by organization and office held, not by person: the people
change, the seats stay, and no personal data is kept.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from directory.models.organization import Organization
from directory.models.territory import Municipality, Zone

DOCUMENT_EXTENSIONS = ["pdf", "odt", "docx"]


def agreement_path(instance, filename):
    # The network's slug, not the name the file had on someone's computer.
    return f"reti/accordi/{instance.slug}.{_extension(filename)}"


def minutes_path(instance, filename):
    # Unguessable: minutes are read in the admin, not linked from public pages.
    return f"reti/verbali/{uuid.uuid4().hex}.{_extension(filename)}"


def _extension(filename):
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else "pdf"


class MemberRole(models.TextChoices):
    LEAD = "capofila", _("lead partner")
    PARTNER = "partner", _("partner")
    SIGNATORY = "firmatario", _("signatory of the agreement")
    ACCESS_POINT = "punto_accesso", _("access point")


class NetworkQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("lead_organization").annotate(
            member_count=models.Count("memberships__organization", distinct=True)
        )


class Network(models.Model):
    """A project that puts organizations of a territory together for a period."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.CharField(
        _("short description"),
        max_length=500,
        help_text=_("What the project does, in one or two sentences."),
    )
    zones = models.ManyToManyField(
        Zone, blank=True, related_name="networks", verbose_name=_("zones")
    )
    municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="networks",
        verbose_name=_("municipalities"),
        help_text=_("Only those not already in one of its zones."),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    lead_organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_networks",
        verbose_name=_("lead organization"),
    )
    agreement = models.FileField(
        _("network agreement"),
        upload_to=agreement_path,
        blank=True,
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS)],
        help_text=_("The signed agreement, as PDF, ODT or DOCX."),
    )
    agreement_signed_on = models.DateField(_("agreement signed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = NetworkQuerySet.as_manager()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="network_ends_after_it_starts",
                violation_error_message=_("The project cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:network_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The project cannot end before it starts.")})


class NetworkMembership(models.Model):
    """One role of one organization in one network; a body with two roles has two rows."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("organization"),
    )
    role = models.CharField(_("role"), max_length=20, choices=MemberRole)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    class Meta:
        verbose_name = _("network member")
        verbose_name_plural = _("network members")
        ordering = ["network", "role", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "organization", "role"],
                name="network_membership_unique_role",
                violation_error_message=_("This organization already has this role here."),
            ),
        ]
        indexes = [models.Index(fields=["organization", "role"], name="network_member_org_idx")]

    def __str__(self):
        return f"{self.organization} – {self.get_role_display()} ({self.network})"


class SteeringBoardSeat(models.Model):
    """A seat on the steering board (cabina di regia): the organization and the office of whoever
    sits there, such as "assessore ai servizi sociali" or "coordinatrice del progetto"."""

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="board_seats",
        verbose_name=_("network"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="board_seats",
        verbose_name=_("organization"),
    )
    office = models.CharField(
        _("office held"),
        max_length=200,
        help_text=_("The role of the person who sits on the board, not their name."),
    )

    class Meta:
        verbose_name = _("steering board seat")
        verbose_name_plural = _("steering board seats")
        ordering = ["network", "organization__name", "office"]

    def __str__(self):
        return f"{self.organization} – {self.office}"


class BoardMeeting(models.Model):
    """A meeting of the steering board, with its minutes as text, as a file or both."""

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="board_meetings",
        verbose_name=_("network"),
    )
    date = models.DateField(_("date"))
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_file = models.FileField(
        _("minutes as a file"),
        upload_to=minutes_path,
        blank=True,
        validators=[FileExtensionValidator(DOCUMENT_EXTENSIONS)],
    )

    class Meta:
        verbose_name = _("steering board meeting")
        verbose_name_plural = _("steering board meetings")
        ordering = ["network", "-date"]

    def __str__(self):
        return f"{self.network} – {self.date:%d/%m/%Y}"


class NetworkAction(models.Model):
    """One of the project's actions (azioni), with the objective it pursues."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="actions", verbose_name=_("network")
    )
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    name = models.CharField(_("name"), max_length=200)
    objective = models.TextField(_("objective"), blank=True)

    class Meta:
        verbose_name = _("project action")
        verbose_name_plural = _("project actions")
        ordering = ["network", "number", "name"]

    def __str__(self):
        return f"{self.number}. {self.name}"


class Figure(models.TextChoices):
    """The dashboard's headline figures a target can be measured against
    (``directory.indicators.headlines``)."""

    ACTIVITIES = "activities", _("activities offered")
    ACCESSES = "accesses", _("desk accesses")
    REFERRALS = "referrals", _("referrals")
    FAMILIES = "families", _("families in care")
    MINORS = "minors", _("minors in the families in care")
    INTERVENTIONS = "interventions", _("interventions")
    INTERVENTION_AMOUNT = "intervention_amount", _("amount of the interventions (€)")
    OBJECTIVES_ACHIEVED = "objectives_achieved", _("objectives achieved")
    VOLUNTEERS = "volunteers", _("active volunteers")
    VOLUNTEER_HOURS = "volunteer_hours", _("volunteer hours")
    SESSIONS = "sessions", _("event sessions")
    ATTENDANCE = "attendance", _("people who came to the events")


class ActionTarget(models.Model):
    """What an action promised, in figures: "families reached: 120"; with ``figure`` set, the
    dashboard shows it beside the figure it measures."""

    action = models.ForeignKey(
        NetworkAction, on_delete=models.CASCADE, related_name="targets", verbose_name=_("action")
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=60, help_text=_("Families, hours, events…"))
    value = models.DecimalField(_("target value"), max_digits=12, decimal_places=2)
    figure = models.CharField(
        _("measured by"),
        max_length=30,
        choices=Figure,
        blank=True,
        help_text=_("The dashboard's figure to show beside this target, if one measures it."),
    )

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["action", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gte=0),
                name="action_target_not_negative",
                violation_error_message=_("A target is zero or more."),
            ),
        ]

    def __str__(self):
        return f"{self.name}: {self.value} {self.unit}"
