"""One Linkrete row to one HSDS 3.0 record or document (docs/hsds.md has the table).

A record is a dict of HSDS field names, without the empty ones (HSDS types leave no room for
null). A document is a record with its related records nested, as the compiled schemas
(``schema/compiled/``) describe them. Every related record also carries the identifier of the
record it belongs to (``service_id``, ``location_id``…): ``tabular`` lays the nested records out
as rows of the data package without knowing any model.

The functions read relations through ``prefetched``: the caller prefetches them (``batches``,
into lists), with the querysets that keep what is not public out (places of unpublished
organizations).
"""

import datetime

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from directory.hsds import profile
from directory.hsds.identifiers import derived
from directory.models import WEEKDAY_RRULE_CODES, Activity, LegalForm, Location

SERVICE_STATUS = {
    Activity.Status.ACTIVE: "active",
    Activity.Status.TEMPORARILY_CLOSED: "temporarily closed",
    Activity.Status.ENDED: "defunct",
}


# ``batches`` prefetches a row's relations into lists named so (``hsds_languages``…).
PREFETCHED = "hsds_"


def prefetched(row, relation: str):
    """The rows of ``relation``: the list ``batches`` prefetched, else the relation's own
    (prefetched by the caller, as the API's single documents do)."""
    rows = getattr(row, PREFETCHED + relation, None)
    return rows if rows is not None else getattr(row, relation).all()


def _record(**fields) -> dict:
    return {name: value for name, value in fields.items() if value not in (None, "", [])}


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: datetime.time | None) -> str | None:
    return value.strftime("%H:%M:%S") if value else None


def _absolute(base_url: str, path: str) -> str | None:
    return base_url.rstrip("/") + path if base_url else None


# Taxonomies ---------------------------------------------------------------------------------


def taxonomy_record(taxonomy) -> dict:
    """A Linkrete taxonomy (``Taxonomy``) or one of the profile's (``profile.ProfileTaxonomy``)."""
    return _record(
        id=str(taxonomy.uuid) if hasattr(taxonomy, "uuid") else taxonomy.id,
        name=str(taxonomy.name),
        description=str(taxonomy.description) or str(taxonomy.name),
    )


def category_term(category) -> dict:
    """A category as a ``taxonomy_term``: its name is the programme's (``name``)."""
    taxonomy = category.taxonomy
    return _record(
        id=str(category.uuid),
        # Unique across the package's terms, as the tabular schema requires: the slug.
        code=category.slug,
        name=category.name,
        description=category.description or category.family_description or category.name,
        parent_id=str(category.parent.uuid) if category.parent_id else None,
        taxonomy=taxonomy.slug,
        taxonomy_id=str(taxonomy.uuid),
        language="it",
    )


# What is the same for every record of a language, computed once per language: a national
# export maps 600,000 services, and a translation, a label of choices or a reverse() per
# record were a third of its time (cProfile of 1,000 services).
_PER_LANGUAGE: dict[tuple, object] = {}


def _once_per_language(key: tuple, compute):
    key = (translation.get_language(), *key)
    if key not in _PER_LANGUAGE:
        _PER_LANGUAGE[key] = compute()
    return _PER_LANGUAGE[key]


def _label(choices, value: str) -> str:
    """The label of ``value`` of the TextChoices ``choices``."""
    return _once_per_language((choices, value), lambda: str(choices(value).label))


def _page(base_url: str, view: str, slug: str) -> str | None:
    """The absolute address of a public page, by its view name and slug."""
    if not base_url:
        return None
    path = _once_per_language(("page", view), lambda: reverse(view, kwargs={"slug": "-"}))
    return base_url.rstrip("/") + path.replace("/-/", f"/{slug}/")


def profile_term(term: profile.Term) -> dict:
    return _once_per_language(("term", term.taxonomy, term.code), lambda: _profile_term(term))


def _profile_term(term: profile.Term) -> dict:
    return _record(
        id=term.id,
        code=f"{term.taxonomy}:{term.code}",
        name=str(term.name),
        description=str(term.description),
        taxonomy=term.taxonomy,
        taxonomy_id=profile.fixed(term.taxonomy),
        language="it",
    )


