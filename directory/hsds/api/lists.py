"""Each endpoint's rows: what is published, filtered by the search package, in primary key
order (stable from one page to the next).

The activities' filters are the public search's, not a second implementation: the words through
``search.text.parse`` (the thesaurus, typos, the full-text index), a taxonomy term or a
taxonomy through the categories' search tags (``filters.category``), proximity through
``filters.near`` (the grid cells of the places, then the exact distance), all combined by the
planner (``search.plan.combine``), which looks each up in the index or on the rows, whichever
reads less. Looking them up costs a fixed number of queries (the term, the taxonomy's roots,
the postcode's centre, the vocabulary), whatever the data.

The desks (``sportelli``) are services too, after the activities (as in the export): they are
not in the search's index (2,500 at national scale), so ``desks`` applies each filter to their
own columns: the words to the name as the organizations' (``text.organization_name_condition``),
a term or a taxonomy to their topics, proximity to their place.
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


# ``centre`` not given: each list looks the proximity's centre up itself.
NOT_LOOKED_UP = object()


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


def services(
    filters: ServiceFilters, public: models.QuerySet | None = None, centre=NOT_LOOKED_UP
) -> models.QuerySet:
    """The public activities the filters keep, as ``services``; ``public``: the public
    activities written otherwise (``public_activities`` by default); ``centre``: the
    proximity's, when already looked up (``located``)."""
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
            if centre is NOT_LOOKED_UP:
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


def listed_pairs() -> models.QuerySet:
    """Every public pair, written so that reading them all is cheap: the pairs whose activity
    is not one of the hidden ones (drafts, by the partial index ``activity_unpublished_idx``;
    of an unpublished organization, by its foreign key) and whose place is not one of an
    unpublished organization. Each set is read once and hashed, then probed as the pairs are
    read. At national scale the sets are 41,748 activities and 6,408 places (about 100 ms to
    read on a quiet server, 300 on the loaded one), so only the whole list's kept keys
    (``paging.Boundaries``) are read from here; its pages read ``public_pairs``, which stops
    after the page. The same rows as ``public_pairs``."""
    unpublished = Organization.objects.exclude(status=PublicationStatus.PUBLISHED).values("pk")
    drafts = Activity.objects.exclude(publication_status=PublicationStatus.PUBLISHED)
    of_unpublished = Activity.objects.filter(organization__in=unpublished)
    hidden = drafts.order_by().values("pk").union(of_unpublished.order_by().values("pk"), all=True)
    hidden_places = Location.objects.filter(organization__in=unpublished).order_by().values("pk")
    return ServiceAtLocation.objects.exclude(activity__in=hidden).exclude(
        location__in=hidden_places
    )


def whole_pairs(filters: ServiceFilters) -> bool:
    """No filter: the pairs' deep pages skip by the keys kept from ``listed_pairs``."""
    return filters == ServiceFilters.none()


def services_at_locations(filters: ServiceFilters, centre=NOT_LOOKED_UP) -> models.QuerySet:
    """The pairs (public activity, place of a published organization) the filters keep; with
    proximity, the place itself is within it."""
    if whole_pairs(filters):
        return public_pairs().order_by("pk")
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
            if centre is NOT_LOOKED_UP:
                centre = _centre(proximity)
            if centre is None:
                return ServiceAtLocation.objects.none()
            pairs = pairs.filter(near(centre, _radius(proximity), "location__"))
    return pairs.order_by("pk")


def located(filters: ServiceFilters):
    """The centre of the proximity asked for (a postcode's: one query), for ``services`` and
    ``desks`` to share (None: no place has the postcode); ``NOT_LOOKED_UP`` without a
    distance."""
    proximity = filters.proximity
    if proximity is None or (proximity.point is None and proximity.radius_km is None):
        return NOT_LOOKED_UP
    return _centre(proximity)


def desks(filters: ServiceFilters, centre=NOT_LOOKED_UP) -> models.QuerySet:
    """The public desks the filters keep, as ``services``; ``centre``: as ``services``."""
    from sportelli.models import Desk

    queryset = Desk.objects.public()
    words = text.query_words(filters.search) if filters.search else []
    if words:
        queryset = queryset.filter(text.organization_name_condition(words))
    topics = Desk.topics.through.objects.filter(desk=models.OuterRef("pk"))
    if filters.taxonomy_term_id is not None:
        term = filters.taxonomy_term_id
        queryset = queryset.filter(
            models.Exists(
                topics.filter(models.Q(category__uuid=term) | models.Q(category__parent__uuid=term))
            )
        )
    if filters.taxonomy_id is not None:
        queryset = queryset.filter(
            models.Exists(topics.filter(category__taxonomy__uuid=filters.taxonomy_id))
        )
    if filters.organization_id is not None:
        queryset = queryset.filter(host_organization__uuid=filters.organization_id)
    if filters.modified_after is not None:
        queryset = queryset.filter(updated_at__gte=filters.modified_after)
    proximity = filters.proximity
    if proximity is not None:
        queryset = queryset.filter(of_published_organization("location__organization"))
        if proximity.point is None and proximity.radius_km is None:
            queryset = queryset.filter(location__postal_code=proximity.postcode)
        else:
            if centre is NOT_LOOKED_UP:
                centre = _centre(proximity)
            if centre is None:
                return Desk.objects.none()
            queryset = queryset.filter(near(centre, _radius(proximity), "location__"))
    return queryset.order_by("pk")


def desks_at_locations(filters: ServiceFilters, centre=NOT_LOOKED_UP) -> models.QuerySet:
    """The public desks the filters keep that meet people at a place of a published
    organization: each is one ``service_at_location``."""
    return desks(filters, centre).filter(of_published_organization("location__organization"))


def public_pairs() -> models.QuerySet:
    """Every pair the API publishes: a public activity at a place of a published organization."""
    return ServiceAtLocation.objects.filter(activity__in=Activity.objects.public()).filter(
        of_published_organization("location__organization")
    )


def service_at_location(identifier: uuid.UUID):
    """The public pair whose identifier this is (``mapping.service_at_location_id``), with its
    activity, place and their organizations; or the public desk at its place whose identifier
    it is (a ``Desk``); or None (``pair_identifiers.find``, the desks looked at before the
    pairs written since the table's rebuild)."""
    pairs = public_pairs().select_related(
        "activity__organization", "location__organization", "location__municipality"
    )
    return pair_identifiers.find(identifier, pairs, elsewhere=lambda: desk_at_location(identifier))


def desk_at_location(identifier: uuid.UUID):
    """The public desk at its place whose pair identifier this is, or None: the desks' pairs
    are not in the pairs' table (2,500 at national scale: their two UUIDs read in one query,
    the identifiers derived here)."""
    from sportelli.models import Desk

    wanted = str(identifier)
    at_places = desks_at_locations(ServiceFilters.none()).values_list(
        "pk", "uuid", "location__uuid"
    )
    for pk, desk_uuid, location_uuid in at_places:
        if pair_identifiers.identifier(desk_uuid, location_uuid) == wanted:
            return Desk.objects.select_related(
                "host_organization", "location__organization", "location__municipality"
            ).get(pk=pk)
    return None


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
