"""The HSDS identifiers no column holds, kept where the API can look them up."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceAtLocationIdentifier(models.Model):
    """The identifier of an activity at one of its places (``mapping.service_at_location_id``:
    a ``uuid5`` of the two UUIDs, which cannot be read back), so that the API's
    ``/service_at_locations/{id}`` is one look-up instead of a pass over every pair.

    A copy, rebuilt whole by ``directory.hsds.pair_identifiers.refresh`` (the daily
    ``publish_hsds``, the end of ``import_hsds``): plain columns, no foreign keys, so deleting an
    activity or a place never has to visit it; the API checks that the pair it names still
    exists and is public. Pairs written since the last rebuild are found by their activities'
    ``updated_at``.
    """

    identifier = models.UUIDField(_("identifier"), primary_key=True)
    activity_id = models.BigIntegerField(_("activity"))
    location_id = models.BigIntegerField(_("place"))
    refreshed_at = models.DateTimeField(_("rebuilt at"))

    class Meta:
        verbose_name = _("identifier of an activity at a place")
        verbose_name_plural = _("identifiers of activities at places")

    def __str__(self):
        return str(self.identifier)
