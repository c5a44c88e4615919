from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import ProblemReport


class ProblemReportForm(forms.Form):
    """'Report a mistake' on a public page: anonymous on purpose, no name or contact asked."""

    problems = forms.MultipleChoiceField(
        label=_("What is wrong?"),
        choices=ProblemReport.Problem.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    message = forms.CharField(
        label=_("Tell us more (optional)"),
        help_text=_("Please do not write personal data such as names or phone numbers."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    # A honeypot: hidden from people (CSS), filled in by form-spamming robots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "problems", "message", Field("website", wrapper_class="linkrete-honeypot")
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("problems") and not cleaned.get("message", "").strip():
            raise forms.ValidationError(_("Tick what is wrong or write a message."))
        return cleaned

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
