"""The names of the classifications (categories, target groups, languages) in every interface
language.

Italian is the row's own column (``name``, ``family_name``…), English its ``_en`` column, as
before; the other interface languages are in one JSON column of the row, ``translations``:
``{"ar": {"name": "…", "family_name": "…", "family_description": "…"}, "uk": {…}}``. They come
with the row already read (the categories a page shows, the cached search choices), so no page
reads anything more; coordinators edit them in the admin, a field per language
(``directory/admin/taxonomy_names.py``).

A name is shown in the page's language, else in English, else in Italian
(``in_page_language``); where the one shown is not the page's language, ``<field>_lang`` says
which it is, for the ``lang`` attribute (``{% name_lang category "public_name" %}``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The interface languages a name is translated into in ``translations``: all but Italian (the
# row's columns) and English (the ``_en`` columns).
NAME_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code not in ("it", "en"))


def page_language() -> str:
    return get_language() or settings.LANGUAGE_CODE


def _fallbacks(language: str) -> tuple[str, ...]:
    """The page's language, then English, then Italian (once each)."""
    order = [language, "en", settings.LANGUAGE_CODE]
    return tuple(dict.fromkeys(code for code in order if code in _CODES))


_CODES = frozenset(code for code, _name in settings.LANGUAGES)


class TranslatedNamesMixin(models.Model):
    """``name``/``name_en`` and the other languages' versions of the fields in
    ``translated_fields`` (each with an ``_en`` column beside its Italian one)."""

    name = models.CharField(_("name (Italian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    translations = models.JSONField(
        _("names in the other languages"),
        default=dict,
        blank=True,
        help_text=_("Per language code, the texts in that language; empty: English, else Italian."),
    )

    translated_fields: tuple[str, ...] = ("name",)

    class Meta:
        abstract = True

    def __str__(self):
        return self.display_name

    def text_in(self, field: str, language: str) -> str:
        """``field`` in ``language`` as stored, "" where it has none."""
        if language == settings.LANGUAGE_CODE:
            value = getattr(self, field, "")
        elif language == "en":
            value = getattr(self, f"{field}_en", "")
        else:
            row = (self.translations or {}).get(language)
            value = row.get(field, "") if isinstance(row, dict) else ""
        return value.strip() if isinstance(value, str) else ""

    def in_page_language(self, *fields: str) -> tuple[str, str]:
        """(text, its language): the first of ``fields`` holding a text in the page's language,
        else in English, else in Italian; ("", page's language) where none has one."""
        language = page_language()
        for code in _fallbacks(language):
            for field in fields:
                text = self.text_in(field, code)
                if text:
                    return text, code
        return "", language

    @staticmethod
    def _other(code: str) -> str:
        """``code`` where it is not the page's language (for ``lang``), else ""."""
        return "" if code == page_language() else code

    @property
    def display_name(self):
        return self.in_page_language("name")[0]

    @property
    def display_name_lang(self):
        return self._other(self.in_page_language("name")[1])

    # What public pages show of a target group or a language: its name.
    public_name = display_name
    public_name_lang = display_name_lang
