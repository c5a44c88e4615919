"""Job offers (incrocio domanda/offerta): what the network's companies and organizations offer,
posted by their staff in the association area. An offer holds no personal data and needs no
review; it is matched against the skills of people in care (``famiglie.JobProfile``) until the
day it is valid to, then it is expired and matched no more."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models.organization import Organization
from directory.models.territory import Municipality


class Skill(models.TextChoices):
    """The skills an offer asks for and a person in care has: one list, so they match."""

    CLEANING = "cleaning", _("cleaning and housekeeping")
    CATERING = "catering", _("kitchen and catering")
    HOSPITALITY = "hospitality", _("hotel and reception")
    RETAIL = "retail", _("shop and sales")
    WAREHOUSE = "warehouse", _("warehouse and logistics")
    DRIVING = "driving", _("driving licence B")
    CARE = "care", _("care of elderly or disabled people")
    CHILDCARE = "childcare", _("childcare")
    CONSTRUCTION = "construction", _("building and maintenance")
    GARDENING = "gardening", _("gardening and agriculture")
    MANUFACTURING = "manufacturing", _("factory and assembly work")
    OFFICE = "office", _("office and secretarial work")
    COMPUTER = "computer", _("computer basics")
    ITALIAN = "italian", _("spoken Italian")
    FOREIGN_LANGUAGE = "foreign_language", _("a foreign language")


class ContractKind(models.TextChoices):
    INTERNSHIP = "internship", _("internship (tirocinio)")
    FIXED_TERM = "fixed_term", _("fixed-term contract")
    PERMANENT = "permanent", _("permanent contract")
    APPRENTICESHIP = "apprenticeship", _("apprenticeship")
    SEASONAL = "seasonal", _("seasonal work")
    OCCASIONAL = "occasional", _("occasional work")


def skills_field(verbose_name):
    return ArrayField(
        models.CharField(max_length=30, choices=Skill),
        verbose_name=verbose_name,
        default=list,
        blank=True,
    )


class JobOfferQuerySet(models.QuerySet):
    def current(self, day=None):
        """Offers still valid on ``day`` (today): an expired offer is matched no more."""
        return self.filter(valid_until__gte=day or timezone.localdate())

    def matching(self, skills: list[str], municipality_id: int | None, day=None):
        """The current offers in the municipality asking for at least one of ``skills``, the
        most skills in common first (``overlap``), then those expiring soonest."""
        offers = self.current(day).filter(skills__overlap=list(skills))
        if municipality_id is not None:
            offers = offers.filter(municipality_id=municipality_id)
        overlap = RawSQL(
            "(SELECT count(*) FROM unnest(directory_joboffer.skills) AS s WHERE s = ANY(%s))",
            (list(skills),),
            output_field=models.IntegerField(),
        )
        return (
            offers.annotate(overlap=overlap)
            .select_related("organization", "municipality")
            .order_by("-overlap", "valid_until", "pk")
        )


class JobOffer(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="job_offers",
        verbose_name=_("organization"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=4000)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    contract_kind = models.CharField(_("contract"), max_length=20, choices=ContractKind)
    hours = models.CharField(
        _("hours"), max_length=200, help_text=_("e.g. 20 hours a week, mornings.")
    )
    skills = skills_field(_("skills wanted"))
    valid_until = models.DateField(_("valid until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("posted by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = JobOfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("job offer")
        verbose_name_plural = _("job offers")
        ordering = ["-valid_until", "-pk"]
        indexes = [
            models.Index(fields=["municipality", "valid_until"], name="joboffer_town_valid_idx"),
        ]

    def __str__(self):
        return self.title

    def is_current(self, day=None) -> bool:
        return self.valid_until >= (day or timezone.localdate())

    def get_skills_display(self) -> list[str]:
        labels = dict(Skill.choices)
        return [str(labels.get(skill, skill)) for skill in self.skills]
