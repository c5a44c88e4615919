import secrets

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from directory import event_signups
from directory.models import Application, ProblemReport
from directory.models.event_signup import MAX_PEOPLE


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
        # Posted without a token from a cached page (linkrete.same_origin).
        self.helper.disable_csrf = True
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


class ApplicationForm(forms.ModelForm):
    """An application to a volunteering call: personal data (see directory/views/calls.py)."""

    privacy_consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that the organization uses these data "
            "to contact me about this call."
        ),
        required=True,
    )

    class Meta:
        model = Application
        fields = ["first_name", "last_name", "email", "phone", "birth_date", "message"]
        widgets = {
            "birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "message": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["birth_date"].widget.attrs["autocomplete"] = "bday"

    def clean_birth_date(self):
        born = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        if born > today or age > 120:
            raise forms.ValidationError(gettext("Check the date of birth."))
        if age < self.call.min_age:
            raise forms.ValidationError(
                gettext("This call is for people aged %(age)s or more.")
                % {"age": self.call.min_age}
            )
        return born

    def save(self, commit=True):
        self.instance.call = self.call
        self.instance.privacy_consent_at = timezone.now()
        return super().save(commit)


class EventSignupForm(forms.Form):
    """A family's sign-up for a session: a name, a contact, each person's age (nothing else about
    them). Personal data: see directory/views/event_signups.py."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        help_text=_("The name the organization asks for at the door."),
    )
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("To receive the code, the calendar and the link to cancel."),
    )
    privacy_consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that the organization uses these data "
            "for this sign-up only."
        ),
        required=True,
    )

    # A new one with each form served (see EventSignup.idempotency_key).
    key = forms.SlugField(
        widget=forms.HiddenInput, required=False, max_length=64, initial=secrets.token_urlsafe
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["phone"].widget.input_type = "tel"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        consent = self.fields.pop("privacy_consent")
        for number in range(1, MAX_PEOPLE + 1):
            self.fields[f"age_{number}"] = forms.IntegerField(
                label=_("Age of person %(number)s") % {"number": number},
                min_value=0,
                max_value=120,
                required=number == 1,
                help_text=_("In years; leave empty if fewer people come.") if number == 2 else "",
            )
        self.fields["privacy_consent"] = consent

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone", "").strip() and not cleaned.get("email"):
            self.add_error("phone", gettext("Give a phone number or an e-mail address."))
        for number in range(1, MAX_PEOPLE + 1):
            age = cleaned.get(f"age_{number}")
            if age is not None and (message := event_signups.age_error(self.event, age)):
                self.add_error(f"age_{number}", message)
        return cleaned

    def ages(self) -> list[int]:
        return [
            self.cleaned_data[f"age_{n}"]
            for n in range(1, MAX_PEOPLE + 1)
            if self.cleaned_data.get(f"age_{n}") is not None
        ]
