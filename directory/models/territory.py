from django.db import models
from django.utils.translation import gettext_lazy as _


class MunicipalityQuerySet(models.QuerySet):
    def with_province(self):
        return self.order_by("name", "province_code")

    def of_the_network(self, include=None):
        """The municipalities of the network's zones (plus ``include``, a current value), for
        choosing from a list: all 7,900 Italian ones would make a page of hundreds of KB."""
        in_zones = self.filter(zones__isnull=False)
        if not in_zones.exists():
            return self.order_by("name")
        condition = models.Q(zones__isnull=False)
        if include is not None:
            condition |= models.Q(pk=getattr(include, "pk", include))
        return self.filter(condition).distinct().order_by("name")


class Municipality(models.Model):
    """An Italian comune, from ISTAT's list (see ``load_municipalities``)."""

    istat_code = models.CharField(_("ISTAT code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=120, db_index=True)
    name_other_language = models.CharField(
        _("name in the other official language"), max_length=120, blank=True
    )
    province = models.CharField(_("province"), max_length=80)
    province_code = models.CharField(_("province abbreviation"), max_length=2)
    region = models.CharField(_("region"), max_length=60)
    cadastral_code = models.CharField(_("cadastral code"), max_length=4, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(istat_code__regex=r"^[0-9]{6}$"),
                name="municipality_istat_code_six_digits",
                violation_error_message=_("The ISTAT code is made of six digits."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.province_code})"


class Zone(models.Model):
    """A group of municipalities that plans social services together (ambito, zona sociale)."""

    class Kind(models.TextChoices):
        AMBITO = "ambito", _("territorial area (ambito)")
        SOCIAL_ZONE = "zona_sociale", _("social zone")
        DISTRICT = "distretto", _("health and social district")
        OTHER = "altro", _("other grouping")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.AMBITO)
    description = models.TextField(_("description"), blank=True)
    municipalities = models.ManyToManyField(
        Municipality, related_name="zones", verbose_name=_("municipalities")
    )

    class Meta:
        verbose_name = _("zone")
        verbose_name_plural = _("zones")
        ordering = ["name"]

    def __str__(self):
        return self.name
