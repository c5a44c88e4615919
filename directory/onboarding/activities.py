"""django-import-export resource: activities from a network's spreadsheet.

Each row is an activity of the organization whose codice fiscale is in
``organization_tax_code``, matched by that organization and its ``title``. Categories, target
groups and languages are written by name or slug (or language code), several in one cell
separated by ";"; the place is one of the organization's places by name, or an address and
town (a new place of the organization if it has none there); the weekly hours are one cell
(``hours_cell``). The template's second sheet explains every column (``TEMPLATE_NOTES``).

Publication: only coordinators import, and a coordinator's own changes skip the review
(``directory.staff.services.revision_submit``); but a file is not read row by row as a
revision is, so new activities arrive as drafts, like imported organizations, unless the
``publication_status`` column says "published". No ``Revision`` is written: the batch and its
records (``batches.py``) are the trail, and undo the way back. The search documents of the
rows written are refreshed by the worker once the import commits, never in the request.
"""

import uuid

from django.core.exceptions import MultipleObjectsReturned, ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets

from directory.models import (
    Activity,
    Category,
    ImportBatch,
    ImportRecord,
    Language,
    Location,
    Organization,
    PublicationStatus,
    TargetGroup,
)
from directory.onboarding import hours_cell
from directory.onboarding.batches import HOURS, RecordedImport, refresh_in_background, set_hours
from directory.onboarding.reading import normalize
from directory.onboarding.resources import ChoiceWidget, MunicipalityWidget, TaxCodeWidget

SEPARATOR = ";"

TEMPLATE_EXAMPLE = {
    "organization_tax_code": "97012345678",
    "title": "Doposcuola del quartiere",
    "summary": "Aiuto nei compiti per ragazze e ragazzi delle medie.",
    "description": "Due pomeriggi alla settimana, con volontari e un'educatrice.",
    "categories": "laboratori; Sostegno alle famiglie",
    "target_groups": "Ragazzi e adolescenti",
    "min_age": 11,
    "max_age": 14,
    "languages": "it; ar",
    "is_free": "sì",
    "fee_description": "",
    "access": "booking",
    "place": "Sede",
    "address": "Via Roma 1",
    "municipality": "Forlì (FC)",
    "hours": hours_cell.EXAMPLE,
    "phone": "0543 000000",
    "email": "",
    "website": "",
    "publication_status": "draft",
}

TEMPLATE_NOTES = {
    "organization_tax_code": gettext_lazy(
        "Required. The codice fiscale of an organization already in the directory."
    ),
    "title": gettext_lazy(
        "Required. With the tax code it finds the activity: the same title updates it."
    ),
    "summary": gettext_lazy("One sentence shown in the search results."),
    "description": gettext_lazy("Required for a new activity."),
    "categories": gettext_lazy(
        "Required for a new activity. Names or slugs of categories, separated by “;”."
    ),
    "target_groups": gettext_lazy("Names or slugs, separated by “;”."),
    "min_age": gettext_lazy("In years; empty if there is none."),
    "max_age": gettext_lazy("In years; empty if there is none."),
    "languages": gettext_lazy("Codes (it, ar) or names, separated by “;”."),
    "is_free": gettext_lazy("“sì” or “no”; empty means free."),
    "fee_description": gettext_lazy("Required when the activity is not free."),
    "access": gettext_lazy("open, booking or referral (or their Italian labels)."),
    "place": gettext_lazy(
        "The name of one of the organization's places; with an address and town, the name of "
        "the place to add if the organization has none at that address."
    ),
    "address": gettext_lazy("Street and number, with the town: a place of the organization."),
    "municipality": gettext_lazy(
        "The town, such as “Forlì” or “Calliano (TN)”, or its ISTAT code."
    ),
    "hours": gettext_lazy(
        "Weekly hours: days and times separated by “;”, such as “lun 15:00-18:00; mer "
        "15:00-18:00” or “lun-ven 9-12, 14:30-17”. They replace the weekly hours the "
        "activity has; empty leaves them."
    ),
    "phone": "",
    "email": "",
    "website": gettext_lazy("A web address starting with https://."),
    "publication_status": gettext_lazy(
        "draft (the default for a new activity), published or archived."
    ),
}