def attribute(link_id: str, link_entity: str, term: dict, value: str = "") -> dict:
    """``term`` classifies the record ``link_id`` (a ``taxonomy_term`` record), with a value."""
    return _record(
        id=derived(link_id, "attribute", term["id"], value),
        link_id=link_id,
        link_entity=link_entity,
        taxonomy_term_id=term["id"],
        value=value,
        taxonomy_term=term,
    )


# Organizations and locations ----------------------------------------------------------------


def organization_record(organization, base_url: str = "") -> dict:
    return _record(
        id=str(organization.uuid),
        name=organization.name,
        description=organization.description,
        email=organization.email,
        website=organization.website,
        legal_status=_label(LegalForm, organization.legal_form),
        logo=_absolute(base_url, organization.logo.url) if organization.logo else None,
        uri=_page(base_url, "directory:organization_detail", organization.slug),
    )


def organization_identifiers(organization) -> list[dict]:
    owner = str(organization.uuid)
    return [
        _record(
            id=derived(owner, "organization_identifier", scheme),
            organization_id=owner,
            identifier_scheme=scheme,
            identifier_type=kind,
            identifier=value,
        )
        for scheme, kind, value in [
            ("IT-CF", _("tax code"), organization.tax_code),
            ("IT-RUNTS", _("RUNTS number"), organization.runts_number),
        ]
        if value
    ]


def organization_attributes(organization) -> list[dict]:
    owner = str(organization.uuid)
    attributes = [
        attribute(owner, "organization", profile_term(profile.AREA_TERMS[area.letter]))
        for area in prefetched(organization, "general_interest_areas")
    ]
    section = profile.SECTION_OF_LEGAL_FORM.get(organization.legal_form)
    if section:
        attributes.append(
            attribute(owner, "organization", profile_term(profile.SECTION_TERMS[section]))
        )
    attributes.extend(
        attribute(
            owner,
            "organization",
            profile_term(profile.NETWORK_ROLE),
            f"{membership.role}:{membership.network.slug}",
        )
        for membership in prefetched(organization, "network_memberships")
    )
    if organization.social_utility:
        attributes.append(
            attribute(
                owner,
                "organization",
                profile_term(profile.SOCIAL_UTILITY),
                organization.social_utility,
            )
        )
    return attributes


def phone(owner_field: str, owner: str, number: str) -> list[dict]:
    if not number:
        return []
    return [_record(id=derived(owner, "phone"), **{owner_field: owner}, number=number)]


def accessibility(location: Location) -> list[dict]:
    owner = str(location.uuid)
    features = {
        "wheelchair_accessible": _("wheelchair access"),
        "has_lift": _("lift"),
        "accessible_toilet": _("accessible toilet"),
    }
    records = [
        _record(id=derived(owner, "accessibility", field), location_id=owner, description=label)
        for field, label in features.items()
        if getattr(location, field)
    ]
    if location.accessibility_notes:
        records.append(
            _record(
                id=derived(owner, "accessibility", "notes"),
                location_id=owner,
                description=_("other accessibility notes"),
                details=location.accessibility_notes,
            )
        )
    return records


def has_full_address(location: Location) -> bool:
    """HSDS requires a postal code in an address: a place without one has its address in its
    ``description`` instead (``location_document``)."""
    return bool(
        location.kind == Location.Kind.PHYSICAL
        and location.address
        and location.postal_code
        and location.municipality is not None
    )


def address(location: Location) -> list[dict]:
    if not has_full_address(location):
        return []
    municipality = location.municipality
    owner = str(location.uuid)
    return [
        {
            "id": derived(owner, "address"),
            "location_id": owner,
            "address_1": location.address,
            "city": municipality.name,
            "region": municipality.region,
            "state_province": municipality.province_code,
            "postal_code": location.postal_code,
            "country": "IT",
            "address_type": "physical",
        }
    ]


def location_address_text(location: Location) -> str:
    if location.kind != Location.Kind.PHYSICAL or not location.address:
        return ""
    municipality = location.municipality
    if municipality is None:
        return location.address
    return f"{location.address}, {municipality.name} ({municipality.province_code})"


