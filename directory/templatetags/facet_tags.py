"""The links of the search page's facets (``directory.search.facets.Option``)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def facet_option(option):
    """One filter value: a link to apply it, with how many results it gives (``(0)`` and no
    link when none); the active one, in bold, links to its removal.

    Written with ``format_html`` rather than as an included template: a results page shows
    about a hundred of these, and an include costs several times more for the same markup.
    """
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
            option.label,
            badge,
            gettext("remove"),
        )
    if option.count is None:
        return format_html('<a href="{}">{}</a>', option.url, option.label)
    if option.count:
        return format_html(
            '<a href="{}">{}</a> <span class="text-muted">({})</span>',
            option.url,
            option.label,
            option.count,
        )
    return format_html('<span class="text-muted">{} (0)</span>', option.label)
