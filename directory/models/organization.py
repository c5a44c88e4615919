import uuid

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from directory.models.taxonomy import GeneralInterestArea
from directory.models.territory import Municipality
from directory.validators import validate_tax_code
from linkrete.folding import Folded


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")
    ARCHIVED = "archived", _("archived")


class LegalForm(models.TextChoices):
    # The sections of the national third-sector register (RUNTS, art. 46 CTS)…
    ODV = "odv", _("voluntary organisation (ODV)")
    APS = "aps", _("social promotion association (APS)")
    PHILANTHROPIC = "filantropico", _("philanthropic body")
    SOCIAL_ENTERPRISE = "impresa_sociale", _("social enterprise")
    SOCIAL_COOP_A = "coop_sociale_a", _("social cooperative, type A (services)")
    SOCIAL_COOP_B = "coop_sociale_b", _("social cooperative, type B (job placement)")
    ASSOCIATIVE_NETWORK = "rete_associativa", _("associative network")
    MUTUAL_AID = "mutuo_soccorso", _("mutual aid society")
    OTHER_ETS = "altro_ets", _("other third-sector body")
    # …and the partners real networks have that are not in the register.
    ASSOCIATION = "associazione", _("association not in the register")
    PARISH_CENTRE = "oratorio", _("parish youth centre (oratorio)")
    PARENTS_COMMITTEE = "comitato_genitori", _("parents' committee")
    NEIGHBOURHOOD_COMMITTEE = "comitato_quartiere", _("neighbourhood committee")
    PUBLIC_SERVICE = "servizio_pubblico", _("public service")
    SCHOOL = "scuola", _("school")
    TRADE_UNION = "sindacato", _("trade union or patronage office")
    COMPANY = "impresa", _("company")
    BANK = "banca", _("bank")
    OTHER = "altro", _("other")


RUNTS_LEGAL_FORMS = (
    LegalForm.ODV,
    LegalForm.APS,
    LegalForm.PHILANTHROPIC,
    LegalForm.SOCIAL_ENTERPRISE,
    LegalForm.SOCIAL_COOP_A,
    LegalForm.SOCIAL_COOP_B,
    LegalForm.ASSOCIATIVE_NETWORK,
    LegalForm.MUTUAL_AID,
    LegalForm.OTHER_ETS,
)


class OrganizationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)


def of_published_organization(field: str = "organization") -> models.Exists:
    """Rows (calls, desks) whose organization ``field`` is published, tested as "not one of the
    few that are not", which a small partial index holds (``organization_unpublished_idx``):
    PostgreSQL hashes it once for a list and probes it for a single row, where a join with the
    organizations probed the 150,000-row table for every row (the 10,826 open calls'
    count: 120 → 20 ms, bench/README.md)."""
    others = Organization.objects.filter(pk=models.OuterRef(field)).exclude(
        status=PublicationStatus.PUBLISHED
    )
    return ~models.Exists(others)


