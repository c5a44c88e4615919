"""One HSDS 3.0 document back to Linkrete rows: the reverse of ``mapping`` (docs/hsds.md).

``Unmapper`` upserts by identifier: a document whose ``id`` is a row's ``uuid`` updates that
row, any other creates one with that ``uuid``, so that exporting again gives the same
identifiers. What does not fit raises ``RecordError`` with the field and the reason; the caller
rolls the record back. Lookups of the reference tables (municipalities, languages, categories…)
are cached for the whole import; the rows a batch of documents names (organizations, places,
activities, slugs) are read in one query per table by ``preload``, and the many-to-many links of
a row just created are inserted without first reading what it had (nothing).
"""

import contextlib
import datetime
import re
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.utils import translation
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.text import slugify

from directory.hsds import profile
from directory.hsds.identifiers import derived
from directory.hsds.mapping import SERVICE_STATUS
from directory.models import (
    WEEKDAY_RRULE_CODES,
    Activity,
    Category,
    GeneralInterestArea,
    ImportedTerm,
    Language,
    LegalForm,
    Location,
    MemberRole,
    Municipality,
    Network,
    NetworkMembership,
    OpeningSlot,
    Organization,
    ScheduleException,
    TargetGroup,
)


class RecordError(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


STATUS_OF_SERVICE = {value: key for key, value in SERVICE_STATUS.items()}
WEEKDAY_OF_CODE = {code: day for day, code in WEEKDAY_RRULE_CODES.items()}
PROFILE_TERMS = {term.id: term for term in profile.PROFILE_TERMS}
AREA_OF_TERM = {term.id: letter for letter, term in profile.AREA_TERMS.items()}
SECTION_TERM_IDS = {term.id for term in profile.SECTION_TERMS.values()}
ACCESSIBILITY_FIELDS = ["wheelchair_accessible", "has_lift", "accessible_toilet"]


def _uuid(value, field: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise RecordError(field, "not a UUID") from None


def _date(value, field: str) -> datetime.date | None:
    if not value:
        return None
    try:
        parsed = parse_date(str(value))
    except ValueError:
        parsed = None
    if parsed is None:
        raise RecordError(field, "not a date (YYYY-MM-DD)")
    return parsed


def _time(value, field: str) -> datetime.time | None:
    if not value:
        return None
    try:
        parsed = parse_time(str(value)[:8])
    except ValueError:
        parsed = None
    if parsed is None:
        raise RecordError(field, "not a time (HH:MM:SS)")
    return parsed


def _text(document: dict, name: str, limit: int | None = None) -> str:
    value = document.get(name) or ""
    if not isinstance(value, str):
        value = str(value)
    value = value.replace("\x00", "")
    if limit is not None and len(value) > limit:
        raise RecordError(name, f"longer than {limit} characters")
    return value


def _clean(row, exclude=()) -> None:
    """The model's own checks, each error reported with its field. The database checks the
    constraints when the row is saved (``constraint_error`` words its refusal): Django's
    validation of them costs a query each, a third of an import's time."""
    try:
        row.full_clean(
            exclude=[*exclude, "uuid", "slug"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise RecordError(field, " ".join(str(message) for message in messages)) from None


class Unmapper:
    def __init__(self):
        self.municipalities_by_code: dict[str, Municipality | None] = {}
        self.municipalities_by_name: dict[tuple[str, str], Municipality | None] = {}
        self.languages = {language.code: language for language in Language.objects.all()}
        self.target_groups = {group.name.casefold(): group for group in TargetGroup.objects.all()}
        self.areas = {area.letter: area for area in GeneralInterestArea.objects.all()}
        categories = list(Category.objects.select_related("taxonomy"))
        self.categories = {str(category.uuid): category for category in categories}
        self.categories_by_code = {
            (category.taxonomy.slug, category.slug): category for category in categories
        }
        self.imported_terms = {term.term_id: term for term in ImportedTerm.objects.all()}
        self.networks: dict[str, Network | None] = {}
        self.term_uses: dict[str, int] = {}
        # The batch's rows by identifier (None: not in the database), and the slugs taken.
        self.rows: dict[type, dict[uuid.UUID, object]] = {
            Organization: {},
            Location: {},
            Activity: {},
        }
        self.taken_slugs: dict[type, set[str]] = {Organization: set(), Activity: set()}
        # Of each slug made from a name: the last "-n" given, and the numbers the database had.
        self.slug_suffixes: dict[type, dict[str, tuple[int, set[int]]]] = {
            Organization: {},
            Activity: {},
        }
        # The hours' identifiers of the batch already in the database.
        self.stored_hours: set[uuid.UUID] = set()
        self.created: list = []  # By the record being imported.
        # Rows of rows just created (their links, their hours, their dates) written by ``flush``
        # at the end of the batch, in one INSERT per table; and whose rows they are.
        self.pending: dict[type, list] = {}
        self.pending_dates: list[Activity] = []
        self.pending_owners: set[uuid.UUID] = set()
        self._marks: dict = {}
        with translation.override("it"):
            self.legal_forms = {str(label).casefold(): value for value, label in LegalForm.choices}
            self.access_labels = {str(label): value for value, label in Activity.Access.choices}
            self.closed_label = str(_closed_label())
            self.special_label = str(_special_label())

    # Batches ----------------------------------------------------------------------------------

    def preload(self, documents: list[dict]) -> None:
        """Read the rows ``documents`` name, one query per table, for the records that follow.

        The previous batch's rows are forgotten, so memory stays bounded whatever the file's
        size; a row the batch itself creates is remembered by ``_row`` and ``_created``."""
        wanted: dict[type, set[uuid.UUID]] = {model: set() for model in self.rows}
        uris: dict[type, set[str]] = {Organization: set(), Activity: set()}

        def add(model, value):
            # A bad identifier is reported with its field when the record is imported.
            with contextlib.suppress(ValueError):
                wanted[model].add(uuid.UUID(str(value)))

        names: dict[type, set[str]] = {Organization: set(), Activity: set()}

        def organization(document):
            add(Organization, document.get("id"))
            uris[Organization].add(_slug_of(document.get("uri")))
            names[Organization].add(_slug_base(document.get("name")))
            for place in document.get("locations") or []:
                if isinstance(place, dict):
                    add(Location, place.get("id"))

        hours: set[uuid.UUID] = set()
        for document in documents:
            if "organization_id" not in document and "organization" not in document:
                organization(document)
                continue
            for item in document.get("schedules") or []:
                if isinstance(item, dict):
                    hours.update(_hours_identifiers(item))
            add(Activity, document.get("id"))
            add(Organization, document.get("organization_id"))
            uris[Activity].add(_slug_of(document.get("url")))
            names[Activity].add(_slug_base(document.get("name")))
            if isinstance(document.get("organization"), dict):
                organization(document["organization"])
            for pair in document.get("service_at_locations") or []:
                if isinstance(pair, dict):
                    place = pair.get("location")
                    add(Location, place.get("id") if isinstance(place, dict) else None)
                    add(Location, pair.get("location_id"))
        for model, identifiers in wanted.items():
            rows = self.rows[model] = dict.fromkeys(identifiers)
            if identifiers:
                for row in model.objects.filter(uuid__in=identifiers):
                    rows[row.uuid] = row
        self.stored_hours = set()
        for model in (OpeningSlot, ScheduleException):
            if hours:
                self.stored_hours.update(
                    model.objects.filter(uuid__in=hours).values_list("uuid", flat=True)
                )
        for model, slugs in uris.items():
            slugs.discard("")
            # Kept for the whole import: the slugs given (by address or name) and found taken.
            self.taken_slugs[model].update(
                model.objects.filter(slug__in=slugs).values_list("slug", flat=True)
            )
        for model, bases in names.items():
            self._preload_suffixes(model, bases - self.slug_suffixes[model].keys())

    def _preload_suffixes(self, model, bases: set[str]) -> None:
        """The numbers taken after each of ``bases`` ("doposcuola", "doposcuola-2"…), for
        ``_unique_slug``: one query for the batch, each base a range of the slug's index
        (``base`` up to ``base.``, the character after "-"), instead of one query per name."""
        if not bases:
            return
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT found.slug FROM unnest(%s::text[]) AS wanted(base) "  # nosec B608 # a model's table, quoted; the names are parameters
                f"CROSS JOIN LATERAL (SELECT slug FROM {table} WHERE slug::text ~>=~ wanted.base "
                f"AND slug::text ~<~ (wanted.base || '.')) AS found",
                [sorted(bases)],
            )
            taken = [slug for (slug,) in cursor.fetchall()]
        numbers: dict[str, set[int]] = {base: set() for base in bases}
        for slug in taken:
            base, _sep, number = slug.rpartition("-")
            if slug in numbers:
                numbers[slug].add(1)
            if base in numbers and number.isascii() and number.isdigit():
                numbers[base].add(int(number))
        for base, found in numbers.items():
            self.slug_suffixes[model][base] = (0, found)

    def _row(self, model, identifier: uuid.UUID):
        """The row of ``model`` with that identifier, or None: from the batch when preloaded."""
        rows = self.rows[model]
        if identifier not in rows:
            rows[identifier] = model.objects.filter(uuid=identifier).first()
        return rows[identifier]

    def _slug(self, model, uri, name: str) -> str:
        """The slug of the Linkrete address ``uri`` when free, else one made from ``name``."""
        slug = _slug_of(uri)
        if not slug or slug in self.taken_slugs[model]:
            slug = self._unique_slug(model, name)
        self.taken_slugs[model].add(slug)
        return slug

    def _unique_slug(self, model, name: str) -> str:
        """As ``unique_slug`` ("-2", "-3"… when taken), with one query per name rather than one
        per slug tried: a directory has hundreds of activities called "Doposcuola"."""
        base = _slug_base(name)
        known = self.slug_suffixes[model]
        if base not in known:
            taken = model.objects.filter(slug__regex=rf"^{re.escape(base)}(-[0-9]+)?$")
            numbers = {
                int(slug[len(base) + 1 :]) if slug != base else 1
                for slug in taken.values_list("slug", flat=True)
            }
            known[base] = (0, numbers)
        number, numbers = known[base]
        while True:
            number += 1
            slug = base if number == 1 else f"{base}-{number}"
            if number not in numbers and slug not in self.taken_slugs[model]:
                known[base] = (number, numbers)
                return slug

    def _remember(self, row) -> None:
        self.rows[type(row)][row.uuid] = row
        self.created.append(row)

    def state(self) -> dict:
        """What a batch changes in the import's memory (besides its rows, which ``preload``
        reads again): ``restore`` puts it back when the batch is rolled back."""
        return {
            "taken_slugs": {model: set(slugs) for model, slugs in self.taken_slugs.items()},
            "slug_suffixes": {model: dict(known) for model, known in self.slug_suffixes.items()},
            "imported_terms": dict(self.imported_terms),
            "term_uses": dict(self.term_uses),
        }

    def restore(self, state: dict) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self.pending, self.pending_dates, self.pending_owners = {}, [], set()
        self.created = []

    def begin_record(self) -> None:
        self.created = []
        self._marks = {model: len(rows) for model, rows in self.pending.items()}
        self._marks[Activity] = len(self.pending_dates)

    def forget_record(self) -> None:
        """The record was rolled back: the rows it created are not in the database any more,
        and what was waiting to be written for them is not written."""
        for row in self.created:
            self.rows[type(row)][row.uuid] = None
        for model, rows in self.pending.items():
            del rows[self._marks.get(model, 0) :]
        del self.pending_dates[self._marks[Activity] :]
        self.created = []

    def _defer(self, owner, rows: list) -> None:
        if rows:
            self.pending.setdefault(type(rows[0]), []).extend(rows)
            self.pending_owners.add(owner.uuid)

    def _written(self, row) -> None:
        """Before ``row`` is updated, what waits to be written for it is written."""
        if row.uuid in self.pending_owners:
            self.flush()

    def flush(self) -> None:
        """Write what the batch's records left waiting: one INSERT per table, one UPDATE."""
        for model, rows in self.pending.items():
            model.objects.bulk_create(rows, batch_size=2000)
        if self.pending_dates:
            Activity.objects.bulk_update(self.pending_dates, ["updated_at"], batch_size=500)
        self.pending, self.pending_dates, self.pending_owners = {}, [], set()

    # Organizations ----------------------------------------------------------------------------

    def organization(self, document: dict, *, with_places: bool = True) -> Organization:
        identifier = _uuid(document.get("id"), "id")
        organization = self._row(Organization, identifier)
        created = organization is None
        if not created:
            self._written(organization)
        if created:
            organization = Organization(uuid=identifier)
        organization.name = _text(document, "name", 200)
        organization.description = _text(document, "description") or organization.name
        organization.email = _text(document, "email")
        organization.website = _text(document, "website")
        legal_status = _text(document, "legal_status").casefold()
        organization.legal_form = self.legal_forms.get(
            legal_status, organization.legal_form or LegalForm.OTHER
        )
        if "organization_identifiers" in document:
            schemes = {
                item.get("identifier_scheme"): _text(item, "identifier")
                for item in document["organization_identifiers"]
            }
            organization.tax_code = schemes.get("IT-CF", "").strip().upper()
            organization.runts_number = schemes.get("IT-RUNTS", "")
        if "phones" in document or created:
            organization.phone = _first_phone(document)
        attributes = document.get("attributes", [])
        areas = [
            self.areas[AREA_OF_TERM[term_id]]
            for term_id in _term_ids(attributes)
            if term_id in AREA_OF_TERM and AREA_OF_TERM[term_id] in self.areas
        ]
        values = _profile_values(attributes)
        organization.social_utility = (values.get(profile.SOCIAL_UTILITY) or [""])[0]
        _clean(organization, exclude=["logo"])
        if created:
            organization.slug = self._slug(Organization, document.get("uri"), organization.name)
        organization.save()
        if created:
            self._remember(organization)
            self._defer(organization, _new_links(organization, "general_interest_areas", areas))
            self._network_roles(organization, values.get(profile.NETWORK_ROLE, []))
        elif "attributes" in document:
            organization.general_interest_areas.set(areas)
            self._network_roles(organization, values.get(profile.NETWORK_ROLE, []))
        if with_places:
            for place in document.get("locations", []):
                self.location(place, organization)
        return organization

    def _network_roles(self, organization: Organization, values: list[str]) -> None:
        """``capofila:link``: the role in the network of that slug, where the network exists
        here (networks are not in HSDS: a coordinator creates them)."""
        for value in values:
            role, _sep, slug = value.partition(":")
            if role not in MemberRole.values:
                raise RecordError("attributes.network_role", f"unknown role {role!r}")
            if slug not in self.networks:
                self.networks[slug] = Network.objects.filter(slug=slug).first()
            if self.networks[slug] is not None:
                NetworkMembership.objects.get_or_create(
                    network=self.networks[slug], organization=organization, role=role
                )

    # Locations --------------------------------------------------------------------------------

    def municipality(self, document: dict) -> Municipality | None:
        codes = _profile_values(document.get("attributes", [])).get(profile.ISTAT_CODE)
        if codes:
            code = codes[0]
            if code not in self.municipalities_by_code:
                self.municipalities_by_code[code] = Municipality.objects.filter(
                    istat_code=code
                ).first()
            if self.municipalities_by_code[code] is not None:
                return self.municipalities_by_code[code]
        for address in document.get("addresses", []):
            key = (_text(address, "city").casefold(), _text(address, "state_province").upper())
            if key not in self.municipalities_by_name:
                self.municipalities_by_name[key] = _municipality_named(*key)
            if self.municipalities_by_name[key] is not None:
                return self.municipalities_by_name[key]
        return None

    def location(self, document: dict, organization: Organization) -> Location:
        identifier = _uuid(document.get("id"), "locations.id")
        location = self._row(Location, identifier)
        created = location is None
        if created:
            location = Location(uuid=identifier, organization=organization)
        elif location.organization_id != organization.pk:
            raise RecordError("locations.id", "a place of another organization")
        before = None if created else _fields(location)
        location.kind = (
            Location.Kind.VIRTUAL
            if document.get("location_type") == "virtual"
            else Location.Kind.PHYSICAL
        )
        location.url = _text(document, "url")
        location.transport_notes = _text(document, "transportation")
        location.latitude = document.get("latitude")
        location.longitude = document.get("longitude")
        location.municipality = self.municipality(document)
        addresses = document.get("addresses") or []
        if addresses:
            location.address = _text(addresses[0], "address_1", 200)
            location.postal_code = _text(addresses[0], "postal_code", 5)
        else:
            location.address = _address_in_description(document, location.municipality)
            location.postal_code = ""
        location.name = (_text(document, "name") or location.address or _text(document, "url"))[
            :200
        ]
        owner = str(identifier)
        known = {derived(owner, "accessibility", field): field for field in ACCESSIBILITY_FIELDS}
        features = set()
        notes = []
        for item in document.get("accessibility", []):
            if item.get("id") in known:
                features.add(known[item["id"]])
            elif item.get("id") == derived(owner, "accessibility", "notes"):
                notes.append(_text(item, "details"))
            else:
                notes.append(
                    ": ".join(filter(None, [_text(item, "description"), _text(item, "details")]))
                )
        for field in ACCESSIBILITY_FIELDS:
            setattr(location, field, field in features)
        location.accessibility_notes = "\n".join(filter(None, notes))
        if location.kind == Location.Kind.PHYSICAL and location.municipality is None:
            raise RecordError(
                "locations.addresses",
                "no municipality of Linkrete's list matches the ISTAT code or the city",
            )
        if not created and _fields(location) == before:
            return location  # As stored: a place named by many services is written once.
        _clean(location, exclude=["organization", "municipality"])
        location.save()
        if created:
            self._remember(location)
        return location

    # Services ---------------------------------------------------------------------------------

    def service(self, document: dict) -> Activity:
        identifier = _uuid(document.get("id"), "id")
        organization_id = _uuid(document.get("organization_id"), "organization_id")
        organization = self._row(Organization, organization_id)
        if organization is None:
            if "organization" not in document:
                raise RecordError("organization_id", "no such organization in Linkrete or the file")
            organization = self.organization(document["organization"], with_places=False)
        activity = self._row(Activity, identifier)
        created = activity is None
        if not created:
            self._written(activity)
        if created:
            activity = Activity(uuid=identifier)
        activity.organization = organization
        activity.title = _text(document, "name", 200)
        activity.description = _text(document, "description") or activity.title
        activity.website = _text(document, "url")
        activity.email = _text(document, "email")
        status = document.get("status", "active")
        if status not in STATUS_OF_SERVICE:
            raise RecordError("status", f"unknown status {status!r}")
        activity.status = STATUS_OF_SERVICE[status]
        activity.eligibility = _text(document, "eligibility_description")
        activity.min_age = _age(document, "minimum_age")
        activity.max_age = _age(document, "maximum_age")
        activity.last_verified = _date(document.get("assured_date"), "assured_date")
        activity.alert = _text(document, "alert")
        activity.phone = _first_phone(document)
        self._access(activity, document)
        self._costs(activity, document)
        activity.required_documents = "\n".join(
            _text(item, "document") for item in document.get("required_documents", [])
        )
        attributes = document.get("attributes", [])
        values = _profile_values(attributes)

        def value(term):
            return (values.get(term) or [""])[0]

        activity.summary = value(profile.SUMMARY)
        activity.valid_from = _date(value(profile.VALID_FROM), "attributes.valid_from")
        activity.valid_to = _date(value(profile.VALID_TO), "attributes.valid_to")
        activity.enrolment_opens = _date(
            value(profile.ENROLMENT_OPENS), "attributes.enrolment_opens"
        )
        activity.enrolment_closes = _date(
            value(profile.ENROLMENT_CLOSES), "attributes.enrolment_closes"
        )
        _clean(activity, exclude=["organization", "photo", "search_text"])
        if created:
            activity.slug = self._slug(Activity, document.get("url"), activity.title)
        activity.save()
        if created:
            self._remember(activity)
        places = {}
        for pair in document.get("service_at_locations", []):
            if "location" in pair:
                place = self.location(pair["location"], organization)
            else:
                place = self._row(
                    Location,
                    _uuid(pair.get("location_id"), "service_at_locations.location_id"),
                )
                if place is None or place.organization_id != organization.pk:
                    raise RecordError("service_at_locations.location_id", "no such place")
            places[str(place.uuid)] = place
        links = {
            "locations": places.values(),
            "languages": [
                self.languages[item["code"]]
                for item in document.get("languages", [])
                if item.get("code") in self.languages
            ],
            "target_groups": [
                self.target_groups[name.casefold()]
                for name in values.get(profile.TARGET_GROUP, [])
                if name.casefold() in self.target_groups
            ],
            "categories": self._categories(attributes),
        }
        for name, rows in links.items():
            if created:
                self._defer(activity, _new_links(activity, name, rows))
            else:
                getattr(activity, name).set(rows)
        self._schedules(activity, document.get("schedules", []), places, created=created)
        modified = document.get("last_modified")
        if modified:
            parsed = parse_datetime(str(modified))
            if parsed is None:
                raise RecordError("last_modified", "not a date and time (ISO 8601)")
            activity.updated_at = parsed  # Not by save(): its auto_now would win.
            self.pending_dates.append(activity)
        return activity

    def _access(self, activity: Activity, document: dict) -> None:
        process = _text(document, "application_process")
        code = (_profile_values(document.get("attributes", [])).get(profile.ACCESS) or [""])[0]
        if code not in Activity.Access.values:
            code = self.access_labels.get(process.split(". ", 1)[0], Activity.Access.OPEN)
        activity.access = code
        with translation.override("it"):
            label = str(Activity.Access(code).label)
        if process == label:
            activity.access_description = ""
        elif process.startswith(f"{label}. "):
            activity.access_description = process[len(label) + 2 :]
        else:
            activity.access_description = process

    def _costs(self, activity: Activity, document: dict) -> None:
        options = document.get("cost_options", [])
        free = any(option.get("amount") == 0 for option in options) or (
            not options and not document.get("fees_description")
        )
        activity.is_free = free
        if free:
            activity.fee_description = ""
        else:
            activity.fee_description = _text(document, "fees_description") or "\n".join(
                _text(option, "amount_description") for option in options
            )

    def _categories(self, attributes: list) -> list[Category]:
        categories = []
        for attribute in attributes:
            term_id = attribute.get("taxonomy_term_id") or ""
            if term_id in PROFILE_TERMS or term_id in AREA_OF_TERM or term_id in SECTION_TERM_IDS:
                continue
            term = attribute.get("taxonomy_term") or {}
            category = self.categories.get(term_id) or self.categories_by_code.get(
                (term.get("taxonomy", ""), term.get("code", ""))
            )
            if category is None:
                category = self._queued(term_id, term)
            if category is not None:
                categories.append(category)
        return categories

    def _queued(self, term_id: str, term: dict) -> Category | None:
        """A term Linkrete does not know: into the coordinators' queue, once."""
        if not term_id:
            return None
        if term_id not in self.imported_terms:
            imported, _created = ImportedTerm.objects.get_or_create(
                term_id=term_id[:250],
                defaults={
                    "taxonomy": _text(term, "taxonomy", None)[:250],
                    "code": _text(term, "code", None)[:250],
                    "name": (_text(term, "name", None) or term_id)[:250],
                },
            )
            self.imported_terms[term_id] = imported
        self.term_uses[term_id] = self.term_uses.get(term_id, 0) + 1
        return self.imported_terms[term_id].category

    def _schedules(
        self, activity: Activity, schedules: list, places: dict, *, created: bool
    ) -> None:
        weekly, dated = [], []
        for item in schedules:
            field = "schedules"
            opens_at = _time(item.get("opens_at"), f"{field}.opens_at")
            closes_at = _time(item.get("closes_at"), f"{field}.closes_at")
            identifier = _uuid(item.get("id"), f"{field}.id")
            if item.get("dtstart") or (
                item.get("valid_from")
                and item.get("valid_from") == item.get("valid_to")
                and str(item.get("description", "")).startswith(
                    (self.closed_label, self.special_label)
                )
            ):
                day = _date(item.get("dtstart") or item.get("valid_from"), f"{field}.dtstart")
                closed = _profile_values(item.get("attributes", [])).get(profile.CLOSED) == [
                    "true"
                ] or not (opens_at and closes_at)
                description = _text(item, "description")
                reason = description.split(": ", 1)[1] if ": " in description else ""
                if description in (self.closed_label, self.special_label):
                    reason = ""
                dated.append(
                    ScheduleException(
                        uuid=identifier,
                        activity=activity,
                        date=day,
                        is_closed=closed,
                        opens_at=None if closed else opens_at,
                        closes_at=None if closed else closes_at,
                        reason=reason[:200],
                    )
                )
                continue
            codes = [code.strip() for code in str(item.get("byday", "")).split(",") if code.strip()]
            if not codes or not opens_at or not closes_at:
                raise RecordError(field, "a weekly schedule needs byday, opens_at and closes_at")
            if item.get("freq", "WEEKLY") != "WEEKLY" or int(item.get("interval") or 1) != 1:
                raise RecordError(f"{field}.freq", "only weekly schedules (every week) are kept")
            place = places.get(str(item.get("location_id") or ""))
            for number, code in enumerate(codes):
                if code not in WEEKDAY_OF_CODE:
                    raise RecordError(f"{field}.byday", f"unknown day {code!r}")
                weekly.append(
                    OpeningSlot(
                        # One slot a day: the first day keeps the schedule's identifier.
                        uuid=identifier
                        if number == 0
                        else uuid.UUID(derived(identifier, "byday", code)),
                        activity=activity,
                        location=place,
                        weekday=WEEKDAY_OF_CODE[code],
                        opens_at=opens_at,
                        closes_at=closes_at,
                        valid_from=_date(item.get("valid_from"), f"{field}.valid_from"),
                        valid_to=_date(item.get("valid_to"), f"{field}.valid_to"),
                        notes=_text(item, "notes")[:200],
                    )
                )
        for row in [*weekly, *dated]:
            _clean(row, exclude=["activity", "location"])
        if not created:
            if _same_rows(activity.opening_slots.all(), weekly, SLOT_FIELDS) and _same_rows(
                activity.schedule_exceptions.all(), dated, EXCEPTION_FIELDS
            ):
                return  # A daily import of an unchanged directory rewrites no hours.
            activity.opening_slots.all().delete()
            activity.schedule_exceptions.all().delete()
        # Another activity's rows with these identifiers (moved between services) go too.
        for model, rows in ((OpeningSlot, weekly), (ScheduleException, dated)):
            identifiers = [row.uuid for row in rows]
            if created and self.stored_hours.isdisjoint(identifiers):
                self._defer(activity, rows)
            else:
                model.objects.filter(uuid__in=identifiers).delete()
                model.objects.bulk_create(rows)


def constraint_error(error: IntegrityError) -> RecordError:
    """A constraint the database refused a row for, in the words of the model that declares it."""
    name = getattr(getattr(error.__cause__, "diag", None), "constraint_name", None) or ""
    for model in (Organization, Location, Activity, OpeningSlot, ScheduleException):
        for constraint in model._meta.constraints:
            if constraint.name == name:
                fields = getattr(constraint, "fields", None) or ["-"]
                return RecordError(fields[0], str(constraint.get_violation_error_message()))
    return RecordError("-", str(error).splitlines()[0][:300])


SLOT_FIELDS = [
    "uuid",
    "location_id",
    "weekday",
    "opens_at",
    "closes_at",
    "valid_from",
    "valid_to",
    "notes",
]
EXCEPTION_FIELDS = ["uuid", "date", "is_closed", "opens_at", "closes_at", "reason"]


def _same_rows(stored, wanted: list, fields: list[str]) -> bool:
    def key(row):
        return tuple(getattr(row, field) for field in fields)

    return sorted(map(key, stored), key=str) == sorted(map(key, wanted), key=str)


def _closed_label():
    from django.utils.translation import gettext

    return gettext("Closed")


def _special_label():
    from django.utils.translation import gettext

    return gettext("Special hours")


def is_desk(document: dict) -> bool:
    """A service that is a proximity desk (the profile's ``desk`` attribute)."""
    return _profile_values(document.get("attributes") or []).get(profile.DESK) == ["true"]


def _term_ids(attributes: list) -> list[str]:
    return [attribute.get("taxonomy_term_id") or "" for attribute in attributes]


def _profile_values(attributes: list) -> dict:
    """The profile's terms found among ``attributes`` and their values, in order."""
    values: dict = {}
    for attribute in attributes:
        term = PROFILE_TERMS.get(attribute.get("taxonomy_term_id") or "")
        if term is not None:
            values.setdefault(term, []).append(_text(attribute, "value"))
    return values


def _first_phone(document: dict) -> str:
    phones = document.get("phones") or []
    return _text(phones[0], "number", 30) if phones else ""


def _age(document: dict, field: str) -> int | None:
    value = document.get(field)
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise RecordError(field, "not a number") from None
    if not number.is_integer() or not 0 <= number <= 120:
        raise RecordError(field, "not an age in whole years between 0 and 120")
    return int(number)


def _hours_identifiers(item: dict) -> list[uuid.UUID]:
    """The identifiers ``_schedules`` gives the rows of a schedule document (any it could)."""
    try:
        identifier = uuid.UUID(str(item.get("id")))
    except ValueError:
        return []
    codes = [code.strip() for code in str(item.get("byday", "")).split(",") if code.strip()]
    return [identifier] + [uuid.UUID(derived(identifier, "byday", code)) for code in codes[1:]]


def _slug_base(name) -> str:
    """The slug ``_unique_slug`` makes from a name, before any "-2"."""
    return slugify(name if isinstance(name, str) else "")[:180] or "voce"


def _slug_of(uri) -> str:
    """The slug of a Linkrete page's address (``…/organizzazioni/<slug>/``), or ""."""
    if not uri or not isinstance(uri, str):
        return ""
    slug = uri.rstrip("/").rsplit("/", 1)[-1][:200]
    return slug if slug and slug.replace("-", "").isalnum() else ""


def _fields(row) -> dict:
    return {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}


def _new_links(row, name: str, targets) -> list:
    """The rows linking a row just created to ``targets`` by its many-to-many field ``name``,
    to insert without reading its links first (it has none). The row's own save has already
    told the ``write_signals`` receivers, which the links' signals would only repeat."""
    field = row._meta.get_field(name)
    through = field.remote_field.through
    source = field.m2m_field_name()
    target = field.m2m_reverse_field_name()
    targets = {target_row.pk for target_row in targets}
    return [through(**{f"{source}_id": row.pk, f"{target}_id": pk}) for pk in targets]


def _municipality_named(city: str, province: str) -> Municipality | None:
    matches = Municipality.objects.filter(name__iexact=city)
    if province:
        matches = matches.filter(province_code=province)
    found = list(matches[:2])
    return found[0] if len(found) == 1 else None


def _address_in_description(document: dict, municipality: Municipality | None) -> str:
    """The address ``mapping`` put in a place's description (no postal code)."""
    description = _text(document, "description")
    if municipality is not None:
        suffix = f", {municipality.name} ({municipality.province_code})"
        if description.endswith(suffix):
            description = description[: -len(suffix)]
    return description[:200]
