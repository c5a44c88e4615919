"""The network's proximity desks (``sportelli``) as HSDS services of their host organizations.

A desk is exported like an activity (docs/hsds.md): its place, hours and closures, phone and
e-mail, languages and topics, with ``access`` "booking" and the profile's ``desk`` attribute.
Its hours have no identifier of their own: each is derived from the desk's and the hours'
day and time, so it stays the same across exports while the hours do. Desks are exported, not
imported (``unmapping`` skips them): a desk needs its operators and its agenda. The HSDA API
serves the same documents (``/services``, after the activities as in the export's
``services.ndjson``; ``/service_at_locations``, the desk at its place).
"""

from collections.abc import Iterator

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from directory.hsds import profile
from directory.hsds.batches import BATCH_SIZE, _in_batches
from directory.hsds.identifiers import derived
from directory.hsds.mapping import (
    _page,
    _record,
    attribute,
    category_term,
    dated_schedule,
    free_of_charge,
    language_records,
    location_document,
    organization_record,
    phone,
    profile_term,
    service_at_location_id,
    weekly_schedule,
)
from directory.models import Activity, Category, Location
from directory.models.organization import of_published_organization

# A batch of desks: the desks (with their hosts), languages, topics, places, weekly slots,
# dated exceptions.
DESK_QUERIES = 6


def for_desk_documents(queryset: models.QuerySet) -> models.QuerySet:
    """The desks with what their documents show prefetched: a fixed number of queries
    (``DESK_QUERIES``) whatever their number."""
    return queryset.select_related("host_organization").prefetch_related(
        "languages",
        models.Prefetch(
            "topics",
            queryset=Category.objects.select_related("taxonomy", "parent").order_by("pk"),
        ),
        models.Prefetch(
            "location",
            queryset=Location.objects.filter(of_published_organization()).select_related(
                "organization", "municipality"
            ),
        ),
        "opening_slots",
        "exceptions",
    )


def desks(batch_size: int = BATCH_SIZE) -> Iterator[list]:
    """The public desks, a batch at a time, with what their documents show: a fixed number of
    queries per batch."""
    from sportelli.models import Desk

    return _in_batches(for_desk_documents(Desk.objects.public()), batch_size)


def _channels(desk) -> str:
    from sportelli.models import Channel

    chosen = [
        (desk.offers_in_person, Channel.IN_PERSON),
        (desk.offers_phone, Channel.PHONE),
        (desk.offers_video, Channel.VIDEO),
    ]
    return ", ".join(str(channel.label) for offered, channel in chosen if offered)


def desk_record(desk, base_url: str = "") -> dict:
    """The desk's own fields as a ``service`` (the API's lists; ``host_organization`` read)."""
    booking = str(Activity.Access.BOOKING.label)
    return _record(
        id=str(desk.uuid),
        organization_id=str(desk.host_organization.uuid),
        name=desk.name,
        description=desk.description or desk.name,
        url=_page(base_url, "sportelli:desk_detail", desk.slug),
        email=desk.email,
        status="active",
        application_process=f"{capfirst(booking)}: {_channels(desk)}.",
        fees_description=_("free of charge"),
        last_modified=desk.updated_at.isoformat() if desk.updated_at else None,
    )


def minimal_desk_record(desk) -> dict:
    """What a harvester compares (the API's ``minimal``), as ``mapping.minimal_service_record``."""
    return _record(
        id=str(desk.uuid),
        name=desk.name,
        status="active",
        last_modified=desk.updated_at.isoformat() if desk.updated_at else None,
    )


def weekly_schedules(desk) -> list[dict]:
    """The desk's weekly hours; each identifier derived from the desk's and the day and time."""
    service_id = str(desk.uuid)
    return [
        weekly_schedule(
            slot,
            service_id,
            {},
            derived(service_id, "hours", slot.weekday, slot.opens_at.isoformat()),
        )
        for slot in sorted(desk.opening_slots.all(), key=lambda s: (s.weekday, s.opens_at))
    ]


def desk_document(desk, base_url: str = "") -> dict:
    service_id = str(desk.uuid)
    place = desk.location
    places = {place.pk: place} if place is not None else {}
    document = desk_record(desk, base_url)
    document.update(
        _record(
            organization=organization_record(desk.host_organization, base_url),
            phones=phone("service_id", service_id, desk.phone),
            service_at_locations=[
                {**desk_at_location_record(desk, place), "location": location_document(place)}
                for place in places.values()
            ],
            schedules=[
                *weekly_schedules(desk),
                *(
                    dated_schedule(
                        day, service_id, derived(service_id, "date", day.date.isoformat())
                    )
                    for day in sorted(desk.exceptions.all(), key=lambda d: d.date)
                ),
            ],
            languages=language_records(service_id, desk.languages.all()),
            cost_options=free_of_charge(service_id),
            attributes=[
                *(
                    attribute(service_id, "service", category_term(topic))
                    for topic in desk.topics.all()
                ),
                attribute(
                    service_id, "service", profile_term(profile.ACCESS), Activity.Access.BOOKING
                ),
                attribute(service_id, "service", profile_term(profile.DESK), "true"),
            ],
        )
    )
    return document


# The desk at its place (``service_at_location``) --------------------------------------------


def desk_at_location_record(desk, place: Location) -> dict:
    return {
        "id": service_at_location_id(desk, place),
        "service_id": str(desk.uuid),
        "location_id": str(place.uuid),
    }


def desk_at_location_list_record(desk, base_url: str = "") -> dict:
    """The API's ``/service_at_locations`` row of a desk (``location`` read, with its
    organization and municipality): the pair, the desk's own fields, the place."""
    return {
        **desk_at_location_record(desk, desk.location),
        "service": desk_record(desk, base_url),
        "location": location_document(desk.location),
    }


def desk_at_location_document(desk, base_url: str = "") -> dict:
    """The desk at its place (the API's ``/service_at_locations/{id}``, ``full=true``): as
    the list's row, with its phone and its weekly hours."""
    document = desk_at_location_list_record(desk, base_url)
    service_id = str(desk.uuid)
    document.update(
        _record(
            phones=phone("service_id", service_id, desk.phone),
            schedules=weekly_schedules(desk),
        )
    )
    return document
