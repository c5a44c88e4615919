"""django-import-export resources: organizations and places from a network's spreadsheets
(activities: ``activities.py``). Each import is a batch that can be undone (``batches.py``).

The admin's "Import" button on the organizations list uses it: django-import-export reads the
file, shows a preview with each row's errors (row number and field) before anything is saved,
and imports in one transaction. Organizations are matched by codice fiscale; new ones get a
slug from ``unique_slug`` and arrive as drafts unless the file says otherwise.
"""

import re

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from directory.models import (
    ImportBatch,
    LegalForm,
    Location,
    Municipality,
    Organization,
    PublicationStatus,
    SearchRefresh,
)
from directory.onboarding.batches import RecordedImport
from directory.onboarding.reading import normalize
from directory.onboarding.runts import MunicipalityFinder
from directory.staff.slugs import unique_slug
from directory.tasks import refresh_search_later
from directory.validators import normalize_tax_code


class ChoiceWidget(widgets.Widget):
    """A choice as a person types it: its code or its label, in either language, any case."""

    def __init__(self, choices, **kwargs):
        super().__init__(**kwargs)
        self.choices = choices

    def clean(self, value, row=None, **kwargs):
        text = normalize(value)
        if not text:
            return None
        for code, label in self.choices.choices:
            with translation.override("en"):
                english = normalize(label)
            if text in (normalize(code), normalize(label), english):
                return code
        raise ValueError(
            _("“%(value)s” is not one of the choices: %(choices)s.")
            % {"value": value, "choices": ", ".join(code for code, _label in self.choices.choices)}
        )

    def render(self, value, obj=None, **kwargs):
        return value or ""


class TaxCodeWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        code = normalize_tax_code(super().clean(value, row, **kwargs))
        # Excel drops the leading zeros of a code it takes for a number.
        return code.zfill(11) if code.isdigit() and len(code) < 11 else code


class OrganizationResource(RecordedImport, resources.ModelResource):
    batch_kind = ImportBatch.Kind.ORGANIZATIONS
    record_field = "organization"

    tax_code = fields.Field(attribute="tax_code", column_name="tax_code", widget=TaxCodeWidget())
    # An empty cell leaves the value as it is (a new organization: a draft, no legal form).
    legal_form = fields.Field(
        attribute="legal_form",
        column_name="legal_form",
        widget=ChoiceWidget(LegalForm),
        saves_null_values=False,
    )
    status = fields.Field(
        attribute="status",
        column_name="status",
        widget=ChoiceWidget(PublicationStatus),
        saves_null_values=False,
    )

    class Meta:
        model = Organization
        import_id_fields = ["tax_code"]
        fields = [
            "tax_code",
            "name",
            "legal_form",
            "runts_number",
            "description",
            "social_utility",
            "website",
            "email",
            "phone",
            "status",
        ]
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True

    def before_import_row(self, row, **kwargs):
        # A row without a tax code would match no one and could not be matched next time.
        if not normalize_tax_code(str(row.get("tax_code") or "")):
            raise ValueError(_("The tax code is missing."))

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if kwargs.get("dry_run"):
            return
        updated = [row.object_id for row in result.rows if row.import_type == "update"]
        # Activities carry their organization's name in their search documents.
        refresh_search_later(
            SearchRefresh.Scope.ORGANIZATION, updated, label=_("Organizations imported")
        )

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        if new:
            # Drafts, for the network to check before publishing, unless the file says.
            instance.status = PublicationStatus.DRAFT

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            # Also when a cell was refused: the row's report then lists only real errors.
            if not instance.pk and instance.name and not instance.slug:
                instance.slug = unique_slug(Organization, instance.name)


class OrganizationByTaxCodeWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Organization, field="tax_code")

    def clean(self, value, row=None, **kwargs):
        code = TaxCodeWidget().clean(value)
        if not code:
            raise ValueError(_("The tax code is missing."))
        try:
            return Organization.objects.get(tax_code=code)
        except Organization.DoesNotExist:
            raise ValueError(
                _("No organization has the tax code %(code)s: import it first.") % {"code": code}
            ) from None


class MunicipalityWidget(widgets.ForeignKeyWidget):
    """A town as a person types it: "Forlì", "forli (FC)", "Calliano (TN)" or its ISTAT code."""

    def __init__(self):
        super().__init__(Municipality, field="istat_code")
        self.finder = None

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return None
        if text.isdigit():
            return super().clean(text.zfill(6), row, **kwargs)
        if self.finder is None:
            self.finder = MunicipalityFinder()
        match = re.fullmatch(r"(.+?)\s*\(([^)]*)\)", text)
        name, province = (match.group(1), match.group(2)) if match else (text, "")
        pk, reason = self.finder.find(name, province)
        if reason:
            raise ValueError(reason)
        return Municipality.objects.get(pk=pk)

    def render(self, value, obj=None, **kwargs):
        return str(value) if value else ""


class LocationResource(RecordedImport, resources.ModelResource):
    """Places, matched by their organization's tax code and their name."""

    batch_kind = ImportBatch.Kind.LOCATIONS
    record_field = "location"

    organization = fields.Field(
        attribute="organization",
        column_name="organization_tax_code",
        widget=OrganizationByTaxCodeWidget(),
    )
    municipality = fields.Field(
        attribute="municipality", column_name="municipality", widget=MunicipalityWidget()
    )
    kind = fields.Field(
        attribute="kind",
        column_name="kind",
        widget=ChoiceWidget(Location.Kind),
        saves_null_values=False,
    )

    class Meta:
        model = Location
        import_id_fields = ["organization", "name"]
        fields = [
            "organization",
            "name",
            "kind",
            "address",
            "postal_code",
            "municipality",
            "url",
            "wheelchair_accessible",
            "accessibility_notes",
            "transport_notes",
        ]
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True

    def before_import_row(self, row, **kwargs):
        # Checked here, not only by the widget: an error raised while looking the place up
        # would be shown as a failure with a traceback instead of a row's field error.
        code = TaxCodeWidget().clean(row.get("organization_tax_code"))
        if not code:
            raise ValidationError({"organization": _("The tax code is missing.")})
        if not Organization.objects.filter(tax_code=code).exists():
            raise ValidationError(
                {
                    "organization": _("No organization has the tax code %(code)s: import it first.")
                    % {"code": code}
                }
            )

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if kwargs.get("dry_run"):
            return
        updated = [row.object_id for row in result.rows if row.import_type == "update"]
        # A moved place moves its activities in the search.
        for pk in updated:
            refresh_search_later(SearchRefresh.Scope.LOCATION, [pk], label=_("Places imported"))
