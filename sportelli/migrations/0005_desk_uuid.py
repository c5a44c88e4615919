"""The desks' HSDS identifier (directory.hsds): added with a database default,
gen_random_uuid(), which fills the existing rows in the one ALTER TABLE."""

import uuid

import django.contrib.postgres.functions
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("sportelli", "0004_referral_to_team"),
    ]

    operations = [
        migrations.AddField(
            model_name="desk",
            name="uuid",
            field=models.UUIDField(
                db_default=django.contrib.postgres.functions.RandomUUID(),
                default=uuid.uuid4,
                editable=False,
                unique=True,
                verbose_name="public identifier",
            ),
        ),
    ]
