"""The attendance of one session: each confirmed sign-up came or not, and the walk-ins by age
band. One form, plain radio buttons and numbers: no JavaScript needed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import AGE_BANDS
from directory.models.event_attendance import MAX_WALK_INS

CAME, DID_NOT_COME, NOT_MARKED = "yes", "no", ""
MARKS = {CAME: True, DID_NOT_COME: False, NOT_MARKED: None}


def _mark_field(signup):
    return forms.ChoiceField(
        label=_("%(name)s (%(code)s), %(places)s places")
        % {"name": signup.name, "code": signup.code, "places": signup.places},
        choices=[
            (CAME, _("came")),
            (DID_NOT_COME, _("did not come")),
            (NOT_MARKED, _("not marked")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )


class SessionAttendanceForm(forms.Form):
    def __init__(self, *args, signups, walk_ins, **kwargs):
        super().__init__(*args, **kwargs)
        self.signups = list(signups)
        for signup in self.signups:
            name = f"came_{signup.pk}"
            self.fields[name] = _mark_field(signup)
            self.initial[name] = next(k for k, v in MARKS.items() if v is signup.attended)
        for band in AGE_BANDS:
            name = f"walk_ins_{band.slug}"
            self.fields[name] = forms.IntegerField(
                label=band.label, min_value=0, max_value=MAX_WALK_INS, required=False
            )
            self.initial[name] = walk_ins.get(band.slug, 0)

    def signup_fields(self):
        return [self[f"came_{signup.pk}"] for signup in self.signups]

    def walk_in_fields(self):
        return [self[f"walk_ins_{band.slug}"] for band in AGE_BANDS]

    def marks(self) -> dict[int, bool | None]:
        return {s.pk: MARKS[self.cleaned_data[f"came_{s.pk}"]] for s in self.signups}

    def walk_ins(self) -> dict[str, int]:
        return {b.slug: self.cleaned_data[f"walk_ins_{b.slug}"] or 0 for b in AGE_BANDS}