def location_document(location: Location) -> dict:
    owner = str(location.uuid)
    document = _record(
        id=owner,
        location_type=location.kind,
        url=location.url,
        organization_id=str(location.organization.uuid),
        name=location.name,
        description=None if has_full_address(location) else location_address_text(location),
        transportation=location.transport_notes,
        latitude=location.latitude,
        longitude=location.longitude,
        addresses=address(location),
        accessibility=accessibility(location),
    )
    if location.municipality is not None:
        document["attributes"] = [
            attribute(
                owner,
                "location",
                profile_term(profile.ISTAT_CODE),
                location.municipality.istat_code,
            )
        ]
    return document


def organization_document(organization, base_url: str = "") -> dict:
    """The organization with its identifiers, phone, places, classifications and the summary
    of its public services (``hsds_services``, prefetched by ``batches``)."""
    owner = str(organization.uuid)
    document = organization_record(organization, base_url)
    document.update(
        _record(
            organization_identifiers=organization_identifiers(organization),
            phones=phone("organization_id", owner, organization.phone),
            locations=[location_document(place) for place in prefetched(organization, "locations")],
            attributes=organization_attributes(organization),
            services=[
                {
                    "id": str(activity.uuid),
                    "organization_id": owner,
                    "name": activity.title,
                    "status": SERVICE_STATUS[activity.status],
                }
                for activity in organization.hsds_services
            ],
        )
    )
    return document


# Services -----------------------------------------------------------------------------------


def service_at_location_id(service, location: Location) -> str:
    """The pair's identifier: of an activity or a desk (``desks``), at one of its places."""
    return derived(service.uuid, "service_at_location", location.uuid)


def service_at_location_record(activity: Activity, location: Location) -> dict:
    return {
        "id": service_at_location_id(activity, location),
        "service_id": str(activity.uuid),
        "location_id": str(location.uuid),
    }


def service_at_location_document(activity: Activity, location: Location) -> dict:
    """The service at one of its places (the API's ``/service_at_locations/{id}``): the
    service's own fields, the place, and the weekly hours held there."""
    document = service_at_location_record(activity, location)
    service_id = document["service_id"]
    places = {location.pk: location}
    document.update(
        _record(
            service=service_record(activity),
            location=location_document(location),
            schedules=[
                weekly_schedule(slot, service_id, places)
                for slot in prefetched(activity, "opening_slots")
                if slot.location_id in (None, location.pk)
            ],
        )
    )
    return document


def weekly_schedule(slot, service_id: str, places: dict, identifier: str = "") -> dict:
    """A weekly slot: every week on that day, between the times, within the validity dates.
    The times are local (Europe/Rome), whose offset changes with daylight saving time. A row
    without an identifier of its own (a desk's hours) is given ``identifier``."""
    location = places.get(getattr(slot, "location_id", None))
    return _record(
        id=identifier or str(slot.uuid),
        service_id=service_id,
        location_id=str(location.uuid) if location else None,
        service_at_location_id=location
        and derived(service_id, "service_at_location", location.uuid),
        freq="WEEKLY",
        wkst="MO",
        interval=1,
        byday=WEEKDAY_RRULE_CODES[slot.weekday],
        opens_at=_time(slot.opens_at),
        closes_at=_time(slot.closes_at),
        valid_from=_date(slot.valid_from),
        valid_to=_date(slot.valid_to),
        notes=getattr(slot, "notes", ""),
    )


def dated_schedule(exception, service_id: str, identifier: str = "") -> dict:
    """A closure or special hours on one date: an entry valid on that date only; a closure has
    no times and the profile's ``closed`` attribute."""
    owner = identifier or str(exception.uuid)
    day = _date(exception.date)
    label = _("Closed") if exception.is_closed else _("Special hours")
    return _record(
        id=owner,
        service_id=service_id,
        valid_from=day,
        valid_to=day,
        dtstart=day,
        until=day,
        freq="WEEKLY",
        byday=WEEKDAY_RRULE_CODES[exception.date.isoweekday()],
        opens_at=_time(exception.opens_at),
        closes_at=_time(exception.closes_at),
        description=f"{label}: {exception.reason}" if exception.reason else label,
        attributes=[attribute(owner, "schedule", profile_term(profile.CLOSED), "true")]
        if exception.is_closed
        else [],
    )


