"""The family labels of the categories (0021) are in the search documents now
(``directory.search.documents.category_words``): the activities of the labelled categories get
their documents recomputed by the background refresh (``directory.tasks.refresh_search``), not
here. This only records one ``SearchRefresh`` naming those categories; ``manage.py
resume_search_refreshes`` (run before the worker starts, and hourly) hands it to the worker,
which recomputes the 600,000 documents of a national network in batches. A database without
activities (a new one, the tests') needs none."""

from django.db import migrations
from django.db.models import Q


def record_refresh(apps, schema_editor):
    Activity = apps.get_model("directory", "Activity")
    Category = apps.get_model("directory", "Category")
    SearchRefresh = apps.get_model("directory", "SearchRefresh")
    labelled = list(
        Category.objects.filter(~Q(family_name="") | ~Q(family_name_en=""))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not labelled or not Activity.objects.filter(categories__in=labelled).exists():
        return
    SearchRefresh.objects.create(
        scope="category",
        object_ids=labelled,
        label="Categorie: i nomi per le famiglie entrano nella ricerca",
    )


class Migration(migrations.Migration):

    dependencies = [
        ("directory", "0024_public_list_indexes"),
    ]

    operations = [
        migrations.RunPython(record_refresh, migrations.RunPython.noop),
    ]
