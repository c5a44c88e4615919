"""Spreadsheet imports (django-import-export) recorded as batches, kept from staff edits, undone.

django-import-export has no undo of its own (its admin writes Django's plain log only), so
its imports are recorded the way the RUNTS import is: ``RecordedImport``, mixed into a
resource, opens an ``ImportBatch`` when the import starts and adds an ``ImportRecord`` per row
that created or changed a record, with the values it replaced (``previous``) and the values it
wrote (``written``). All of it is written in the import's transaction: a preview (dry run) or
an import that fails leaves no batch.

The written values serve twice:

- a later import of the same record leaves each field whose value is no longer the one the
  last import wrote (staff edited it since), and counts it under "staff edits kept"; a record
  never imported takes the file's values, as the coordinator asked;
- ``undo_spreadsheet_import`` deletes what the batch created and puts back what it changed,
  except a record whose values are no longer the written ones: that one is left as staff
  edited it and listed on the batch (``kept_at_undo``).

Values are stored as JSON: a relation by primary key, many-to-many as sorted primary keys,
dates as ISO strings, and an activity's weekly hours (``HOURS``) as rows.
"""

import datetime
from collections.abc import Iterable

from django.core.cache import cache
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import widgets
from import_export.results import RowResult

from directory.models import (
    Activity,
    ImportBatch,
    ImportRecord,
    Location,
    OpeningSlot,
    Organization,
    SearchRefresh,
)

# An activity's weekly hours: not a model field, tracked like one.
HOURS = "hours"
CHUNK = 1000


def snapshot(instance, names: Iterable[str]) -> dict:
    """The values of ``names`` on ``instance`` as JSON (as stored now, for relations)."""
    values = {}
    for name in names:
        if name == HOURS:
            values[name] = _hours(instance)
            continue
        field = instance._meta.get_field(name)
        if field.many_to_many:
            values[name] = (
                sorted(getattr(instance, name).values_list("pk", flat=True)) if instance.pk else []
            )
        elif field.is_relation:
            values[name] = getattr(instance, field.attname)
        else:
            value = field.value_from_object(instance)
            if isinstance(value, datetime.date | datetime.time):
                value = value.isoformat()
            values[name] = value
    return values


def _hours(activity) -> list:
    if not activity.pk:
        return []
    return [
        [slot.weekday, slot.opens_at.isoformat(), slot.closes_at.isoformat(), slot.location_id]
        for slot in OpeningSlot.objects.filter(
            activity=activity, valid_from__isnull=True, valid_to__isnull=True
        ).order_by("weekday", "opens_at", "closes_at", "pk")
    ]


def restore(instance, values: dict) -> None:
    """Put ``values`` (as ``snapshot`` made them) back on ``instance`` and save it."""
    plain, related = {}, {}
    for name, value in values.items():
        if name == HOURS:
            related[name] = value
            continue
        field = instance._meta.get_field(name)
        if field.many_to_many:
            related[name] = value
        elif field.is_relation:
            plain[field.attname] = value
        else:
            plain[name] = field.to_python(value)
    for attname, value in plain.items():
        setattr(instance, attname, value)
    if plain:
        fields = list(plain)
        if any(f.name == "updated_at" for f in instance._meta.concrete_fields):
            fields.append("updated_at")
        instance.save(update_fields=fields)
    for name, value in related.items():
        if name == HOURS:
            set_hours(
                instance, [(day, opens, closes, place) for day, opens, closes, place in value]
            )
        else:
            getattr(instance, name).set(value)


def set_hours(activity, slots) -> None:
    """Replace the activity's weekly hours (those without validity dates) with ``slots``:
    (weekday, opens_at, closes_at, location id) tuples, times as ``time`` or ISO strings."""
    OpeningSlot.objects.filter(
        activity=activity, valid_from__isnull=True, valid_to__isnull=True
    ).delete()
    OpeningSlot.objects.bulk_create(
        [
            OpeningSlot(
                activity=activity,
                weekday=day,
                opens_at=opens
                if isinstance(opens, datetime.time)
                else datetime.time.fromisoformat(opens),
                closes_at=closes
                if isinstance(closes, datetime.time)
                else datetime.time.fromisoformat(closes),
                location_id=place,
            )
            for day, opens, closes, place in slots
        ]
    )


def last_written(records: Iterable[ImportRecord]) -> dict:
    """What the imports wrote last, field by field, from a record's import records."""
    values: dict = {}
    for record in sorted(records, key=lambda r: r.pk, reverse=True):
        for name, value in record.written.items():
            values.setdefault(name, value)
    return values


