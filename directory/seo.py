"""Structured data (schema.org JSON-LD) for search engines; see templatetags/site_tags.jsonld."""

from directory.models import Activity, Weekday

SCHEMA_DAYS = {
    Weekday.MONDAY: "https://schema.org/Monday",
    Weekday.TUESDAY: "https://schema.org/Tuesday",
    Weekday.WEDNESDAY: "https://schema.org/Wednesday",
    Weekday.THURSDAY: "https://schema.org/Thursday",
    Weekday.FRIDAY: "https://schema.org/Friday",
    Weekday.SATURDAY: "https://schema.org/Saturday",
    Weekday.SUNDAY: "https://schema.org/Sunday",
}


def _postal_address(location):
    address = {"@type": "PostalAddress", "streetAddress": location.address, "addressCountry": "IT"}
    if location.postal_code:
        address["postalCode"] = location.postal_code
    if location.municipality:
        address["addressLocality"] = location.municipality.name
        address["addressRegion"] = location.municipality.province_code
    return address


def _place(location):
    place = {"@type": "Place", "name": location.name, "address": _postal_address(location)}
    if location.has_coordinates:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": location.latitude,
            "longitude": location.longitude,
        }
    return place


def organization_jsonld(organization, request, locations=()):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": request.build_absolute_uri(organization.get_absolute_url()),
        "name": organization.name,
        "url": organization.website or request.build_absolute_uri(organization.get_absolute_url()),
        "description": organization.description,
    }
    if organization.logo:
        data["logo"] = request.build_absolute_uri(organization.logo.url)
    if organization.email:
        data["email"] = organization.email
    if organization.phone:
        data["telephone"] = organization.phone
    if organization.tax_code:
        data["taxID"] = organization.tax_code
    physical = [loc for loc in locations if loc.kind == loc.Kind.PHYSICAL]
    if physical:
        data["address"] = _postal_address(physical[0])
        data["location"] = [_place(loc) for loc in physical]
    return data


def activity_jsonld(activity: Activity, request, locations=(), slots=()):
    organization = activity.organization
    url = request.build_absolute_uri(activity.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        "@id": url,
        "url": url,
        "name": activity.title,
        "description": activity.summary or activity.description,
        "provider": {
            "@type": "Organization",
            "@id": request.build_absolute_uri(organization.get_absolute_url()),
            "name": organization.name,
        },
        "isAccessibleForFree": activity.is_free,
    }
    municipalities = {
        loc.municipality.istat_code: loc.municipality for loc in locations if loc.municipality
    }
    if municipalities:
        data["areaServed"] = [{"@type": "City", "name": m.name} for m in municipalities.values()]
    places = [_place(loc) for loc in locations if loc.kind == loc.Kind.PHYSICAL]
    if places:
        data["availableChannel"] = {
            "@type": "ServiceChannel",
            "serviceLocation": places[0],
            **({"servicePhone": activity.phone} if activity.phone else {}),
        }
    hours = []
    for slot in slots:
        spec = {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": SCHEMA_DAYS[slot.weekday],
            "opens": slot.opens_at.strftime("%H:%M"),
            "closes": slot.closes_at.strftime("%H:%M"),
        }
        valid_from = slot.valid_from or activity.valid_from
        valid_to = slot.valid_to or activity.valid_to
        if valid_from:
            spec["validFrom"] = valid_from.isoformat()
        if valid_to:
            spec["validThrough"] = valid_to.isoformat()
        hours.append(spec)
    if hours:
        data["hoursAvailable"] = hours
    categories = [c.public_name for c in activity.categories.all()]
    if categories:
        data["category"] = categories
    return data


EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "moved": "https://schema.org/EventRescheduled",
    "cancelled": "https://schema.org/EventCancelled",
}


def event_jsonld(event, request, sessions=()):
    """One schema.org ``Event`` per coming session (search engines show dated events), each
    with its place or online link, organizer, audience and price."""
    url = request.build_absolute_uri(event.get_absolute_url())
    organizer = {
        "@type": "Organization",
        "@id": request.build_absolute_uri(event.organization.get_absolute_url()),
        "name": event.organization.name,
    }
    audience = {"@type": "PeopleAudience"}
    if event.min_age is not None:
        audience["suggestedMinAge"] = event.min_age
    if event.max_age is not None:
        audience["suggestedMaxAge"] = event.max_age
    languages = [language.code for language in event.languages.all()]
    items = []
    for session in sessions:
        status = "cancelled" if event.is_cancelled else session.status
        item = {
            "@context": "https://schema.org",
            "@type": "Event",
            "@id": f"{url}#{session.uuid}",
            "url": url,
            "name": event.title,
            "description": event.summary or event.description,
            "startDate": session.starts().isoformat(),
            "endDate": session.ends().isoformat(),
            "eventStatus": EVENT_STATUS[status],
            "organizer": organizer,
            "audience": audience,
            "isAccessibleForFree": event.is_free,
        }
        if session.location is not None:
            item["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
            item["location"] = _place(session.location)
        else:
            item["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
            item["location"] = {"@type": "VirtualLocation", "url": session.online_url}
        if session.moved_from:
            item["previousStartDate"] = session.moved_from.isoformat()
        if languages:
            item["inLanguage"] = languages
        if event.capacity:
            item["maximumAttendeeCapacity"] = event.capacity
        items.append(item)
    return items
