"""``categoria``: a category of the taxonomy, with its children."""

from django.utils.translation import gettext_lazy as _

from directory.search import tags
from directory.search.conditions import tagged
from directory.search.filters.base import ChoiceParameterFilter, SearchFilter


def category_condition(category):
    """The category and its children (a child's tags hold its parent)."""
    return tagged(tags.CATEGORY + category.pk)


class Category(SearchFilter):
    name = "categoria"
    label = _("Category")
    facet = "categoria"
    own_set = True
    tag_range = (tags.CATEGORY, tags.LANGUAGE)

    def parameters(self):
        return {"categoria": ChoiceParameterFilter(label=self.label, choices=())}

    def adapt_form(self, form, search):
        form.fields["categoria"].choices = [
            (c.slug, c.public_name) for c in search.categories.values()
        ]

    def condition(self, search):
        return category_condition(search.categories[search.values["categoria"]])

    def chip_label(self, search):
        return search.categories[search.values["categoria"]].public_name

    def counts(self, counted, search):
        """{category id: matches} (a root's include its children's)"""
        return {tag - tags.CATEGORY: n for tag, n in counted.tags.items()}

    def options(self, search, counts, option):
        """The roots seen among the matches, each with its children seen."""
        categories, seen = list(search.categories.values()), counts[self.name]
        active = search.values.get(self.name)
        # Only the categories shown get an option (and its link): seen among the matches, or
        # the active one. Building all sixty, links and all, to drop most of them cost a few
        # milliseconds of every results page (``bench/profile_page.py``).
        shown = [c for c in categories if seen.get(c.pk, 0) or c.slug == active]
        options = []
        for root in (c for c in shown if c.parent_id is None):
            root_option = option(
                self.name, root.slug, root.public_name, seen.get(root.pk, 0), root.public_name_lang
            )
            root_option.children = [
                option(self.name, c.slug, c.public_name, seen.get(c.pk, 0), c.public_name_lang)
                for c in shown
                if c.parent_id == root.pk
            ]
            options.append(root_option)
        return options
