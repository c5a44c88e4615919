"""The forms of a listing's translation into one language: its texts, each optional (an empty
one stays in Italian on the public page), at least one given."""

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import (
    ActivityTranslation,
    OrganizationTranslation,
    VolunteeringCallTranslation,
)
from sportelli.models import DeskTranslation


class TranslationForm(forms.ModelForm):
    revision_exclude = ()

    def __init__(self, *args, organization=None, **kwargs):
        # The revision machinery passes the organization to every form of its records.
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if not any((cleaned.get(name) or "").strip() for name in self._meta.fields):
            raise forms.ValidationError(
                _("Type at least one text: the fields left empty stay in Italian.")
            )
        return cleaned


class ActivityTranslationForm(TranslationForm):
    class Meta:
        model = ActivityTranslation
        fields = list(ActivityTranslation.text_fields)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "eligibility": forms.Textarea(attrs={"rows": 3}),
            "access_description": forms.Textarea(attrs={"rows": 3}),
            "required_documents": forms.Textarea(attrs={"rows": 3}),
            "fee_description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"required_documents": _("Documents to bring, one per line.")}


class OrganizationTranslationForm(TranslationForm):
    class Meta:
        model = OrganizationTranslation
        fields = list(OrganizationTranslation.text_fields)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "social_utility": forms.Textarea(attrs={"rows": 4}),
        }


class VolunteeringCallTranslationForm(TranslationForm):
    class Meta:
        model = VolunteeringCallTranslation
        fields = list(VolunteeringCallTranslation.text_fields)
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}


class DeskTranslationForm(TranslationForm):
    class Meta:
        model = DeskTranslation
        fields = list(DeskTranslation.text_fields)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "interpreting": forms.Textarea(attrs={"rows": 3}),
        }
