"""The job offer's form, as the association area edits it."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import JobOffer, Skill
from directory.staff.forms import DATE, _type_the_town


class JobOfferForm(forms.ModelForm):
    skills = forms.MultipleChoiceField(
        label=_("Skills wanted"),
        choices=Skill.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick at least one: the offer is matched by them."),
    )

    class Meta:
        model = JobOffer
        fields = [
            "title",
            "description",
            "municipality",
            "contract_kind",
            "hours",
            "skills",
            "valid_until",
        ]
        widgets = {"valid_until": DATE, "description": forms.Textarea({"rows": 5})}
        help_texts = {
            "description": _(
                "The work, the place, what the company offers. No names of people: the offer is "
                "read by the case teams of the network."
            ),
            "valid_until": _("After this day the offer is no longer proposed."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _type_the_town(self)

    def clean_valid_until(self):
        day = self.cleaned_data["valid_until"]
        changed = self.instance.pk is None or "valid_until" in self.changed_data
        if changed and day < timezone.localdate():
            raise forms.ValidationError(_("The day is past: an offer is valid from today on."))
        return day
