"""HSDS identifiers (directory.hsds) for the taxonomies, their terms and the hours.

Each column is added with a database default, gen_random_uuid(): PostgreSQL fills the existing
rows in the one ALTER TABLE (a table rewrite in C), where a RunPython filling them one by one
would take a Python round trip per row for the million opening slots of a national network."""

import django.contrib.postgres.functions
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0026_events'),
    ]

    operations = [
        migrations.AddField(
            model_name='category',
            name='uuid',
            field=models.UUIDField(db_default=django.contrib.postgres.functions.RandomUUID(), default=uuid.uuid4, editable=False, unique=True, verbose_name='public identifier'),
        ),
        migrations.AddField(
            model_name='openingslot',
            name='uuid',
            field=models.UUIDField(db_default=django.contrib.postgres.functions.RandomUUID(), default=uuid.uuid4, editable=False, unique=True, verbose_name='public identifier'),
        ),
        migrations.AddField(
            model_name='scheduleexception',
            name='uuid',
            field=models.UUIDField(db_default=django.contrib.postgres.functions.RandomUUID(), default=uuid.uuid4, editable=False, unique=True, verbose_name='public identifier'),
        ),
        migrations.AddField(
            model_name='taxonomy',
            name='uuid',
            field=models.UUIDField(db_default=django.contrib.postgres.functions.RandomUUID(), default=uuid.uuid4, editable=False, unique=True, verbose_name='public identifier'),
        ),
    ]
