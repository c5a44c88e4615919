"""The published directory a batch at a time, each with what ``mapping`` reads prefetched.

Every batch costs a fixed number of queries (``ORGANIZATION_QUERIES``, ``SERVICE_QUERIES``),
whatever its size, and holds only its own rows: the batches walk the primary key (keyset
pagination), so the 600,000 activities of a national network are never in memory at once.
"""

from collections.abc import Iterator

from django.db import models

from directory.hsds import mapping
from directory.models import (
    Activity,
    Category,
    Location,
    NetworkMembership,
    OpeningSlot,
    Organization,
    PublicationStatus,
)
from directory.models.organization import of_published_organization

BATCH_SIZE = 500

# A batch of organizations: the organizations, their places, their areas of art. 5, their
# roles in networks, their published activities.
ORGANIZATION_QUERIES = 5
# A batch of activities: the activities (with their organizations), categories, target
# groups, languages, places, weekly slots, dated exceptions.
SERVICE_QUERIES = 7


def _into_list(relation: str, queryset: models.QuerySet | None = None) -> models.Prefetch:
    """``relation`` prefetched into a plain list (``mapping.prefetched`` reads it): Django
    then makes no related manager and queryset per row, which was half the Python time of a
    page of whole documents (cProfile of ``/api/hsds/services?full=true``)."""
    return models.Prefetch(relation, queryset=queryset, to_attr=mapping.PREFETCHED + relation)


def for_organization_documents(queryset: models.QuerySet) -> models.QuerySet:
    return queryset.prefetch_related(
        _into_list("locations", Location.objects.select_related("municipality").order_by("pk")),
        _into_list("general_interest_areas"),
        _into_list(
            "network_memberships",
            NetworkMembership.objects.select_related("network").order_by("pk"),
        ),
        # The organization is published: its published activities are public.
        models.Prefetch(
            "activities",
            queryset=Activity.objects.filter(publication_status=PublicationStatus.PUBLISHED)
            .only("uuid", "title", "status", "organization_id")
            .order_by("pk"),
            to_attr="hsds_services",
        ),
    )


def for_service_documents(queryset: models.QuerySet) -> models.QuerySet:
    return (
        queryset.defer("search_text", "search_vector", "search_tags")
        .select_related("organization")
        .prefetch_related(
            _into_list(
                "categories", Category.objects.select_related("taxonomy", "parent").order_by("pk")
            ),
            _into_list("target_groups"),
            _into_list("languages"),
            # A place of an organization that is not published stays out, as on its page.
            _into_list(
                "locations",
                Location.objects.filter(of_published_organization())
                .select_related("organization", "municipality")
                .order_by("pk"),
            ),
            _into_list("opening_slots", OpeningSlot.objects.order_by("weekday", "opens_at", "pk")),
            _into_list("schedule_exceptions"),
        )
    )


def _in_batches(queryset: models.QuerySet, batch_size: int) -> Iterator[list]:
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last).order_by("pk")[:batch_size])
        if not batch:
            return
        yield batch
        if len(batch) < batch_size:
            return
        last = batch[-1].pk


def organizations(batch_size: int = BATCH_SIZE) -> Iterator[list[Organization]]:
    return _in_batches(for_organization_documents(Organization.objects.published()), batch_size)


def services(batch_size: int = BATCH_SIZE) -> Iterator[list[Activity]]:
    return _in_batches(for_service_documents(Activity.objects.public()), batch_size)
