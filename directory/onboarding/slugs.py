"""Slugs for many new rows at once, before any of them is saved."""

from django.utils.text import slugify

from directory.staff.slugs import unique_slug


class SlugMaker:
    """``unique_slug`` for a batch: ``reserve`` asks once which of a chunk's plain slugs are
    taken (one query instead of one per row), and the slugs given earlier in the batch count
    as taken (two bodies called "Pro Loco" in one file are not in the database yet)."""

    def __init__(self, model):
        self.model = model
        self.given: set[str] = set()
        self.free: set[str] = set()

    def reserve(self, texts) -> None:
        bases = {self._base(text) for text in texts}
        taken = set(self.model.objects.filter(slug__in=bases).values_list("slug", flat=True))
        self.free = bases - taken

    def make(self, text: str) -> str:
        slug = self._base(text)
        if slug not in self.free or slug in self.given:
            slug = unique_slug(self.model, text)
            if slug in self.given:
                base, n = self._base(text), 2
                while slug in self.given or self.model.objects.filter(slug=slug).exists():
                    slug, n = f"{base}-{n}", n + 1
        self.given.add(slug)
        return slug

    @staticmethod
    def _base(text: str) -> str:
        # As unique_slug makes it.
        return slugify(text)[:180] or "voce"
