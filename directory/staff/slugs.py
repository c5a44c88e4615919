"""Slugs for the public records the signed-in area creates (activities, volunteering calls)."""

from django.utils.text import slugify


def unique_slug(model, text: str) -> str:
    """A slug made from ``text`` that no row of ``model`` has yet ("-2", "-3"… if taken)."""
    base = slugify(text)[:180] or "voce"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
