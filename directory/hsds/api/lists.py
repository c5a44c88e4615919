"""Each endpoint's rows: what is published, filtered by the search package, in primary key
order (stable from one page to the next).

The filters are the public search's, not a second implementation: the words through
``search.text.parse`` (the thesaurus, typos, the full-text index), a taxonomy term or a
taxonomy through the categories' search tags (``filters.category``), proximity through
``filters.near`` (the grid cells of the places, then the exact distance), all combined by the
planner (``search.plan.combine``), which looks each up in the index or on the rows, whichever
reads less. Looking them up costs a fixed number of queries (the term, the taxonomy's roots,
the postcode's centre, the vocabulary), whatever the data.
"""

import dataclasses
import uuid

from django.db import models

from directory.hsds import pair_identifiers
from directory.hsds.api.params import Proximity, ServiceFilters
from directory.models import Activity, Category, Location, Organization, PublicationStatus
from directory.models.organization import of_published_organization
from directory.search import tags, text
from directory.search.conditions import tagged_any
from directory.search.filters.category import category_condition
from directory.search.filters.near import near_condition
from directory.search.geo import Point, near
from directory.search.plan import combine
from directory.search.thresholds import DEFAULT_RADIUS_KM

ServiceAtLocation = Activity.locations.through


def _centre(proximity: Proximity) -> Point | None:
    """The point asked for, or the centre of the places with the postcode (one query)."""
    if proximity.point is not None:
        return proximity.point
    centre = Location.objects.filter(
        postal_code=proximity.postcode, latitude__isnull=False, longitude__isnull=False
    ).aggregate(latitude=models.Avg("latitude"), longitude=models.Avg("longitude"))
    if centre["latitude"] is None:
        return None
    return Point(float(centre["latitude"]), float(centre["longitude"]))


def _radius(proximity: Proximity) -> float:
    return proximity.radius_km if proximity.radius_km is not None else DEFAULT_RADIUS_KM


def public_activities() -> models.QuerySet:
    """``Activity.objects.public()`` with the organizations' test written ``NOT IN`` the few
    unpublished ones: PostgreSQL hashes them once (a hashed subplan) and reads the activities
    in primary key order from the covering index, where the ``NOT EXISTS`` of ``public()`` led
    it, behind ``LIMIT``/``OFFSET``, to probe the organizations once a row (page 1000 of the
    services at national scale: 125 → 13 ms for the page's keys). The same rows:
    ``organization_id`` is never null."""
    unpublished = Organization.objects.exclude(status=PublicationStatus.PUBLISHED).values("pk")
    return Activity.objects.filter(publication_status=PublicationStatus.PUBLISHED).exclude(
        organization__in=unpublished
    )


def services(filters: ServiceFilters, public: models.QuerySet | None = None) -> models.QuerySet:
    """The public activities the filters keep, as ``services``; ``public``: the public
    activities written otherwise (``public_activities`` by default)."""
    conditions = {}
    if filters.search:
        query = text.parse(filters.search)
        if query is not None:
            conditions["q"] = query.condition
    if filters.taxonomy_term_id is not None:
        category = Category.objects.filter(uuid=filters.taxonomy_term_id).first()
        if category is None:
            return Activity.objects.none()
        conditions["categoria"] = category_condition(category)
    if filters.taxonomy_id is not None:
        roots = Category.objects.filter(taxonomy__uuid=filters.taxonomy_id, parent=None)
        root_tags = [tags.CATEGORY + pk for pk in roots.values_list("pk", flat=True)]
        if not root_tags:
            return Activity.objects.none()
        conditions["tassonomia"] = tagged_any(root_tags)
    queryset = public_activities() if public is None else public
    proximity = filters.proximity
    if proximity is not None:
        # A postcode alone: the services held at its places; with a distance: around them.
        if proximity.point is None and proximity.radius_km is None:
            queryset = queryset.filter(
                models.Exists(
                    Location.objects.filter(
                        activities=models.OuterRef("pk"), postal_code=proximity.postcode
                    )
                )
            )
        else:
            centre = _centre(proximity)
            if centre is None:
                return Activity.objects.none()
            conditions["vicino"] = near_condition(centre, _radius(proximity))
    if conditions:
        queryset = queryset.filter(combine(conditions))
    if filters.organization_id is not None:
        queryset = queryset.filter(organization__uuid=filters.organization_id)
    if filters.modified_after is not None:
        queryset = queryset.filter(updated_at__gte=filters.modified_after)
    return queryset.order_by("pk")


def services_at_locations(filters: ServiceFilters) -> models.QuerySet:
    """The pairs (public activity, place of a published organization) the filters keep; with
    proximity, the place itself is within it."""
    pairs = ServiceAtLocation.objects.filter(
        # ``public()`` itself: with ``public_activities`` the join was planned worse.
        activity__in=services(
            dataclasses.replace(filters, proximity=None), Activity.objects.public()
        )
    ).filter(of_published_organization("location__organization"))
    proximity = filters.proximity
    if proximity is not None:
        if proximity.point is None and proximity.radius_km is None:
            pairs = pairs.filter(location__postal_code=proximity.postcode)
        else:
            centre = _centre(proximity)
            if centre is None:
                return ServiceAtLocation.objects.none()
            pairs = pairs.filter(near(centre, _radius(proximity), "location__"))
    return pairs.order_by("pk")


def public_pairs() -> models.QuerySet:
    """Every pair the API publishes: a public activity at a place of a published organization."""
    return ServiceAtLocation.objects.filter(activity__in=Activity.objects.public()).filter(
        of_published_organization("location__organization")
    )


def service_at_location(identifier: uuid.UUID):
    """The public pair whose identifier this is (``mapping.service_at_location_id``), with its
    activity, place and their organizations, or None (``pair_identifiers.find``)."""
    pairs = public_pairs().select_related(
        "activity__organization", "location__organization", "location__municipality"
    )
    return pair_identifiers.find(identifier, pairs)


def organizations(search: str) -> models.QuerySet:
    """Published organizations, those whose name holds the words when some are given (as on
    the search page: ``text.organization_name_condition``)."""
    queryset = Organization.objects.published()
    words = text.query_words(search) if search else []
    if words:
        queryset = queryset.filter(text.organization_name_condition(words))
    return queryset.order_by("pk")


def public_location(identifier: uuid.UUID) -> Location | None:
    """A place of a published organization (the places its document lists)."""
    return (
        Location.objects.filter(of_published_organization(), uuid=identifier)
        .select_related("organization", "municipality")
        .first()
    )
