"""The covering index of activities also holds the title.

Ranking a page by name among the matches counted (``directory.tag_counts.RankedPage``) reads
each match's title: without it in the index, the scan for a filter's matches had to read the
table's rows (1.4 kB each, with the search document) instead of the index's (about 130 bytes).
"""

from django.db import migrations

COLUMNS_BEFORE = (
    "organization_id, status, publication_status, valid_from, valid_to, min_age, max_age, "
    "is_free, search_tags"
)
COLUMNS = (
    "organization_id, status, publication_status, valid_from, valid_to, min_age, max_age, "
    "is_free, title, search_tags"
)


def _rebuild(columns):
    return [
        "DROP INDEX IF EXISTS activity_search_row_idx",
        f"CREATE INDEX activity_search_row_idx ON directory_activity (id) INCLUDE ({columns})",
    ]


class Migration(migrations.Migration):

    dependencies = [
        ("directory", "0010_activity_search_tags"),
    ]

    operations = [
        migrations.RunSQL(_rebuild(COLUMNS), _rebuild(COLUMNS_BEFORE)),
    ]
