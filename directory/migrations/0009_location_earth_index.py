# Distance searches: a GiST index on each place's point on the unit sphere.

from django.db import migrations

# The expression must stay the one directory.geo.EARTH_POINT_SQL builds, or the planner will
# not use the index. Plain cube rather than earthdistance's ll_to_earth: an index on the latter
# is lost by pg_dump/pg_restore on PostgreSQL 15.
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS cube",
    "CREATE INDEX location_earth_gist ON directory_location USING gist ("
    "cube(cube(cube(cos(radians(latitude)) * cos(radians(longitude))), "
    "cos(radians(latitude)) * sin(radians(longitude))), sin(radians(latitude))))",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS location_earth_gist"]


class Migration(migrations.Migration):

    dependencies = [
        ("directory", "0008_volunteering_call_review"),
    ]

    operations = [
        migrations.RunSQL(POSTGRES_FORWARD, POSTGRES_BACKWARD),
    ]
