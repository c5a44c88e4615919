"""What a family agreed to. A record is never changed: withdrawing is a new record, so the file
shows what held on any day. A referral or a share with another organization needs a sharing
consent naming that organization, in force."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Organization
from famiglie.models.household import Household
from famiglie.models.labels import ChoiceLabels

# A consent in force is shown as expiring this many days before its end.
EXPIRING_DAYS = 30


def private_storage():
    return storages["private"]


def signed_form_path(instance, filename):
    # The household's reference, not its name; the file name as given is dropped.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "pdf"
    day = timezone.localdate()
    return f"famiglie/consensi/{instance.household.reference}/{day:%Y%m%d}.{extension}"


class ConsentKind(models.TextChoices):
    CARE = "care", _("taking into care")
    SHARING = "sharing", _("sharing with a named organization")
    STATISTICS = "statistics", _("anonymous statistics")


class ConsentQuerySet(models.QuerySet):
    def in_force(self, day: datetime.date):
        """Given, not withdrawn, not expired on ``day``."""
        withdrawn = Consent.objects.filter(withdraws=OuterRef("pk"), date__lte=day)
        return self.filter(given=True, date__lte=day).exclude(
            models.Q(expires_on__lt=day) | Exists(withdrawn)
        )


class Consent(ChoiceLabels, models.Model):
    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="consents", verbose_name=_("household")
    )
    kind = models.CharField(_("what for"), max_length=20, choices=ConsentKind)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organization it may be shared with"),
    )
    given = models.BooleanField(_("given"), default=True)
    withdraws = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="withdrawal",
        verbose_name=_("withdraws"),
    )
    date = models.DateField(_("date"))
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("collected by"),
    )
    signed_form = models.FileField(
        _("signed form"),
        storage=private_storage,
        upload_to=signed_form_path,
        blank=True,
        validators=[FileExtensionValidator(["pdf", "jpg", "jpeg", "png"])],
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="sharing") | models.Q(organization__isnull=False),
                name="consent_sharing_names_organization",
                violation_error_message=_("Name the organization the data may be shared with."),
            ),
            models.CheckConstraint(
                condition=models.Q(given=True, withdraws__isnull=True)
                | models.Q(given=False, withdraws__isnull=False),
                name="consent_withdrawal_points_to_consent",
                violation_error_message=_("A withdrawal says which consent it withdraws."),
            ),
        ]

    def __str__(self):
        return _("consent %(number)s of %(household)s") % {
            "number": self.pk,
            "household": self.household.reference,
        }

    def clean(self):
        super().clean()
        if self.kind == ConsentKind.SHARING and self.organization_id is None:
            raise ValidationError(
                {"organization": _("Name the organization the data may be shared with.")}
            )
        if self.kind != ConsentKind.SHARING:
            self.organization = None
        if self.expires_on and self.date and self.expires_on < self.date:
            raise ValidationError({"expires_on": _("It cannot end before it was given.")})
