from django.core.management.base import BaseCommand
from django.db import transaction

from directory.models import Category, SearchSynonym
from directory.search import thesaurus
from directory.search.starter_synonyms import load_starter


class Command(BaseCommand):
    help = (
        "Bring the search thesaurus' starter list (directory/search/starter_synonyms.py) into "
        "the database: adds its new phrases and updates those still as it shipped them; rows "
        "coordinators edited, switched off or added are kept. Idempotent; no reindexing needed."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            outcome = load_starter(SearchSynonym, Category)
        thesaurus.forget()
        self.stdout.write(
            f"Search synonyms: {outcome.created} added, {outcome.updated} updated, "
            f"{outcome.unchanged} unchanged, {outcome.kept} kept as coordinators left them."
        )
