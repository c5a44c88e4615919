"""Interventions: what the network gave or did for the family (a food parcel, a contribution
in euro, a session, an enrolment in a directory activity…), when, how much, by which provider
organization or activity, recorded by which operator, towards which objective of the plan."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import Activity, JobOffer, Organization
from famiglie.models.case import Case
from famiglie.models.labels import ChoiceLabels
from famiglie.models.plan import Objective


class InterventionKind(models.TextChoices):
    FOOD_PARCEL = "food_parcel", _("food parcel")
    ECONOMIC = "economic_contribution", _("economic contribution")
    HEALTH = "health_support", _("health support")
    SCHOOL = "school_support", _("school support")
    ENROLMENT = "activity_enrolment", _("enrolment in an activity of the directory")
    PSYCHOLOGICAL = "psychological_session", _("psychological session")
    JOB_ORIENTATION = "job_orientation", _("job orientation")
    PLACEMENT = "placement", _("internship or job placement")
    TRAINING = "training_course", _("training course")


# The intervention's own columns the case page shows, and its links.
_SHOWN = (
    "case",
    "kind",
    "date",
    "quantity",
    "amount",
    "notes",
    "objective",
    "organization",
    "activity",
    "operator",
    "job_offer",
)


class InterventionQuerySet(models.QuerySet):
    def for_case_page(self):
        """With what the case page shows of each related row only (an activity, an
        organization are wide rows; ten of them a page)."""
        return (
            self.select_related("objective", "organization", "activity", "operator", "job_offer")
            .only(
                *_SHOWN,
                "objective__area",
                "objective__description",
                "organization__name",
                "activity__title",
                "job_offer__title",
                "operator__first_name",
                "operator__last_name",
                "operator__username",
            )
            .order_by("-date", "-pk")
        )


class Intervention(ChoiceLabels, models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="interventions", verbose_name=_("case")
    )
    objective = models.ForeignKey(
        Objective,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interventions",
        verbose_name=_("towards the objective"),
    )
    kind = models.CharField(_("type"), max_length=30, choices=InterventionKind)
    date = models.DateField(_("date"))
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    amount = models.DecimalField(
        _("amount (€)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("provider organization"),
    )
    # An activity deleted later leaves the intervention, without it.
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("activity"),
    )
    # A placement from the job pathway: the offer it filled (an offer deleted later leaves it).
    job_offer = models.ForeignKey(
        JobOffer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="placements",
        verbose_name=_("job offer"),
    )
    operator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("operator"),
    )
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = InterventionQuerySet.as_manager()

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["case", "-date", "-id"], name="intervention_case_date_idx"),
            # The network indicators' live months (directory.indicators.family_figures): an
            # index-only scan of the days counted, with what they are counted by.
            models.Index(
                fields=["date"],
                include=["case", "kind", "amount"],
                name="intervention_date_kind_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gt=0),
                name="intervention_amount_positive",
            ),
        ]

    def __str__(self):
        return _("intervention %(number)s of case %(code)s") % {
            "number": self.pk,
            "code": self.case.code,
        }

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == InterventionKind.ECONOMIC and self.amount is None:
            errors["amount"] = _("Say the amount of the contribution, in euro.")
        if self.kind != InterventionKind.ECONOMIC and self.amount is not None:
            errors["amount"] = _("An amount is only for an economic contribution.")
        if self.kind == InterventionKind.ENROLMENT and self.activity_id is None:
            errors["activity"] = _("Say which activity of the directory the enrolment is in.")
        if self.job_offer_id and self.kind != InterventionKind.PLACEMENT:
            errors["job_offer"] = _("A job offer is only for an internship or job placement.")
        if self.objective_id and self.case_id and self.objective.case_id != self.case_id:
            errors["objective"] = _("The objective is not one of this case's.")
        if errors:
            raise ValidationError(errors)