class NamedManyWidget(widgets.ManyToManyWidget):
    """Several records of a small table in one cell, by slug, code or name (either language),
    separated by ";"; the table is read once per import."""

    def __init__(self, model, keys, label):
        super().__init__(model, separator=SEPARATOR)
        self.keys, self.label = keys, label
        self.known = None

    def clean(self, value, row=None, **kwargs):
        names = [
            part.strip() for part in str(value or "").replace("\n", SEPARATOR).split(SEPARATOR)
        ]
        names = [name for name in names if name]
        if not names:
            return None
        if self.known is None:
            # Names first, then codes and slugs, which win: a root category and its child
            # may share a name, never a slug.
            objects = list(self.model.objects.all())
            self.known = {}
            for key in reversed(self.keys):
                self.known.update(
                    {normalize(getattr(obj, key)): obj for obj in objects if getattr(obj, key)}
                )
        unknown = [name for name in names if normalize(name) not in self.known]
        if unknown:
            raise ValueError(
                _("Not a known %(what)s: %(names)s (names or slugs, separated by “;”).")
                % {"what": self.label, "names": ", ".join(f"“{name}”" for name in unknown)}
            )
        return list(
            {self.known[normalize(name)].pk: self.known[normalize(name)] for name in names}.values()
        )

    def render(self, value, obj=None, **kwargs):
        return f"{SEPARATOR} ".join(str(item) for item in value.all()) if value is not None else ""


class YesNoWidget(widgets.Widget):
    YES = {"si", "s", "yes", "y", "true", "1", "x", "vero"}
    NO = {"no", "n", "false", "0", "falso"}

    def clean(self, value, row=None, **kwargs):
        text = normalize(value)
        if not text:
            return None
        if text in self.YES:
            return True
        if text in self.NO:
            return False
        raise ValueError(_("Write “sì” or “no”."))

    def render(self, value, obj=None, **kwargs):
        return "sì" if value else "no"


class CachedOrganizationWidget(widgets.ForeignKeyWidget):
    """An organization by codice fiscale, each looked up once per import."""

    def __init__(self):
        super().__init__(Organization, field="tax_code")
        self.found: dict[str, Organization | None] = {}

    def clean(self, value, row=None, **kwargs):
        code = TaxCodeWidget().clean(value)
        if not code:
            raise ValueError(_("The tax code is missing."))
        if code not in self.found:
            self.found[code] = Organization.objects.filter(tax_code=code).first()
        if self.found[code] is None:
            raise ValueError(
                _("No organization has the tax code %(code)s: import it first.") % {"code": code}
            )
        return self.found[code]

    def render(self, value, obj=None, **kwargs):
        return value.tax_code if value else ""


