"""What the tests of the admin's spreadsheet imports (django-import-export) share: a CSV made
of rows, its upload to an "Import" page, and the confirmation of the preview it gives."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from import_export.formats.base_formats import CSV


def csv_bytes(headings, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headings)
    writer.writerows(rows)
    return out.getvalue().encode()


def upload(client, url, content, name, file_format=CSV):
    """The preview of ``content`` (what the page answers to the "Import" form)."""
    return client.post(
        url,
        {"import_file": SimpleUploadedFile(name, content), "format": file_format, "resource": 0},
    )


def confirm(client, url, response):
    """The import of what ``response``'s preview showed, posted to ``url`` (process_import)."""
    form = response.context["confirm_form"]
    return client.post(url, {**form.initial, "resource": 0})
