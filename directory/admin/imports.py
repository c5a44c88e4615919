"""The "Import" button of the organizations list (django-import-export), and its template.

django-import-export does the reading (CSV, XLSX), the preview with each row's errors, and
the import in one transaction; the resources are in ``directory/onboarding/resources.py``.
Only who may add the model (coordinators) may import. No "Export": a list of 150,000 rows is
not something to build within a request.
"""

import io

import openpyxl
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV, XLSX


class SpreadsheetImportMixin(ImportMixin):
    import_formats = [CSV, XLSX]
    import_template_name = "admin/directory/import.html"

    def has_import_permission(self, request):
        return self.has_add_permission(request)

    def get_urls(self):
        meta = self.model._meta
        return [
            path(
                "import/template.xlsx",
                self.admin_site.admin_view(self.import_template_view),
                name=f"{meta.app_label}_{meta.model_name}_import_template",
            ),
            *super().get_urls(),
        ]

    def import_template_view(self, request):
        """A workbook with the columns the import reads, to fill in."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        resource = self.get_import_resource_classes(request)[0]()
        workbook = openpyxl.Workbook()
        workbook.active.append([field.column_name for field in resource.get_import_fields()])
        out = io.BytesIO()
        workbook.save(out)
        response = HttpResponse(
            out.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        name = self.model._meta.model_name
        response["Content-Disposition"] = f'attachment; filename="modello-{name}.xlsx"'
        return response
