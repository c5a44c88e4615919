"""Slugs for many new rows at once, before any of them is saved."""

from django.utils.text import slugify

from directory.staff.slugs import unique_slug


class SlugMaker:
    """``unique_slug``, also avoiding the slugs given earlier in the same batch (two bodies
    called "Pro Loco" in one file are not in the database yet when the second one's is made)."""

    def __init__(self, model):
        self.model = model
        self.given: set[str] = set()

    def make(self, text: str) -> str:
        slug = unique_slug(self.model, text)
        if slug in self.given:
            base, n = slugify(text)[:180] or "voce", 2
            while slug in self.given or self.model.objects.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
        self.given.add(slug)
        return slug
