"""What each row of an admin change list costs, made cheaper (the lists of every app use it).

Django draws the action checkbox of every row through the forms' template renderer
(``CheckboxInput.render``: a template and its includes per row); in a profile of a 100-row list
at national scale it was the largest part of the Python (bench/README.md, "The admin at national
scale"). ``CheapRowsMixin.action_checkbox`` writes the same ``<input>`` with ``format_html``.
"""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.utils.html import format_html
from django.utils.translation import gettext as _

# A change list shows this many rows a page (Django's default is 100): what a coordinator reads
# on a screen, at half the rendering of a page. Re-measure: bench/staff_bench.py --only admin.
ROWS_PER_PAGE = 50


class CheapRowsMixin:
    """For a ModelAdmin whose list shows tens of rows or more."""

    list_per_page = ROWS_PER_PAGE

    def action_checkbox(self, obj):
        # Django's own msgid, so its catalogues translate it.
        label = format_html(_("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            ACTION_CHECKBOX_NAME,
            obj.pk,
            label,
        )
