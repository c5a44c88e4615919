# The search tags of activities (directory.search_tags): an integer array per activity behind a
# GIN index, filled here for the activities already there, and a covering index of what searches check on a row. Also: the ages index
# goes (the planner misused it, see Activity.Meta) and the few opening slots with an end date
# get a partial index (directory.filters.day_condition). The update rewrites every activity:
# on a big directory, VACUUM FULL directory_activity afterwards gives the space back.

import django.contrib.postgres.fields
from django.db import migrations, models

# A copy of directory.search_tags.TAGS_SQL as it is when this migration is written: later
# changes to the tags come with their own migration (or a rebuild_search_index).
TAGS_SQL = """ARRAY(SELECT DISTINCT tag FROM (
    SELECT 100000000 + ac.category_id::int AS tag
    FROM directory_activity_categories ac WHERE ac.activity_id = a.id
  UNION ALL
    SELECT 100000000 + c.parent_id::int
    FROM directory_activity_categories ac JOIN directory_category c ON c.id = ac.category_id
    WHERE ac.activity_id = a.id AND c.parent_id IS NOT NULL
  UNION ALL
    SELECT 200000000 + al.language_id::int
    FROM directory_activity_languages al WHERE al.activity_id = a.id
  UNION ALL
    SELECT unnest(ARRAY[
        300000000 + l.municipality_id::int,
        CASE l.kind WHEN 'physical' THEN 500000001 WHEN 'virtual' THEN 500000002 END,
        CASE WHEN l.kind = 'physical' AND l.wheelchair_accessible THEN 500000003 END,
        800000000 + mod(floor((l.latitude + 90) * 1)::bigint * 360 + floor((l.longitude + 180) * 1)::bigint, 33333333)::int,
        833333333 + mod(floor((l.latitude + 90) * 10)::bigint * 3600 + floor((l.longitude + 180) * 10)::bigint, 33333333)::int,
        866666666 + mod(floor((l.latitude + 90) * 50)::bigint * 18000 + floor((l.longitude + 180) * 50)::bigint, 33333333)::int])
    FROM directory_activity_locations x JOIN directory_location l ON l.id = x.location_id
    WHERE x.activity_id = a.id
  UNION ALL
    SELECT 400000000 + zm.zone_id::int
    FROM directory_activity_locations x JOIN directory_location l ON l.id = x.location_id
    JOIN directory_zone_municipalities zm ON zm.municipality_id = l.municipality_id
    WHERE x.activity_id = a.id
  UNION ALL
    SELECT 600000000 + s.weekday + CASE WHEN s.valid_to IS NULL THEN 0 ELSE 10 END
    FROM directory_openingslot s WHERE s.activity_id = a.id
  UNION ALL
    SELECT 700000000 + 100 * s.weekday + h
    FROM directory_openingslot s, generate_series(
        extract(hour FROM s.opens_at)::int,
        extract(hour FROM s.closes_at - interval '1 microsecond')::int) AS h
    WHERE s.activity_id = a.id
  UNION ALL
    SELECT 500000004 FROM directory_scheduleexception e WHERE e.activity_id = a.id
) AS tags WHERE tag IS NOT NULL ORDER BY tag)"""

# What a search checks on an activity, without its texts: reading this index in order (an
# index-only scan) until a page of matches is found reads a tenth of what the table would
# (rows of 1.4 kB with the search document).
COVERING_INDEX = (
    "CREATE INDEX activity_search_row_idx ON directory_activity (id) INCLUDE "
    "(organization_id, status, publication_status, valid_from, valid_to, min_age, max_age, "
    "is_free, search_tags)"
)


FORWARD = [
    f"UPDATE directory_activity a SET search_tags = {TAGS_SQL}",
    "CREATE INDEX activity_search_tags_gin ON directory_activity USING gin (search_tags)",
    COVERING_INDEX,
]
BACKWARD = [
    "DROP INDEX IF EXISTS activity_search_row_idx",
    "DROP INDEX IF EXISTS activity_search_tags_gin",
]


class Migration(migrations.Migration):

    dependencies = [
        ("directory", "0009_location_earth_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="search_tags",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.IntegerField(),
                blank=True,
                editable=False,
                null=True,
                size=None,
                verbose_name="search tags",
            ),
        ),
        migrations.RemoveIndex(
            model_name="activity",
            name="activity_ages_idx",
        ),
        migrations.AddIndex(
            model_name="openingslot",
            index=models.Index(
                condition=models.Q(("valid_to__isnull", False)),
                fields=["weekday", "valid_to"],
                name="openingslot_ending_idx",
            ),
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
    ]