def language_records(service_id: str, languages) -> list[dict]:
    return [
        _record(
            id=derived(service_id, "language", language.code),
            service_id=service_id,
            name=language.name,
            code=language.code,
        )
        for language in languages
    ]


def free_of_charge(service_id: str) -> list[dict]:
    return [
        _record(
            id=derived(service_id, "cost_option"),
            service_id=service_id,
            option=_("free of charge"),
            currency="EUR",
            amount=0,
        )
    ]


def cost_options(activity: Activity, service_id: str) -> list[dict]:
    if activity.is_free:
        return free_of_charge(service_id)
    return [
        _record(
            id=derived(service_id, "cost_option"),
            service_id=service_id,
            option=_("cost"),
            currency="EUR",
            amount_description=activity.fee_description,
        )
    ]


def required_documents(activity: Activity, service_id: str) -> list[dict]:
    lines = [line.strip() for line in activity.required_documents.splitlines()]
    return [
        _record(
            id=derived(service_id, "required_document", str(number)),
            service_id=service_id,
            document=line,
        )
        for number, line in enumerate(filter(None, lines), start=1)
    ]


def service_attributes(activity: Activity, service_id: str) -> list[dict]:
    def of(term, value=""):
        return attribute(service_id, "service", profile_term(term), value)

    attributes = [
        attribute(service_id, "service", category_term(category))
        for category in prefetched(activity, "categories")
    ]
    attributes += [
        of(profile.TARGET_GROUP, group.name) for group in prefetched(activity, "target_groups")
    ]
    attributes.append(of(profile.ACCESS, activity.access))
    for term, value in [
        (profile.SUMMARY, activity.summary),
        (profile.VALID_FROM, _date(activity.valid_from)),
        (profile.VALID_TO, _date(activity.valid_to)),
        (profile.ENROLMENT_OPENS, _date(activity.enrolment_opens)),
        (profile.ENROLMENT_CLOSES, _date(activity.enrolment_closes)),
    ]:
        if value:
            attributes.append(of(term, value))
    return attributes


def service_record(activity: Activity, base_url: str = "") -> dict:
    access = _label(Activity.Access, activity.access)
    return _record(
        id=str(activity.uuid),
        organization_id=str(activity.organization.uuid),
        name=activity.title,
        description=activity.description,
        url=activity.website or _page(base_url, "directory:activity_detail", activity.slug),
        email=activity.email,
        status=SERVICE_STATUS[activity.status],
        application_process=f"{access}. {activity.access_description}"
        if activity.access_description
        else access,
        fees_description=activity.fee_description if not activity.is_free else _("free of charge"),
        eligibility_description=activity.eligibility,
        minimum_age=activity.min_age,
        maximum_age=activity.max_age,
        assured_date=_date(activity.last_verified),
        alert=activity.alert,
        last_modified=activity.updated_at.isoformat() if activity.updated_at else None,
    )


def minimal_service_record(activity: Activity) -> dict:
    """What a harvester compares to know what changed (the API's ``minimal``)."""
    return _record(
        id=str(activity.uuid),
        name=activity.title,
        status=SERVICE_STATUS[activity.status],
        last_modified=activity.updated_at.isoformat() if activity.updated_at else None,
    )


def service_document(activity: Activity, base_url: str = "") -> dict:
    """The service with its organization (without its places), places, hours, costs,
    documents, languages and classifications."""
    service_id = str(activity.uuid)
    places = {place.pk: place for place in prefetched(activity, "locations")}
    document = service_record(activity, base_url)
    document.update(
        _record(
            organization=organization_record(activity.organization, base_url),
            phones=phone("service_id", service_id, activity.phone),
            service_at_locations=[
                {
                    **service_at_location_record(activity, place),
                    "location": location_document(place),
                }
                for place in places.values()
            ],
            schedules=[
                *(
                    weekly_schedule(slot, service_id, places)
                    for slot in prefetched(activity, "opening_slots")
                ),
                *(
                    dated_schedule(day, service_id)
                    for day in prefetched(activity, "schedule_exceptions")
                ),
            ],
            languages=language_records(service_id, prefetched(activity, "languages")),
            cost_options=cost_options(activity, service_id),
            required_documents=required_documents(activity, service_id),
            attributes=service_attributes(activity, service_id),
        )
    )
    return document
