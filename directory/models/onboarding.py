"""Bulk onboarding: a file of bodies imported as one batch, what it did, and how to undo it.

``ImportBatch`` keeps the uploaded file until it has run (a large one waits for the worker),
the per-row errors and the counts; ``ImportRecord`` what each row created or changed, with the
values it replaced, so a whole batch can be reverted. ``RegistryEntry`` is what the RUNTS said
of a body at the last import, field by field: a later import changes a field only while the
organization still holds the value imported last time, so staff edits survive it.
See ``directory/onboarding/``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.activity import Activity
from directory.models.organization import Location, Organization
from directory.models.territory import Municipality


class ImportBatch(models.Model):
    class Kind(models.TextChoices):
        RUNTS = "runts", _("RUNTS list of enrolled bodies")
        # The admin's "Import" on the organizations, places and activities lists
        # (django-import-export, directory/onboarding/batches.py).
        ORGANIZATIONS = "organizations", _("spreadsheet of organizations")
        LOCATIONS = "locations", _("spreadsheet of places")
        ACTIVITIES = "activities", _("spreadsheet of activities")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for the worker")
        RUNNING = "running", _("running")
        CHECKED = "checked", _("checked, nothing imported (dry run)")
        REJECTED = "rejected", _("rejected: rows with errors, nothing imported")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed, nothing imported")
        UNDONE = "undone", _("undone")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.RUNTS)
    file_name = models.CharField(_("file"), max_length=200)
    # The file itself until it has run: the worker reads it from here, not from a disk that
    # another machine may not share. Erased once the batch has run (``directory/retention.py``).
    source = models.BinaryField(_("file contents"), null=True, blank=True, editable=False)
    dry_run = models.BooleanField(_("dry run"), default=False)
    skip_errors = models.BooleanField(_("skip the rows with errors"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, db_index=True
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    checked_rows = models.PositiveIntegerField(_("rows checked"), default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    kept_edits = models.PositiveIntegerField(
        _("staff edits kept"),
        default=0,
        help_text=_("Fields left as staff edited them, although the file has another value."),
    )
    # [{"row": 12, "column": "Codice fiscale", "message": "…"}, …], the row as numbered in
    # the spreadsheet (the headings are row 1).
    errors = models.JSONField(_("errors"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    # What the undo left because staff changed it after the import: [{"model": "activity",
    # "pk": 12, "label": "Doposcuola"}, …].
    kept_at_undo = models.JSONField(_("left as staff edited them"), default=list, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.file_name

    @property
    def is_finished(self) -> bool:
        return self.status not in (self.Status.PENDING, self.Status.RUNNING)


class ImportRecord(models.Model):
    """One organization, place or activity a batch created or changed, with the values it
    replaced and (spreadsheet imports) the values it wrote: a record whose values are no longer
    the written ones was edited by staff since."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        UPDATED = "updated", _("updated")

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="records")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="+", verbose_name=_("organization")
    )
    # Set for a place or an activity; ``organization`` is then the one it belongs to.
    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("location"),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("activity"),
    )
    action = models.CharField(_("action"), max_length=10, choices=Action)
    # For an update: {"organization": {field: old value}, "entry": {field: old value} | None}
    # (RUNTS), or {field: old value} (spreadsheets, directory/onboarding/batches.py).
    previous = models.JSONField(default=dict, blank=True)
    # Spreadsheets: {field: value written}, every imported field of a record it created.
    written = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("imported row")
        verbose_name_plural = _("imported rows")

    def __str__(self):
        return f"{self.get_action_display()}: {self.organization_id}"


class RegistryEntry(models.Model):
    """What the RUNTS list said of an organization at the last import."""

    organization = models.OneToOneField(
        Organization,
        on_delete=models.CASCADE,
        related_name="registry_entry",
        verbose_name=_("organization"),
    )
    section = models.CharField(_("RUNTS section"), max_length=1)
    is_network = models.BooleanField(_("associative network qualification"), default=False)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality of the registered office"),
    )
    # The organization's fields as the last import wrote them: {"name": …, "legal_form": …,
    # "runts_number": …}. A field whose value differs from this one was edited by staff.
    imported_values = models.JSONField(default=dict)
    imported_at = models.DateTimeField(_("last imported at"), auto_now=True)

    class Meta:
        verbose_name = _("RUNTS entry")
        verbose_name_plural = _("RUNTS entries")

    def __str__(self):
        return str(self.organization_id)
