"""One view per path of the HSDA read API; documents from ``directory.hsds.mapping``."""

import uuid

from django.db.models import Prefetch, prefetch_related_objects

from directory.hsds import batches, desks, mapping, profile
from directory.hsds.api import lists, params
from directory.hsds.api.http import endpoint, json_response, not_found
from directory.hsds.api.paging import Part, chained_envelope
from directory.hsds.api.streams import stream
from directory.models import Activity, Category, OpeningSlot, Organization, Taxonomy
from sportelli.models import Desk


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


def _listed(parts: list[Part], paging: params.Paging):
    """A list's answer: one page of the parts in the standard's envelope, or, with
    ``format=ndjson``, every row streamed, one document a line."""
    if paging.ndjson:
        return stream(parts)
    return json_response(chained_envelope(parts, paging))


# Services -----------------------------------------------------------------------------------


@endpoint
def services(request):
    """Paged services, the activities then the desks (as in the export): their own fields
    (``minimal``: the few a harvester compares), or the whole documents (``full``)."""
    query = request.GET
    paging, filters = params.paging(query), params.service_filters(query)
    full, minimal = params.flag(query, "full"), params.flag(query, "minimal")
    centre = lists.located(filters)
    rows = lists.services(filters, centre=centre)
    # The deep pages' kept keys (``paging.Boundaries``): from the same rows, whatever is read.
    keys = rows
    desk_rows = lists.desks(filters, centre=centre)
    base_url = _base_url(request)
    if full:
        rows, to_document = batches.for_service_documents(rows), mapping.service_document
        desk_rows, desk_document = desks.for_desk_documents(desk_rows), desks.desk_document
    elif minimal:
        rows = rows.only("uuid", "title", "status", "updated_at")
        desk_rows = desk_rows.only("uuid", "name", "updated_at")

        def to_document(activity, base_url):
            return mapping.minimal_service_record(activity)

        def desk_document(desk, base_url):
            return desks.minimal_desk_record(desk)

    else:
        rows = rows.defer("search_text", "search_vector", "search_tags").select_related(
            "organization"
        )
        to_document = mapping.service_record
        desk_rows, desk_document = desk_rows.select_related("host_organization"), desks.desk_record
    parts = [
        Part(rows, lambda row: to_document(row, base_url), by_keys=True, boundaries=keys),
        Part(desk_rows, lambda desk: desk_document(desk, base_url)),
    ]
    return _listed(parts, paging)


@endpoint
def service(request, id):
    """An activity's document, else a desk's."""
    identifier = _uuid(id)
    if identifier is None:
        return not_found()
    base_url = _base_url(request)
    public = Activity.objects.public().filter(uuid=identifier)
    activity = batches.for_service_documents(public).first()
    if activity:
        return json_response(mapping.service_document(activity, base_url))
    desk = desks.for_desk_documents(Desk.objects.public().filter(uuid=identifier)).first()
    if desk:
        return json_response(desks.desk_document(desk, base_url))
    return not_found()


# Services at locations ----------------------------------------------------------------------


def _with_hours(pairs):
    """The pairs' activities' weekly hours, one query for the page (``full``)."""
    slots = OpeningSlot.objects.order_by("weekday", "opens_at", "pk")
    prefetch_related_objects(
        [pair.activity for pair in pairs], Prefetch("opening_slots", queryset=slots)
    )
    return pairs


@endpoint
def services_at_locations(request):
    """Paged pairs, the activities' then the desks' (a desk at its place): the pair, the
    service's own fields and the place; ``full``: with the hours held there (and a desk's
    phone)."""
    query = request.GET
    paging, filters = params.paging(query), params.service_filters(query)
    full = params.flag(query, "full")
    centre = lists.located(filters)
    related = ("activity__organization", "location__organization", "location__municipality")
    rows = lists.services_at_locations(filters, centre=centre).select_related(*related)
    desk_rows = lists.desks_at_locations(filters, centre=centre).select_related(
        "host_organization", "location__organization", "location__municipality"
    )
    base_url = _base_url(request)
    if full:
        desk_rows = desk_rows.prefetch_related("opening_slots")

        def to_document(pair):
            return mapping.service_at_location_document(pair.activity, pair.location)

        def desk_document(desk):
            return desks.desk_at_location_document(desk, base_url)

    else:

        def to_document(pair):
            return {
                **mapping.service_at_location_record(pair.activity, pair.location),
                "service": mapping.service_record(pair.activity),
                "location": mapping.location_document(pair.location),
            }

        def desk_document(desk):
            return desks.desk_at_location_list_record(desk, base_url)

    # The whole list's deep pages skip by kept keys (``paging.Boundaries``), read from
    # ``listed_pairs`` (the same pairs, read whole in half the time of their count, which
    # they give too); a filtered list walks its pairs.
    whole = lists.whole_pairs(filters)
    keys = lists.listed_pairs() if whole else None
    parts = [
        Part(
            rows,
            to_document,
            page_hook=_with_hours if full else None,
            boundaries=keys,
            counted_by_boundaries=whole,
        ),
        Part(desk_rows, desk_document),
    ]
    return _listed(parts, paging)


