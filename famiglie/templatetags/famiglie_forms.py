"""``{{ form|crispy_kept }}``: crispy's rendering of an empty form, kept once rendered.

The case page shows small forms (move the case, assign a team member, decide on a move)
whose empty version is the same for every request with the same choices: crispy's templates
(a field template per field, its wrappers, its widget templates) cost about a tenth of the
page's CPU each time. An unbound form is rendered once per class, language and choices (the
team's members, the states allowed) and kept in this process; a bound form (a POST answered
with its errors) is rendered by crispy every time. The HTML holds labels and choices only:
no CSRF token (outside the filter), nothing about a family.
"""

from collections import OrderedDict

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

# The forms kept: a few per team and state; the oldest forgotten beyond this.
KEPT = 512
_kept: OrderedDict = OrderedDict()


def _key(form):
    fields = []
    for name, field in form.fields.items():
        choices = None
        if hasattr(field, "choices"):
            # Read once (a ModelChoiceField's queryset) and kept on the field, so rendering
            # does not read it again; not list(), which would COUNT the queryset first.
            choices = [choice for choice in field.choices]  # noqa: C416
            field.choices = choices
            choices = tuple((str(value), str(label)) for value, label in choices)
        fields.append((name, repr(form.get_initial_for_field(field, name)), choices))
    return (type(form).__module__, type(form).__qualname__, get_language(), form.prefix, *fields)


@register.filter
def crispy_kept(form):
    if form.is_bound:
        return as_crispy_form(form)
    key = _key(form)
    html = _kept.get(key)
    if html is None:
        html = _kept[key] = str(as_crispy_form(form))
        if len(_kept) > KEPT:
            _kept.popitem(last=False)
    return mark_safe(html)  # nosec B308 B703 # crispy's own output, escaped when it was rendered