class ActivityResource(RecordedImport, resources.ModelResource):
    batch_kind = ImportBatch.Kind.ACTIVITIES
    record_field = "activity"
    extra_tracked = ("locations", HOURS)

    organization = fields.Field(
        attribute="organization",
        column_name="organization_tax_code",
        widget=CachedOrganizationWidget(),
    )
    categories = fields.Field(
        attribute="categories",
        column_name="categories",
        widget=NamedManyWidget(Category, ("slug", "name", "name_en"), gettext_lazy("category")),
        saves_null_values=False,
    )
    target_groups = fields.Field(
        attribute="target_groups",
        column_name="target_groups",
        widget=NamedManyWidget(
            TargetGroup, ("slug", "name", "name_en"), gettext_lazy("target group")
        ),
        saves_null_values=False,
    )
    languages = fields.Field(
        attribute="languages",
        column_name="languages",
        widget=NamedManyWidget(Language, ("code", "name", "name_en"), gettext_lazy("language")),
        saves_null_values=False,
    )
    is_free = fields.Field(
        attribute="is_free", column_name="is_free", widget=YesNoWidget(), saves_null_values=False
    )
    access = fields.Field(
        attribute="access",
        column_name="access",
        widget=ChoiceWidget(Activity.Access),
        saves_null_values=False,
    )
    publication_status = fields.Field(
        attribute="publication_status",
        column_name="publication_status",
        widget=ChoiceWidget(PublicationStatus),
        saves_null_values=False,
    )
    # Read by the resource itself (no attribute): the place and the weekly hours.
    place = fields.Field(column_name="place")
    address = fields.Field(column_name="address")
    municipality = fields.Field(column_name="municipality", widget=MunicipalityWidget())
    hours = fields.Field(column_name="hours")

    class Meta:
        model = Activity
        import_id_fields = ["organization", "title"]
        fields = [
            "organization",
            "title",
            "summary",
            "description",
            "categories",
            "target_groups",
            "min_age",
            "max_age",
            "languages",
            "is_free",
            "fee_description",
            "access",
            "place",
            "address",
            "municipality",
            "hours",
            "phone",
            "email",
            "website",
            "publication_status",
        ]
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.places: dict[int, list[Location]] = {}

    def before_import_row(self, row, **kwargs):
        # Checked before the activity is looked up: an error raised while finding it would be
        # shown as a failure with a traceback, not as the row's error.
        try:
            self.fields["organization"].widget.clean(row.get("organization_tax_code"))
        except ValueError as error:
            raise ValidationError({"organization": str(error)}) from None
        if not str(row.get("title") or "").strip():
            raise ValidationError({"title": _("The title is missing.")})

    def get_instance(self, instance_loader, row):
        try:
            return super().get_instance(instance_loader, row)
        except MultipleObjectsReturned:
            raise ValidationError(
                {
                    "title": _(
                        "The organization has several activities with this title: give them "
                        "different titles first."
                    )
                }
            ) from None

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        self.place, self.slots = None, None
        if new:
            instance.publication_status = PublicationStatus.DRAFT

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # Checked now, with the other cells: django-import-export saves them after the
        # activity, where a bad cell would show as a failure instead of the row's error.
        for name in ("categories", "target_groups", "languages"):
            field = self.fields[name]
            value = None
            if field.column_name in row:
                try:
                    value = field.clean(row)
                except ValueError as error:
                    errors[name] = [ValidationError(str(error))]
                    continue
            if name == "categories" and not value and instance.pk is None:
                errors[name] = [ValidationError(_("Give at least one category."))]
        if "hours" in row and HOURS not in self.staff_owned:
            try:
                self.slots = hours_cell.parse(row["hours"]) or None
            except hours_cell.HoursError as error:
                errors["hours"] = [ValidationError(str(error))]
        if "locations" not in self.staff_owned and "organization" not in errors:
            try:
                self.place = self._place(instance.organization, row)
            except ValueError as error:
                errors["place"] = [ValidationError(str(error))]
        if not instance.pk and instance.title and not instance.slug:
            instance.slug = self._slug(instance.title)
        if errors:
            raise ValidationError(errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """As django-import-export's, without the queries of the check constraints (four a
        row): ``Activity.clean`` checks the same rules, the age limit is checked here, and the
        slug was made free (``_slug``)."""
        errors = dict(import_validation_errors or {})
        if instance.max_age is not None and instance.max_age > 120:
            errors.setdefault("max_age", []).append(
                ValidationError(_("The maximum age cannot be above 120."))
            )
        try:
            instance.full_clean(
                exclude=list(errors), validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged: the row writes nothing new (django-import-export's own check reads the
        many-to-many cells again and takes an empty one for "none")."""
        if instance.pk is None or import_validation_errors:
            return False
        if self.slots is not None:
            current = [tuple(slot[:3]) for slot in self.before.get(HOURS, [])]
            wanted = [
                (s.weekday, s.opens_at.isoformat(), s.closes_at.isoformat()) for s in self.slots
            ]
            if current != wanted:
                return False
        if self.place is not None and (
            self.place.pk is None or self.place.pk not in self.before.get("locations", [])
        ):
            return False
        for field in self.get_import_fields():
            if not field.attribute:
                continue
            if isinstance(field.widget, widgets.ManyToManyWidget):
                if field.column_name not in row or field.attribute in self.staff_owned:
                    continue
                value = field.clean(row)
                if value is not None and sorted(v.pk for v in value) != self.before.get(
                    field.attribute
                ):
                    return False
            elif field.get_value(instance) != field.get_value(original):
                return False
        return True

    def _place(self, organization: Organization, row) -> Location | None:
        name = str(row.get("place") or "").strip()
        address = str(row.get("address") or "").strip()
        if not name and not address:
            return None
        if organization.pk not in self.places:
            self.places[organization.pk] = list(organization.locations.all())
        places = self.places[organization.pk]
        if not address:
            for place in places:
                if normalize(place.name) == normalize(name):
                    return place
            raise ValueError(
                _(
                    "The organization has no place called “%(name)s”: give its address and "
                    "town to add it."
                )
                % {"name": name}
            )
        municipality = self.fields["municipality"].clean(row)
        if municipality is None:
            raise ValueError(_("Give the town of the address."))
        for place in places:
            if (
                normalize(place.address) == normalize(address)
                and place.municipality_id == municipality.pk
            ):
                return place
        place = Location(
            organization=organization,
            name=(name or address)[:200],
            address=address[:200],
            municipality=municipality,
        )
        place.full_clean(exclude=["organization"])
        places.append(place)
        return place

    def _slug(self, title: str) -> str:
        base = slugify(title)[:180] or "attivita"
        if not Activity.objects.filter(slug=base).exists():
            return base
        # A common title ("Doposcuola") is taken hundreds of times: no counting up to it.
        while True:
            slug = f"{base}-{uuid.uuid4().hex[:6]}"
            if not Activity.objects.filter(slug=slug).exists():
                return slug

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        if self._is_dry_run(kwargs) and not self._is_using_transactions(kwargs):
            return
        if self.place is not None:
            if self.place.pk is None:
                self.place.save()
                self.records.append(
                    ImportRecord(
                        batch=self.batch,
                        organization_id=instance.organization_id,
                        location=self.place,
                        action=ImportRecord.Action.CREATED,
                    )
                )
            instance.locations.add(self.place)
        if self.slots is not None:
            set_hours(instance, [(s.weekday, s.opens_at, s.closes_at, None) for s in self.slots])

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not kwargs.get("dry_run") and self.touched_ids:
            refresh_in_background(
                "activities",
                self.touched_ids,
                label=_("Activities imported: %(file)s") % {"file": self.batch.file_name},
            )
