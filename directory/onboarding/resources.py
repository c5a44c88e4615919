"""django-import-export resources: organizations from a network's own spreadsheet (CSV, XLSX).

The admin's "Import" button on the organizations list uses it: django-import-export reads the
file, shows a preview with each row's errors (row number and field) before anything is saved,
and imports in one transaction. Organizations are matched by codice fiscale; new ones get a
slug from ``unique_slug`` and arrive as drafts unless the file says otherwise.
"""

from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from directory.models import LegalForm, Organization, PublicationStatus, SearchRefresh
from directory.onboarding.reading import normalize
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
            if text in (normalize(code), normalize(label), normalize(_(str(label)))):
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


class OrganizationResource(resources.ModelResource):
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
        if kwargs.get("dry_run"):
            return
        updated = [row.object_id for row in result.rows if row.import_type == "update"]
        # Activities carry their organization's name in their search documents.
        refresh_search_later(
            SearchRefresh.Scope.ORGANIZATION, updated, label=_("Organizations imported")
        )

    def after_init_instance(self, instance, new, row, **kwargs):
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
