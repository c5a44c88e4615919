"""Who coordinates which network: a coordinator sees the members, desks, zones and case counts
of the networks they coordinate, and nothing of the others (``linkrete/accounts/scope.py``).

The row is a role, not personal data about the person: it goes with the account.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.network import Network


class NetworkCoordinator(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="coordinators", verbose_name=_("network")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="coordinated_networks",
        verbose_name=_("coordinator"),
    )
    since = models.DateField(_("since"), null=True, blank=True)

    class Meta:
        verbose_name = _("network coordinator")
        verbose_name_plural = _("network coordinators")
        ordering = ["network", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "user"],
                name="network_coordinator_unique",
                violation_error_message=_("This person already coordinates this network."),
            ),
        ]
        # The scope is read by user on every signed-in request.
        indexes = [models.Index(fields=["user", "network"], name="network_coordinator_user_idx")]

    def __str__(self):
        return f"{self.user} – {self.network}"
