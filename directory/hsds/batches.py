"""The published directory a batch at a time, each with what ``mapping`` reads prefetched.

Every batch costs a fixed number of queries (``ORGANIZATION_QUERIES``, ``SERVICE_QUERIES``),
whatever its size, and holds only its own rows: the batches walk the primary key (keyset
pagination), so the 600,000 activities of a national network are never in memory at once.
"""

from collections.abc import Iterator

from django.db import models

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


def for_organization_documents(queryset: models.QuerySet) -> models.QuerySet:
    return queryset.prefetch_related(
        models.Prefetch(
            "locations", queryset=Location.objects.select_related("municipality").order_by("pk")
        ),
        "general_interest_areas",
        models.Prefetch(
            "network_memberships",
            queryset=NetworkMembership.objects.select_related("network").order_by("pk"),
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
            models.Prefetch(
                "categories",
                queryset=Category.objects.select_related("taxonomy", "parent").order_by("pk"),
            ),
            "target_groups",
            "languages",
            # A place of an organization that is not published stays out, as on its page.
            models.Prefetch(
                "locations",
                queryset=Location.objects.filter(of_published_organization())
                .select_related("organization", "municipality")
                .order_by("pk"),
            ),
            models.Prefetch(
                "opening_slots",
                queryset=OpeningSlot.objects.order_by("weekday", "opens_at", "pk"),
            ),
            "schedule_exceptions",
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
