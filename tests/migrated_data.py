"""The rows the migrations write (taxonomies, languages, family labels and names in every
language, the thesaurus's starter list), put back after a module that seeds the demo and
flushes the database."""

import importlib

from django.apps import apps
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from directory.search.starter_synonyms import load_starter


def restore_migrated_data():
    """Empty every table and write again what the migrations wrote, nothing else: reseeding
    through the live models sends their signals, and the background work they queue (the home
    figures' recompute), which the migrations never queue, is dropped too."""
    call_command("flush", interactive=False, verbosity=0)
    importlib.import_module("directory.migrations.0002_seed_taxonomies").seed(apps, None)
    importlib.import_module("directory.migrations.0021_upcoming_and_family_labels").fill(apps, None)
    importlib.import_module("directory.migrations.0045_taxonomy_names_translated").seed(apps, None)
    load_starter(
        apps.get_model("directory", "SearchSynonym"), apps.get_model("directory", "Category")
    )
    DBTaskResult.objects.all().delete()