class Organization(models.Model):
    uuid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    legal_form = models.CharField(_("legal form"), max_length=30, choices=LegalForm)
    tax_code = models.CharField(
        _("tax code"),
        max_length=16,
        blank=True,
        validators=[validate_tax_code],
        help_text=_("Codice fiscale: 11 digits for a body."),
    )
    runts_number = models.CharField(
        _("RUNTS number"),
        max_length=30,
        blank=True,
        help_text=_("Registration number in the national third-sector register, if any."),
    )
    description = models.TextField(_("description"))
    social_utility = models.TextField(
        _("social utility"),
        blank=True,
        help_text=_("What the organization does for the community, in its own words."),
    )
    general_interest_areas = models.ManyToManyField(
        GeneralInterestArea,
        blank=True,
        related_name="organizations",
        verbose_name=_("areas of general interest (art. 5 CTS)"),
    )
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    status = models.CharField(
        _("publication status"),
        max_length=20,
        choices=PublicationStatus,
        default=PublicationStatus.PUBLISHED,
    )
    last_verified = models.DateField(_("information last verified on"), null=True, blank=True)
    is_trusted = models.BooleanField(
        _("trusted"),
        default=False,
        help_text=_("Changes by its staff are published without review by a coordinator."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["tax_code"],
                condition=~models.Q(tax_code=""),
                name="organization_tax_code_unique",
                violation_error_message=_("Another organization has this tax code."),
                # "unique" on a one-field constraint puts the message on the field in forms.
                violation_error_code="unique",
            ),
            models.CheckConstraint(
                condition=models.Q(runts_number="")
                | models.Q(legal_form__in=[form.value for form in RUNTS_LEGAL_FORMS]),
                name="organization_runts_number_needs_runts_form",
                violation_error_message=_(
                    "Only third-sector bodies in the register have a RUNTS number: "
                    "choose a RUNTS legal form or leave the number empty."
                ),
            ),
        ]
        indexes = [
            # The coordinators' landing pages through the records not checked for longest.
            models.Index(
                models.F("last_verified").asc(nulls_first=True),
                models.F("name"),
                models.F("id"),
                name="organization_verified_idx",
            ),
            # The admin's search of names: any part of the name, whatever its accents or case.
            GinIndex(
                OpClass(Folded("name"), name="gin_trgm_ops"), name="organization_name_fold_trgm"
            ),
            # The admin's list and autocompletes, in order of name, a page at a time.
            models.Index(fields=["name", "id"], name="organization_name_idx"),
            # The few not published, for of_published_organization (4 % at national scale).
            models.Index(
                fields=["id"],
                condition=~models.Q(status="published"),
                name="organization_unpublished_idx",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:organization_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        self.tax_code = self.tax_code.strip().upper()
        if self.runts_number and self.legal_form not in RUNTS_LEGAL_FORMS:
            raise ValidationError(
                {
                    "runts_number": _(
                        "Only third-sector bodies in the register have a RUNTS number: "
                        "choose a RUNTS legal form or leave the number empty."
                    )
                }
            )

    @property
    def is_third_sector_body(self):
        return self.legal_form in RUNTS_LEGAL_FORMS


class Location(models.Model):
    """Where an organization works: a place with an address, or a virtual channel (HSDS)."""

    class Kind(models.TextChoices):
        PHYSICAL = "physical", _("physical place")
        VIRTUAL = "virtual", _("online / remote")

    uuid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="locations",
        verbose_name=_("organization"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.PHYSICAL)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="locations",
        verbose_name=_("municipality"),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    url = models.URLField(_("link for remote access"), blank=True)
    wheelchair_accessible = models.BooleanField(_("wheelchair access"), default=False)
    has_lift = models.BooleanField(_("lift"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    accessibility_notes = models.TextField(_("other accessibility notes"), blank=True)
    transport_notes = models.TextField(
        _("how to get there"), blank=True, help_text=_("Public transport, parking.")
    )

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["organization__name", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="location_latitude_range",
                violation_error_message=_("Latitude lies between -90 and 90."),
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="location_longitude_range",
                violation_error_message=_("Longitude lies between -180 and 180."),
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="location_coordinates_both_or_none",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind="virtual") | models.Q(municipality__isnull=False),
                name="location_physical_has_municipality",
                violation_error_message=_("A physical place needs its municipality."),
            ),
        ]
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="location_coordinates_idx"),
            # The admin's search of place names and addresses (see the organizations' index).
            GinIndex(OpClass(Folded("name"), name="gin_trgm_ops"), name="location_name_fold_trgm"),
            GinIndex(
                OpClass(Folded("address"), name="gin_trgm_ops"), name="location_address_fold_trgm"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.kind == self.Kind.PHYSICAL:
            errors = {}
            if not self.address:
                errors["address"] = _("A physical place needs its address.")
            if self.municipality_id is None:
                errors["municipality"] = _("A physical place needs its municipality.")
            if errors:
                raise ValidationError(errors)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None
