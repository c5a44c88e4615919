"""The API's query parameters, read strictly: a value that is not what ``openapi.json`` says
raises ``BadParameter``, which the views answer with 400 and a JSON message naming it."""

import contextlib
import datetime
import uuid
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from directory.search.geo import Point
from directory.search.thresholds import MAX_RADIUS_KM
from linkrete import params as strict

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_PAGE = 100_000
MAX_SEARCH = 200
TRUE, FALSE = ("true", "1", "yes"), ("false", "0", "no", "")


class BadParameter(ValueError):
    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name
        self.message = message


def _text(query, name: str, max_length: int = MAX_SEARCH) -> str:
    value = query.get(name, "")
    cleaned = strict.text(value, max_length=max_length)
    if cleaned is None:
        raise BadParameter(name, _("It holds a character that is not allowed."))
    return cleaned


def flag(query, name: str) -> bool:
    value = _text(query, name).lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise BadParameter(name, _("Write true or false."))


def identifier(query, name: str) -> uuid.UUID | None:
    value = _text(query, name)
    if not value:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise BadParameter(name, _("It is not an identifier (a UUID).")) from None


def _number(query, name: str, default: int, maximum: int) -> int:
    value = query.get(name, "")
    if value == "":
        return default
    number = strict.positive_int(value, minimum=1, maximum=maximum)
    if number is None:
        raise BadParameter(
            name, _("Write a whole number from 1 to %(maximum)s.") % {"maximum": maximum}
        )
    return number


def _float(query, name: str) -> float | None:
    value = _text(query, name, max_length=30)
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise BadParameter(name, _("It is not a number.")) from None


def moment(query, name: str) -> datetime.datetime | None:
    """A date and time (ISO 8601; a date alone is its midnight, local time)."""
    value = _text(query, name, max_length=40)
    if not value:
        return None
    parsed = None
    # A "+" left unescaped in a query string arrives as a space.
    for candidate in (value, value.replace(" ", "+")):
        with contextlib.suppress(ValueError):
            parsed = parsed or parse_datetime(candidate)
    if parsed is None:
        try:
            day = parse_date(value)
        except ValueError:
            day = None
        parsed = day and datetime.datetime.combine(day, datetime.time())
    if not parsed:
        raise BadParameter(name, _("Write a date and time as 2026-12-31T18:00:00+01:00."))
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


FORMATS = ("json", "ndjson")


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int
    # ``format=ndjson``: every result, one document a line, no pages (``streams``).
    ndjson: bool = False


def paging(query) -> Paging:
    chosen = _text(query, "format", max_length=20).lower() or "json"
    if chosen not in FORMATS:
        raise BadParameter("format", _("Write json (pages) or ndjson (everything, one a line)."))
    return Paging(
        page=_number(query, "page", 1, MAX_PAGE),
        per_page=_number(query, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE),
        ndjson=chosen == "ndjson",
    )


@dataclass(frozen=True)
class Proximity:
    """Around a point (``lat``, ``long``) or the places of a postcode (``postcode``), within
    ``proximity`` metres (the standard's unit)."""

    point: Point | None
    postcode: str
    radius_km: float | None


def proximity(query) -> Proximity | None:
    latitude, longitude = _float(query, "lat"), _float(query, "long")
    postcode = _text(query, "postcode", max_length=10)
    metres = _float(query, "proximity")
    if metres is None:
        metres = _float(query, "distance")
    point = None
    if (latitude is None) != (longitude is None):
        raise BadParameter("lat", _("Give both lat and long."))
    if latitude is not None:
        try:
            point = Point.parse(f"{latitude},{longitude}")
        except ValueError:
            raise BadParameter("lat", _("This is not a position on the Earth.")) from None
    if postcode and not postcode.isalnum():
        raise BadParameter("postcode", _("It is not a postcode."))
    radius_km = None
    if metres is not None:
        if not 0 < metres <= MAX_RADIUS_KM * 1000:
            raise BadParameter(
                "proximity",
                _("Write a distance in metres from 1 to %(maximum)s.")
                % {"maximum": MAX_RADIUS_KM * 1000},
            )
        if point is None and not postcode:
            raise BadParameter("proximity", _("Give lat and long, or a postcode, with it."))
        radius_km = metres / 1000
    if point is None and not postcode:
        return None
    return Proximity(point, postcode, radius_km)


@dataclass(frozen=True)
class ServiceFilters:
    search: str
    taxonomy_term_id: uuid.UUID | None
    taxonomy_id: uuid.UUID | None
    organization_id: uuid.UUID | None
    modified_after: datetime.datetime | None
    proximity: Proximity | None

    @classmethod
    def none(cls) -> "ServiceFilters":
        """No filter: every public row."""
        return cls("", None, None, None, None, None)


def service_filters(query) -> ServiceFilters:
    return ServiceFilters(
        search=_text(query, "search"),
        taxonomy_term_id=identifier(query, "taxonomy_term_id"),
        taxonomy_id=identifier(query, "taxonomy_id"),
        organization_id=identifier(query, "organization_id"),
        modified_after=moment(query, "modified_after"),
        proximity=proximity(query),
    )


def search(query) -> str:
    return _text(query, "search")
