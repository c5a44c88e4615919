"""The admin's RUNTS import: upload (dry run first), a batch's report and progress, undo.

Coordinators only (their group's model permissions): anyone else who reaches the admin gets
403, and a batch that does not exist 404. A small file runs within the request; a large one goes
to the worker and its page shows how far it got (``directory.tasks.run_import_later``).
"""

import io

import openpyxl
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from directory.models import ImportBatch
from directory.onboarding.batches import rows_read
from directory.onboarding.runts import TEMPLATE_HEADINGS
from directory.onboarding.services import CannotUndo, undo_import, undoable
from directory.tasks import run_import_later
from linkrete.admin_scope import PlatformAdmin

# The RUNTS list of all Italy is about 15 MB as XLSX; a network's is far smaller.
MAX_UPLOAD_BYTES = 30 * 1024 * 1024
TEMPLATE_EXAMPLE = ["97012345678", "Associazione Esempio ODV", "A", "No", "Forlì", "FC", "12345"]


class RuntsUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File of the RUNTS list (.xlsx or .csv)"),
        help_text=_(
            "The first row holds the headings: codice fiscale, denominazione, sezione, rete "
            "associativa, comune, provincia, numero di repertorio (the template has them)."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: check the file and count what would change, import nothing"),
        required=False,
        initial=True,
    )
    skip_errors = forms.BooleanField(
        label=_("Skip the rows with errors and import the others"),
        required=False,
        help_text=_("Otherwise a file with even one bad row imports nothing."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise ValidationError(_("Upload an Excel (.xlsx) or CSV (.csv) file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("The file is larger than %(size)d MB: split it in parts.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload


@admin.register(ImportBatch)
class ImportBatchAdmin(PlatformAdmin, admin.ModelAdmin):
    list_display = [
        "file_name",
        "kind",
        "status",
        "progress",
        "created",
        "updated",
        "error_count",
    ]
    list_filter = ["kind", "status"]
    search_fields = ["file_name"]
    ordering = ["-created_at", "-pk"]

    def get_queryset(self, request):
        # Never the file itself in a list.
        return super().get_queryset(request).defer("source")

    # Coordinators only, through the model permissions their group carries (``sync_roles``),
    # already loaded for the rest of the admin; no one edits or deletes a batch by hand: the
    # undo is the way back.
    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("progress"))
    def progress(self, batch):
        return f"{batch.checked_rows} / {batch.total_rows}" if batch.total_rows else "—"

    @admin.display(description=_("errors"))
    def error_count(self, batch):
        return len(batch.errors)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "template.xlsx",
                wrap(self.template_view),
                name="directory_importbatch_template",
            ),
            path("<int:pk>/import/", wrap(self.import_view), name="directory_importbatch_import"),
            path("<int:pk>/undo/", wrap(self.undo_view), name="directory_importbatch_undo"),
            *super().get_urls(),
        ]

    def _check(self, request):
        if not (self.has_view_permission(request) and self.has_add_permission(request)):
            raise PermissionDenied

    def _batch(self, pk):
        return get_object_or_404(
            ImportBatch.objects.defer("source").select_related("created_by"), pk=pk
        )

    def _page(self, request, template, title, **context):
        return TemplateResponse(
            request,
            f"admin/directory/importbatch/{template}",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": title,
                **context,
            },
        )

    def add_view(self, request, form_url="", extra_context=None):
        self._check(request)
        form = RuntsUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            batch = ImportBatch.objects.create(
                kind=ImportBatch.Kind.RUNTS,
                file_name=upload.name[:200],
                source=upload.read(),
                dry_run=form.cleaned_data["dry_run"],
                skip_errors=form.cleaned_data["skip_errors"],
                created_by=request.user,
            )
            return self._run(request, batch)
        return self._page(
            request,
            "upload.html",
            _("Import the RUNTS list of enrolled bodies"),
            form=form,
            template_url=reverse("admin:directory_importbatch_template"),
        )

    def _run(self, request, batch):
        if run_import_later(batch):
            messages.info(
                request,
                _(
                    "The file is large: the worker imports it in the background. This page "
                    "shows how far it got."
                ),
            )
        return HttpResponseRedirect(reverse("admin:directory_importbatch_change", args=[batch.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._check(request)
        if not str(object_id).isdigit():
            raise Http404
        batch = self._batch(object_id)
        return self._page(
            request,
            "detail.html",
            str(batch),
            batch=batch,
            can_import=batch.status == ImportBatch.Status.CHECKED,
            can_undo=undoable(batch),
            rows_read=None if batch.is_finished else rows_read(batch),
        )

    def import_view(self, request, pk):
        """Import for real a file that a dry run has checked."""
        self._check(request)
        checked = get_object_or_404(ImportBatch, pk=pk, status=ImportBatch.Status.CHECKED)
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:directory_importbatch_change", args=[pk]))
        if checked.source is None:
            messages.error(request, _("The file is no longer kept: upload it again."))
            return HttpResponseRedirect(reverse("admin:directory_importbatch_add"))
        batch = ImportBatch.objects.create(
            kind=checked.kind,
            file_name=checked.file_name,
            source=checked.source,
            skip_errors=checked.skip_errors,
            created_by=request.user,
        )
        checked.source = None
        checked.save(update_fields=["source"])
        return self._run(request, batch)

    def undo_view(self, request, pk):
        self._check(request)
        batch = self._batch(pk)
        if request.method == "POST":
            try:
                count = undo_import(batch=batch)
            except CannotUndo as refused:
                messages.error(request, str(refused))
            else:
                messages.success(
                    request,
                    ngettext(
                        "Import undone: %(count)d record deleted or put back as it was.",
                        "Import undone: %(count)d records deleted or put back as they were.",
                        count,
                    )
                    % {"count": count},
                )
                batch.refresh_from_db(fields=["kept_at_undo"])
                if batch.kept_at_undo:
                    messages.warning(
                        request,
                        ngettext(
                            "%(count)d record was edited by staff since the import and is left "
                            "as they edited it: see the list on this page.",
                            "%(count)d records were edited by staff since the import and are "
                            "left as they edited them: see the list on this page.",
                            len(batch.kept_at_undo),
                        )
                        % {"count": len(batch.kept_at_undo)},
                    )
            return HttpResponseRedirect(reverse("admin:directory_importbatch_change", args=[pk]))
        return self._page(
            request,
            "undo.html",
            _("Undo the import of %(file)s") % {"file": batch.file_name},
            batch=batch,
            can_undo=undoable(batch),
        )

    def template_view(self, request):
        """An empty RUNTS-shaped workbook with one example row, to fill in or compare with."""
        self._check(request)
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.title = "Enti"
        sheet.append(TEMPLATE_HEADINGS)
        sheet.append(TEMPLATE_EXAMPLE)
        out = io.BytesIO()
        workbook.save(out)
        response = HttpResponse(
            out.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="modello-runts.xlsx"'
        return response
