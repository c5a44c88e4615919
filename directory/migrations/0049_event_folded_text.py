import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.contrib.postgres.operations import AddIndexConcurrently, RemoveIndexConcurrently
from django.db import migrations, models

import linkrete.folding


class Migration(migrations.Migration):
    # The events' folded title and summary stored (a generated column), so that the search
    # page's words are rechecked against stored text instead of folding both fields again for
    # every candidate row (directory/event_search.py; bench/README.md, 2026-12-04). Adding the
    # column rewrites the table once (15,000 events at national scale: under a second); the
    # index is built concurrently, as 0048's were, and replaces them.
    atomic = False

    dependencies = [
        ("directory", "0048_event_text_fold_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="folded_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Concat(
                    linkrete.folding.Folded("title"),
                    models.Value("\n"),
                    linkrete.folding.Folded("summary"),
                    output_field=models.TextField(),
                ),
                output_field=models.TextField(),
            ),
        ),
        AddIndexConcurrently(
            model_name="event",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass("folded_text", name="gin_trgm_ops"),
                name="event_folded_text_trgm",
            ),
        ),
        RemoveIndexConcurrently(model_name="event", name="event_title_fold_trgm"),
        RemoveIndexConcurrently(model_name="event", name="event_summary_fold_trgm"),
        # The new column's statistics, which the planner needs to tell a word most events hold
        # from one none does (as 0048 explains).
        migrations.RunSQL("ANALYZE directory_event", migrations.RunSQL.noop),
    ]
