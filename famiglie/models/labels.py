"""Choice labels read without rebuilding the field's choices: ``get_FOO_display`` for the
lists of the case page (the timeline, the interventions, the plan, the consents…).

Django's ``get_FOO_display`` builds a dict of all the field's choices on every call, hashing
each label as it goes; a translated label is hashed by translating it, so every call
translates every label of the field (16 for the timeline's kind of event: about 0.1 ms a
call, 6–8 ms of a case page's 60 calls). Here the dict of value → lazy label is built once per
field, and only the label shown is translated, in the language of the request as before.
"""

from django.utils.encoding import force_str

# One dict of value → (lazy) label per field; the choices of famiglie are fixed enumerations.
_LABELS = {}


def _labels(field) -> dict:
    labels = _LABELS.get(field)
    if labels is None:
        labels = _LABELS[field] = dict(field.flatchoices)
    return labels


class ChoiceLabels:
    """Mixed into a model before ``models.Model``: the same label as Django's, faster."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        try:
            label = _labels(field).get(value, value)
        except TypeError:  # a value that cannot be a key (a list): Django's own way
            return super()._get_FIELD_display(field)
        return force_str(label, strings_only=True)
