"""The table of the pairs' identifiers (``ServiceAtLocationIdentifier``): rebuilt whole, read by
the API's ``/service_at_locations/{id}``."""

import uuid

from django.db import connection, transaction
from django.utils import timezone

from directory.hsds.identifiers import derived
from directory.models import Activity, ServiceAtLocationIdentifier

ServiceAtLocation = Activity.locations.through
BATCH = 5000


def identifier(activity_uuid, location_uuid) -> str:
    """``mapping.service_at_location_id`` from the two UUIDs alone."""
    return derived(activity_uuid, "service_at_location", location_uuid)


def refresh(batch_size: int = BATCH) -> int:
    """Rebuild the table from every pair (public or not: the API checks), in one transaction,
    so readers see the old table until the new one is complete; returns the number of pairs.

    National scale: 1.2 million pairs, read a batch at a time in primary key order and copied
    in (``COPY``), a few seconds each million.
    """
    started = timezone.now()
    table = ServiceAtLocationIdentifier._meta.db_table
    pairs = ServiceAtLocation.objects.order_by("pk").values_list(
        "pk", "activity_id", "location_id", "activity__uuid", "location__uuid"
    )
    written = 0
    copy_rows = f"COPY {table} (identifier, activity_id, location_id, refreshed_at) FROM STDIN"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {table}")
        last = 0
        while batch := list(pairs.filter(pk__gt=last)[:batch_size]):
            # A batch read, then copied: no other query may run while a COPY is open.
            with cursor.cursor.copy(copy_rows) as copy:
                for _, activity_id, location_id, activity_uuid, location_uuid in batch:
                    pair = identifier(activity_uuid, location_uuid)
                    copy.write_row((pair, activity_id, location_id, started))
            written += len(batch)
            last = batch[-1][0]
    return written


def find(wanted: uuid.UUID, pairs, elsewhere=lambda: None):
    """The pair of ``pairs`` (a queryset of ``ServiceAtLocation``: the public ones) whose
    identifier is ``wanted``, or None.

    One look-up in the table, then the pair read from ``pairs`` (none if it is no longer
    there or no longer public). An identifier the table does not hold is first looked for
    ``elsewhere`` (a callable: what it finds is returned; the API's desks at their places),
    then it may belong to a pair written since the last rebuild: the pairs of the
    activities saved since then are read (all of them before the first rebuild).
    """
    row = (
        ServiceAtLocationIdentifier.objects.filter(identifier=wanted)
        .values_list("activity_id", "location_id", "refreshed_at")
        .first()
    )
    if row is not None:
        activity_id, location_id, _ = row
        return pairs.filter(activity_id=activity_id, location_id=location_id).first()
    found = elsewhere()
    if found is not None:
        return found
    refreshed_at = ServiceAtLocationIdentifier.objects.values_list(
        "refreshed_at", flat=True
    ).first()
    recent = pairs if refreshed_at is None else pairs.filter(activity__updated_at__gte=refreshed_at)
    pk = _scan(str(wanted), recent)
    return None if pk is None else pairs.get(pk=pk)


def _scan(wanted: str, pairs) -> int | None:
    pairs = pairs.order_by("pk").values_list("pk", "activity__uuid", "location__uuid")
    last = 0
    while batch := list(pairs.filter(pk__gt=last)[:BATCH]):
        for pk, activity_uuid, location_uuid in batch:
            if identifier(activity_uuid, location_uuid) == wanted:
                return pk
        last = batch[-1][0]
    return None
