from django.core.management.base import BaseCommand

from directory.models import SearchTerm
from directory.search import rebuild_search_index


class Command(BaseCommand):
    help = (
        "Recompute the search documents of all activities (text, PostgreSQL vector and the "
        "vocabulary typos are matched against). Idempotent: run it after bulk loads."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--vocabulary",
            action="store_true",
            help="Also forget words no activity uses any more (the vocabulary is rebuilt).",
        )
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, vocabulary=False, batch_size=1000, **options):
        if vocabulary:
            SearchTerm.objects.all().delete()
        count = rebuild_search_index(batch_size=batch_size)
        words = SearchTerm.objects.count()
        self.stdout.write(f"Search index rebuilt: {count} activities, {words} words.")
