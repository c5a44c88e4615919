"""``lingua``: offered in a language, given as a parameter or named in the words ("in arabo",
``directory.search.language_words``)."""

from django.utils.translation import gettext_lazy as _

from directory.search import tags
from directory.search.conditions import tagged
from directory.search.filters.base import ChoiceParameterFilter, SearchFilter


def language_condition(language):
    return tagged(tags.LANGUAGE + language.pk)


class InLanguage(SearchFilter):
    name = "lingua"
    label = _("Language")
    facet = "lingua"
    own_set = True
    tag_range = (tags.LANGUAGE, tags.MUNICIPALITY)

    def parameters(self):
        return {"lingua": ChoiceParameterFilter(label=self.label, choices=())}

    def adapt_form(self, form, search):
        form.fields["lingua"].choices = [
            (language.code, language.display_name) for language in search.languages.values()
        ]

    def condition(self, search):
        return language_condition(search.languages[search.values["lingua"]])

    def chip_label(self, search):
        return search.languages[search.values["lingua"]].display_name

    def url_without(self, search, params):
        """Named in the words ("in arabo"): the words without the name."""
        if search.language_words is None:
            return super().url_without(search, params)
        from directory.search.facets import url_with

        return url_with(params, {"q": search.language_words.rest}, drop=self.params)

    def counts(self, counted, search):
        """{language code: matches}"""
        codes = {language.pk: code for code, language in search.languages.items()}
        return {
            codes[tag - tags.LANGUAGE]: n
            for tag, n in counted.tags.items()
            if tag - tags.LANGUAGE in codes
        }

    def options(self, search, counts, option):
        chosen, languages = search.values.get("lingua"), counts[self.name]
        return [
            option(
                self.name,
                code,
                language.display_name,
                languages.get(code, 0),
                language.display_name_lang,
            )
            for code, language in search.languages.items()
            if code in languages or code == chosen
        ]
