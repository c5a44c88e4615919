"""Access points (#oltreiperimetri): banks, patronati, companies and schools that notice
vulnerable people and refer them to the network.

An access point is an organization with the role "access point" in a network
(``NetworkMembership``). Its people sign in with a light role: an ``AccessPointReferrer`` row, not
a ``Membership``, so every page of the association area (which asks for a membership) stays
closed to them by construction. They may only send referrals and emerging-need signals
(``sportelli.views.access_points``) and see the state of what their access point sent.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.organization import LegalForm, Organization


class SourceType(models.TextChoices):
    """Where a referral or a signal came in from, as the indicators count it."""

    BANK = "bank", _("bank")
    PATRONATO = "patronato", _("patronato or trade union")
    COMPANY = "company", _("company")
    SCHOOL = "school", _("school")
    OTHER = "other", _("other access point")


SOURCE_TYPE_BY_LEGAL_FORM = {
    LegalForm.BANK: SourceType.BANK,
    LegalForm.TRADE_UNION: SourceType.PATRONATO,
    LegalForm.COMPANY: SourceType.COMPANY,
    LegalForm.SCHOOL: SourceType.SCHOOL,
}


def source_type_of(organization: Organization) -> str:
    """The source type of an access point, read from its legal form when it is sent (kept on
    the referral or signal, so a later change of the form does not rewrite the counts)."""
    return SOURCE_TYPE_BY_LEGAL_FORM.get(organization.legal_form, SourceType.OTHER)


class AccessPointReferrerQuerySet(models.QuerySet):
    def active(self):
        """Rows whose organization is still an access point of some network: a body that
        leaves that role loses the pages at once, without anyone deleting the rows."""
        from directory.models.network import MemberRole, NetworkMembership

        return self.filter(
            organization__in=NetworkMembership.objects.filter(role=MemberRole.ACCESS_POINT).values(
                "organization"
            )
        )


class AccessPointReferrer(models.Model):
    """A person who refers for an access point: no other power in the network."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="access_points",
        verbose_name=_("user"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="access_point_referrers",
        verbose_name=_("access point"),
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    objects = AccessPointReferrerQuerySet.as_manager()

    class Meta:
        verbose_name = _("access point referrer")
        verbose_name_plural = _("access point referrers")
        ordering = ["organization__name", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"],
                name="access_point_referrer_once",
                violation_error_message=_("This user already refers for this access point."),
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.organization}"
