"""The links of the search page's facets (``directory.search.facets.Option``)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from directory.templatetags.site_tags import name_lang_attributes

register = template.Library()


def _label(option):
    """The value's name, marked with its language where the page's has none (a category's or a
    language's name in English or Italian: ``taxonomy_names``)."""
    if not option.lang:
        return option.label
    return format_html("<span{}>{}</span>", name_lang_attributes(option.lang), option.label)


@register.simple_tag
def facet_option(option):
    """One filter value: a link to apply it, with how many results it gives (``(0)`` and no
    link when none); the active one, in bold, links to its removal.

    Written with ``format_html`` rather than as an included template: a results page shows
    about a hundred of these, and an include costs several times more for the same markup.
    """
    label = _label(option)
    if option.active:
        badge = (
            format_html(' <span class="badge bg-primary">{}</span>', option.count)
            if option.count is not None
            else ""
        )
        return format_html(
            '<a href="{}" class="fw-bold" aria-current="true">{}{}'
            '<span class="visually-hidden"> ({})</span></a>',
            option.url,
            label,
            badge,
            gettext("remove"),
        )
    if option.count is None:
        return format_html('<a href="{}">{}</a>', option.url, label)
    if option.count:
        return format_html(
            '<a href="{}">{}</a> <span class="text-muted">({})</span>',
            option.url,
            label,
            option.count,
        )
    return format_html('<span class="text-muted">{} (0)</span>', label)