@endpoint
def service_at_location(request, id):
    identifier = _uuid(id)
    found = identifier and lists.service_at_location(identifier)
    if not found:
        return not_found()
    if isinstance(found, Desk):
        prefetch_related_objects([found], "opening_slots")
        return json_response(desks.desk_at_location_document(found, _base_url(request)))
    activity = found.activity
    slots = OpeningSlot.objects.order_by("weekday", "opens_at", "pk")
    prefetch_related_objects([activity], Prefetch("opening_slots", queryset=slots))
    return json_response(mapping.service_at_location_document(activity, found.location))


# Organizations and locations ----------------------------------------------------------------


@endpoint
def organizations(request):
    query = request.GET
    paging, search = params.paging(query), params.search(query)
    full = params.flag(query, "full")
    params.flag(query, "full_service")
    rows = lists.organizations(search)
    base_url = _base_url(request)
    if full:
        rows, to_document = batches.for_organization_documents(rows), mapping.organization_document
    else:
        to_document = mapping.organization_record
    return _listed([Part(rows, lambda row: to_document(row, base_url))], paging)


@endpoint
def organization(request, id):
    """The organization's document; ``full_service``: its services whole (their documents,
    a fixed number of queries however many it runs)."""
    full_service = params.flag(request.GET, "full_service")
    identifier = _uuid(id)
    found = identifier and (
        batches.for_organization_documents(
            Organization.objects.published().filter(uuid=identifier)
        ).first()
    )
    if not found:
        return not_found()
    base_url = _base_url(request)
    document = mapping.organization_document(found, base_url)
    if full_service:
        activities = Activity.objects.public().filter(organization=found).order_by("pk")
        document["services"] = [
            mapping.service_document(activity, base_url)
            for activity in batches.for_service_documents(activities)
        ]
    return json_response(document)


@endpoint
def location(request, id):
    identifier = _uuid(id)
    place = identifier and lists.public_location(identifier)
    if not place:
        return not_found()
    return json_response(mapping.location_document(place))


# Taxonomies ---------------------------------------------------------------------------------
# A few taxonomies and a few hundred terms: read whole (one query each), filtered here.


def _taxonomies() -> list[dict]:
    return [
        mapping.taxonomy_record(taxonomy)
        for taxonomy in [*Taxonomy.objects.order_by("order", "pk"), *profile.TAXONOMIES]
    ]


def _terms() -> list[dict]:
    categories = Category.objects.select_related("taxonomy", "parent").order_by("pk")
    return [
        *(mapping.category_term(category) for category in categories),
        *(mapping.profile_term(term) for term in profile.terms()),
    ]


def _matching(records: list[dict], search: str) -> list[dict]:
    words = search.casefold().split()
    return [
        record
        for record in records
        if all(
            word in f"{record['name']} {record.get('description', '')}".casefold() for word in words
        )
    ]


@endpoint
def taxonomies(request):
    paging, search = params.paging(request.GET), params.search(request.GET)
    return _listed([Part(_matching(_taxonomies(), search), lambda row: row)], paging)


@endpoint
def taxonomy(request, id):
    found = [record for record in _taxonomies() if record["id"] == id.lower()]
    return json_response(found[0]) if found else not_found()


@endpoint
def taxonomy_terms(request):
    query = request.GET
    paging, search = params.paging(query), params.search(query)
    taxonomy_id, parent_id = (
        params.identifier(query, "taxonomy_id"),
        params.identifier(query, "parent_id"),
    )
    top_only = params.flag(query, "top_only")
    terms = _matching(_terms(), search)
    if taxonomy_id is not None:
        terms = [term for term in terms if term["taxonomy_id"] == str(taxonomy_id)]
    if parent_id is not None:
        terms = [term for term in terms if term.get("parent_id") == str(parent_id)]
    if top_only:
        terms = [term for term in terms if "parent_id" not in term]
    return _listed([Part(terms, lambda row: row)], paging)


@endpoint
def taxonomy_term(request, id):
    found = [record for record in _terms() if record["id"] == id.lower()]
    return json_response(found[0]) if found else not_found()
