"""The "Import" button of the organizations, places and activities lists (django-import-export),
and their templates (XLSX and CSV, with the resource module's example row and notes).

django-import-export does the reading (CSV, XLSX), the preview with each row's errors, and
the import in one transaction; the resources are in ``directory/onboarding/`` and record each
import as a batch, undone from its page in "Imports".
Only who may add the model (coordinators) may import. No "Export": a list of 150,000 rows is
not something to build within a request.
"""

import csv
import io
from functools import partial
from importlib import import_module

import openpyxl
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV, XLSX

from directory.models import ImportBatch
from directory.tasks import import_immediate_bytes, run_import_later

# As the RUNTS import's (directory/admin/onboarding.py).
MAX_UPLOAD_BYTES = 30 * 1024 * 1024


class SpreadsheetImportMixin(ImportMixin):
    import_formats = [CSV, XLSX]
    import_template_name = "admin/directory/import.html"

    def has_import_permission(self, request):
        return self.has_add_permission(request)

    def import_action(self, request, **kwargs):
        """A large file is not previewed within the request: it becomes a batch that the worker
        checks (a dry run), whose page lists the errors by row, or offers "Import it"."""
        upload = request.FILES.get("import_file")
        if (
            request.method == "POST"
            and upload is not None
            and upload.size > self._immediate_bytes(request)
            and self.has_import_permission(request)
        ):
            form = self.create_import_form(request)
            if form.is_valid():
                if upload.size > MAX_UPLOAD_BYTES:
                    messages.error(
                        request,
                        gettext("The file is larger than %(size)d MB: split it in parts.")
                        % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)},
                    )
                    return HttpResponseRedirect(self._import_url())
                resource_class = self.choose_import_resource_class(form, request)
                batch = ImportBatch.objects.create(
                    kind=resource_class.batch_kind,
                    file_name=upload.name[:200],
                    source=upload.read(),
                    dry_run=True,
                    created_by=request.user,
                )
                run_import_later(batch)
                messages.info(
                    request,
                    gettext(
                        "The file is large: the worker checks it in the background, and this "
                        "page shows the errors by row, or what the import would do."
                    ),
                )
                return HttpResponseRedirect(
                    reverse("admin:directory_importbatch_change", args=[batch.pk])
                )
        return super().import_action(request, **kwargs)

    def _immediate_bytes(self, request) -> int:
        kinds = {resource.batch_kind for resource in self.get_import_resource_classes(request)}
        return min(import_immediate_bytes(kind) for kind in kinds)

    def get_urls(self):
        meta = self.model._meta
        return [
            path(
                "import/template.xlsx",
                self.admin_site.admin_view(self.import_template_view),
                name=f"{meta.app_label}_{meta.model_name}_import_template",
            ),
            path(
                "import/template.csv",
                self.admin_site.admin_view(partial(self.import_template_view, as_csv=True)),
                name=f"{meta.app_label}_{meta.model_name}_import_template_csv",
            ),
            *super().get_urls(),
        ]

    def import_template_view(self, request, as_csv=False):
        """The columns the import reads, to fill in, with the resource's example row if it has
        one; the workbook adds a sheet of notes, one line a column."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        resource_class = self.get_import_resource_classes(request)[0]
        module = import_module(resource_class.__module__)
        example = getattr(module, "TEMPLATE_EXAMPLE", {})
        notes = getattr(module, "TEMPLATE_NOTES", {})
        columns = [field.column_name for field in resource_class().get_import_fields()]
        rows = [columns]
        if example:
            rows.append([example.get(column, "") for column in columns])
        name = f"modello-{self.model._meta.model_name}"
        if as_csv:
            out = io.StringIO()
            csv.writer(out).writerows(rows)
            response = HttpResponse(out.getvalue().encode("utf-8-sig"), content_type="text/csv")
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
            return response
        workbook = openpyxl.Workbook()
        for row in rows:
            workbook.active.append(row)
        if notes:
            sheet = workbook.create_sheet(gettext("Notes"))
            sheet.append([gettext("column"), gettext("what to write")])
            for column in columns:
                sheet.append([column, str(notes.get(column, ""))])
        out = io.BytesIO()
        workbook.save(out)
        response = HttpResponse(
            out.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The file changed since its preview, or the data did: nothing was imported.
            messages.error(
                request,
                gettext(
                    "Some rows are no longer valid, so nothing was imported: upload the file "
                    "again to see them."
                ),
            )
            return HttpResponseRedirect(self._import_url())
        response = super().process_result(result, request)
        batch_id = getattr(result, "batch_id", None)
        if batch_id:
            messages.info(
                request,
                format_html(
                    gettext(
                        'The import is recorded, and can be undone, on <a href="{}">its page</a>.'
                    ),
                    reverse("admin:directory_importbatch_change", args=[batch_id]),
                ),
            )
        return response

    def _import_url(self):
        meta = self.model._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_import")
