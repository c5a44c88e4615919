"""Accesses (accessi): one contact of a person with a desk, with an anonymous profile only."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models import Category, Municipality
from sportelli.models.booking import Booking
from sportelli.models.desk import TOPIC_TAXONOMY, Channel, Desk


class AgeBand(models.TextChoices):
    UNDER_18 = "0-17", _("under 18")
    YOUNG = "18-29", _("18–29")
    ADULT = "30-44", _("30–44")
    MATURE = "45-64", _("45–64")
    ELDERLY = "65+", _("65 and over")
    UNKNOWN = "unknown", _("not known")


class Gender(models.TextChoices):
    FEMALE = "f", _("woman")
    MALE = "m", _("man")
    OTHER = "other", _("other")
    UNKNOWN = "unknown", _("not stated")


class CitizenshipGroup(models.TextChoices):
    ITALIAN = "it", _("Italian")
    EU = "eu", _("other EU country")
    NON_EU = "non_eu", _("non-EU country")
    UNKNOWN = "unknown", _("not stated")


class Outcome(models.TextChoices):
    INFORMATION = "information", _("information given")
    REFERRAL = "referral", _("referral made")
    CASE = "case", _("case to open")


class AccessQuerySet(models.QuerySet):
    def for_list(self):
        return (
            self.select_related("desk", "municipality")
            .prefetch_related("topics")
            .order_by("-occurred_at", "-pk")
        )


class Access(models.Model):
    desk = models.ForeignKey(
        Desk, on_delete=models.PROTECT, related_name="accesses", verbose_name=_("desk")
    )
    booking = models.OneToOneField(
        Booking,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="access",
        verbose_name=_("booking"),
    )
    occurred_at = models.DateTimeField(_("when"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel)
    topics = models.ManyToManyField(
        Category,
        related_name="desk_accesses",
        verbose_name=_("topics"),
        limit_choices_to={"taxonomy__slug": TOPIC_TAXONOMY},
    )
    age_band = models.CharField(
        _("age band"), max_length=10, choices=AgeBand, default=AgeBand.UNKNOWN
    )
    gender = models.CharField(_("gender"), max_length=10, choices=Gender, default=Gender.UNKNOWN)
    citizenship = models.CharField(
        _("citizenship"),
        max_length=10,
        choices=CitizenshipGroup,
        default=CitizenshipGroup.UNKNOWN,
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="desk_accesses",
        verbose_name=_("municipality of residence"),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome)
    minutes = models.PositiveSmallIntegerField(
        _("minutes spent"), validators=[MinValueValidator(1), MaxValueValidator(480)]
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("logged by"),
    )
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        verbose_name = _("access")
        verbose_name_plural = _("accesses")
        ordering = ["-occurred_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minutes__gte=1, minutes__lte=480),
                name="access_minutes_plausible",
                violation_error_message=_("Minutes go from 1 to 480."),
            ),
        ]
        indexes = [models.Index(fields=["desk", "occurred_at"], name="access_desk_when_idx")]

    def __str__(self):
        return f"{self.desk} {self.occurred_at:%Y-%m-%d %H:%M}"
