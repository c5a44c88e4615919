"""The admin's fields for the names of a category, target group or language in the interface
languages beyond Italian and English: one text field per language and translated field, kept in
the row's ``translations`` (``directory/models/taxonomy_names.py``), one fieldset per language,
closed until opened.
"""

from django import forms
from django.utils.text import capfirst, format_lazy
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from directory.models.taxonomy_names import NAME_LANGUAGES

# The translated fields' labels, without the "(Italian)" of the Italian ones.
LABELS = {
    "name": _("name"),
    "family_name": _("name for families"),
    "family_description": _("short description for families"),
}


def field_name(field: str, language: str) -> str:
    return f"tr_{field}_{language.replace('-', '_')}"


class TranslatedNamesForm(forms.ModelForm):
    """Fills the per-language fields from ``translations`` and writes them back (a field left
    empty drops that language's text: the page shows the English, else the Italian)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = self.instance.translations or {}
        for language in NAME_LANGUAGES:
            row = stored.get(language) if isinstance(stored.get(language), dict) else {}
            for field in self._meta.model.translated_fields:
                name = field_name(field, language)
                if name in self.fields and not self.is_bound:
                    self.fields[name].initial = row.get(field, "")

    def clean(self):
        cleaned = super().clean()
        translations = {}
        for language in NAME_LANGUAGES:
            row = {}
            for field in self._meta.model.translated_fields:
                value = (cleaned.get(field_name(field, language)) or "").strip()
                if value:
                    row[field] = value
            if row:
                translations[language] = row
        self.instance.translations = translations
        return cleaned


def names_form(model) -> type[forms.ModelForm]:
    """A ``TranslatedNamesForm`` for ``model`` with its per-language fields, labelled as
    "Name (العربية)", of the Italian field's length."""
    fields = {}
    for language in NAME_LANGUAGES:
        local = get_language_info(language)["name_local"]
        for field in model.translated_fields:
            model_field = model._meta.get_field(field)
            fields[field_name(field, language)] = forms.CharField(
                label=format_lazy("{} ({})", capfirst(LABELS[field]), local),
                required=False,
                max_length=model_field.max_length,
                widget=forms.TextInput(attrs={"lang": language, "dir": "auto"}),
            )
    meta = type("Meta", (), {"model": model, "exclude": ["translations"]})
    return type(f"{model.__name__}NamesForm", (TranslatedNamesForm,), {**fields, "Meta": meta})


def names_fieldsets(model) -> list:
    """One fieldset per language, collapsed (called per request: its titles are translated)."""
    return [
        (
            _("In %(language)s") % {"language": get_language_info(language)["name_local"]},
            {
                "classes": ["collapse"],
                "fields": [field_name(field, language) for field in model.translated_fields],
            },
        )
        for language in NAME_LANGUAGES
    ]