# A spreadsheet is imported in one transaction, so the batch's own row cannot show how far the
# worker got before the end: the rows read so far go to the cache (not transactional) every
# PROGRESS_EVERY rows, for the batch's page (``rows_read``).
PROGRESS_EVERY = 50


def _progress_key(batch_pk: int) -> str:
    return f"directory:import-progress:{batch_pk}"


def rows_read(batch) -> tuple[int, int] | None:
    """(rows read, rows in the file) of a spreadsheet import under way (None: unknown yet)."""
    return cache.get(_progress_key(batch.pk))


class RecordedImport:
    """Mixed into a ``ModelResource`` (before it): the import becomes an undoable batch.

    A resource says its ``batch_kind``, which record field an ``ImportRecord`` points with
    (``record_field``: "organization", "location", "activity"), and may add ``extra_tracked``
    names (an activity's ``HOURS``); the tracked fields are otherwise its import fields'.
    ``import_field`` leaves a field staff edited since the last import.
    """

    batch_kind: str
    record_field: str
    extra_tracked: tuple[str, ...] = ()

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        # An empty cell of a text field is an empty text (django-import-export reads it as
        # None, which the database refuses, for a TextField: it knows CharField only).
        if isinstance(f, models.TextField):
            return widgets.CharWidget
        return super().widget_from_django_field(f, default)

    def tracked_fields(self) -> list[str]:
        if getattr(self, "_tracked", None) is None:
            self._tracked = self._tracked_fields()
        return self._tracked

    def _tracked_fields(self) -> list[str]:
        names = []
        model_fields = {f.name for f in self._meta.model._meta.get_fields()}
        for field in self.get_import_fields():
            if field.attribute in model_fields and field.attribute not in names:
                names.append(field.attribute)
        return [*names, *self.extra_tracked]

    def import_data(self, dataset, *args, **kwargs):
        # A row refused when the import is confirmed (the data changed since the preview)
        # must not leave the others imported: all or nothing.
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, *args, **kwargs)

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        user = kwargs.get("user")
        # The worker's run of a large file has its batch already (services.import_spreadsheet).
        self.batch = getattr(self, "given_batch", None) or ImportBatch.objects.create(
            kind=self.batch_kind,
            file_name=str(kwargs.get("file_name") or "")[:200],
            dry_run=bool(kwargs.get("dry_run")),
            status=ImportBatch.Status.RUNNING,
            total_rows=len(dataset),
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        self.records: list[ImportRecord] = []
        self.kept_edits = 0
        self.rows_read, self.rows_total = 0, len(dataset)
        self.touched_ids: list[int] = []

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        self.current = instance
        self.before = None if new else snapshot(instance, self.tracked_fields())
        self.staff_owned: set[str] = set()
        if not new:
            own = {self.record_field: instance}
            if self.record_field == "organization":
                # Not the records of its places and activities.
                own.update(location__isnull=True, activity__isnull=True)
            imported = last_written(
                ImportRecord.objects.filter(**own, batch__status=ImportBatch.Status.DONE).only(
                    "pk", "written"
                )
            )
            self.staff_owned = {
                name
                for name, value in imported.items()
                if name in self.before and self.before[name] != value
            }

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        if field.attribute in getattr(self, "staff_owned", ()) and field.column_name in row:
            if self._differs(field, instance, row):
                self.kept_edits += 1
            return
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def _differs(self, field, instance, row) -> bool:
        try:
            value = field.clean(row)
        except ValueError:
            return False
        if value is None:
            return False
        if isinstance(value, list | models.QuerySet):
            return sorted(item.pk for item in value) != self.before.get(field.attribute)
        current = field.get_value(instance)
        return value not in (None, "") and value != current

    def after_import_row(self, row, row_result, **kwargs):
        super().after_import_row(row, row_result, **kwargs)
        self.rows_read += 1
        if self.rows_read % PROGRESS_EVERY == 0:
            progress = (self.rows_read, self.rows_total)
            cache.set(_progress_key(self.batch.pk), progress, 60 * 60)
        instance, self.current = getattr(self, "current", None), None
        # A dry run (the preview) is rolled back: its counts are the result's, no records.
        if instance is None or instance.pk is None or kwargs.get("dry_run"):
            return
        names = self.tracked_fields()
        if row_result.import_type == RowResult.IMPORT_TYPE_NEW:
            self.records.append(
                self.record_for(
                    instance, ImportRecord.Action.CREATED, written=snapshot(instance, names)
                )
            )
            self.touched_ids.append(instance.pk)
        elif row_result.import_type == RowResult.IMPORT_TYPE_UPDATE:
            after = snapshot(instance, names)
            changed = [name for name in names if after[name] != self.before[name]]
            if changed:
                self.records.append(
                    self.record_for(
                        instance,
                        ImportRecord.Action.UPDATED,
                        previous={name: self.before[name] for name in changed},
                        written={name: after[name] for name in changed},
                    )
                )
                self.touched_ids.append(instance.pk)

    def record_for(self, instance, action, **values) -> ImportRecord:
        if self.record_field == "organization":
            owner = {"organization_id": instance.pk}
        else:
            owner = {"organization_id": instance.organization_id, self.record_field: instance}
        return ImportRecord(batch=self.batch, action=action, **owner, **values)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        batch = self.batch
        ImportRecord.objects.bulk_create(self.records, batch_size=CHUNK)
        totals = result.totals
        batch.created = totals[RowResult.IMPORT_TYPE_NEW]
        batch.updated = totals[RowResult.IMPORT_TYPE_UPDATE]
        batch.unchanged = totals[RowResult.IMPORT_TYPE_SKIP]
        batch.kept_edits = self.kept_edits
        batch.total_rows = batch.checked_rows = len(dataset)
        batch.status = (
            ImportBatch.Status.CHECKED if kwargs.get("dry_run") else ImportBatch.Status.DONE
        )
        batch.finished_at = timezone.now()
        batch.save(
            update_fields=[
                "created",
                "updated",
                "unchanged",
                "kept_edits",
                "checked_rows",
                "total_rows",
                "status",
                "finished_at",
            ]
        )
        # The admin's confirmation links the batch, for its undo.
        result.batch_id = batch.pk


def undo_spreadsheet_import(*, batch: ImportBatch) -> int:
    """Delete what ``batch`` created and put back what it changed, leaving (and listing on the
    batch) each record staff edited since; returns the records deleted or put back.

    The caller holds the batch's row lock and checks it is the latest import.
    """
    records = list(batch.records.select_related("organization", "location", "activity"))
    created = [r for r in records if r.action == ImportRecord.Action.CREATED]
    updated = [r for r in records if r.action == ImportRecord.Action.UPDATED]
    undone, kept, refresh = 0, [], set()
    for record in updated:
        target = record.activity or record.location or record.organization
        if snapshot(target, record.written) != record.written:
            kept.append({"model": target._meta.model_name, "pk": target.pk, "label": str(target)})
            continue
        restore(target, record.previous)
        undone += 1
        if record.activity_id:
            refresh.add(("activities", record.activity_id))
        elif record.location_id:
            refresh.add(("location", record.location_id))
        else:
            refresh.add(("organization", record.organization_id))
    # Then what it created (the records it changed may point to it: compared first).
    # Activities first: a place an activity import created goes after its activities.
    for model, field in ((Activity, "activity"), (Location, "location")):
        ids = [getattr(r, f"{field}_id") for r in created if getattr(r, f"{field}_id")]
        for start in range(0, len(ids), CHUNK):
            model.objects.filter(pk__in=ids[start : start + CHUNK]).delete()
        undone += len(ids)
    organizations = [r.organization_id for r in created if not r.location_id and not r.activity_id]
    for start in range(0, len(organizations), CHUNK):
        Organization.objects.filter(pk__in=organizations[start : start + CHUNK]).delete()
    undone += len(organizations)
    label = _("Import undone: %(file)s") % {"file": batch.file_name}
    for scope in ("activities", "location", "organization"):
        ids = [pk for s, pk in refresh if s == scope]
        if ids:
            refresh_in_background(scope, ids, label=label)
    batch.kept_at_undo = kept
    return undone


def refresh_in_background(scope: str, ids, *, label: str) -> SearchRefresh | None:
    """Hand the search documents of ``ids`` to the worker once the transaction commits: an
    import's or an undo's rows may be many, and the request never waits for them."""
    from directory.tasks import enqueue_refresh

    ids = sorted(set(ids))
    if not ids:
        return None
    refresh = SearchRefresh.objects.create(scope=scope, object_ids=ids, label=label[:200])
    enqueue_refresh(refresh)
    return refresh
