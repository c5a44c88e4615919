from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import Municipality, Organization
from famiglie.models import CaseState, Consent, ConsentKind, Role, Team
from sportelli.forms import DateInput


class IntakeFromAccessForm(forms.Form):
    team = forms.ModelChoiceField(
        label=_("Team that takes the family into care"), queryset=Team.objects.none()
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality of residence"),
        queryset=Municipality.objects.none(),
        required=False,
        help_text=_("Left empty, the access's municipality is kept."),
    )

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(is_active=True).order_by("name")
        self.fields["municipality"].queryset = Municipality.objects.of_the_network(
            include=access.municipality_id
        )
        self.fields["municipality"].initial = access.municipality_id


class CaseMoveForm(forms.Form):
    to_state = forms.ChoiceField(label=_("Move the case to"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 2}),
        help_text=_("Needed to close the case. No health details."),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_state"].choices = [
            (s.value, s.label) for s in (CaseState(x) for x in case.allowed_transitions())
        ]

    def clean(self):
        data = super().clean()
        if data.get("to_state") == CaseState.CLOSED and not data.get("note", "").strip():
            self.add_error("note", _("Say why the case is closed."))
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea({"rows": 2})
    )


class CaseTeamAssignForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Team member"), queryset=None)
    role = forms.ChoiceField(label=_("Role on this case"), choices=Role.choices)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = case.team.members.select_related("user").order_by(
            "user__last_name", "user__first_name"
        )
        self.fields["member"].label_from_instance = lambda m: str(m)


class ConsentForm(forms.ModelForm):
    class Meta:
        model = Consent
        fields = ["kind", "organization", "date", "expires_on", "signed_form"]
        widgets = {"date": DateInput(), "expires_on": DateInput()}
        help_texts = {
            "organization": _("Only for sharing: the organization of the network named in it."),
            "signed_form": _("The signed form: PDF, JPEG or PNG, up to 5 MB."),
        }

    MAX_BYTES = 5 * 1024 * 1024

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.published().order_by("name")
        self.fields["kind"].choices = ConsentKind.choices

    def clean_signed_form(self):
        upload = self.cleaned_data.get("signed_form")
        if upload and upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload

    def clean(self):
        data = super().clean()
        if data.get("kind") == ConsentKind.SHARING and not data.get("organization"):
            self.add_error("organization", _("Name the organization the data may be shared with."))
        return data


class CaseReferForm(forms.Form):
    to_organization = forms.ModelChoiceField(
        label=_("Organization"), queryset=Organization.objects.none()
    )
    person_name = forms.CharField(label=_("Name of the person"), max_length=120)
    person_contact = forms.CharField(
        label=_("Contact"), max_length=120, help_text=_("A phone number or an e-mail address.")
    )
    need = forms.CharField(
        label=_("What is needed"),
        max_length=1000,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Only what the receiving side needs to know. No health details."),
    )
    override_reason = forms.CharField(
        label=_("Reason to share without the family's consent"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 2}),
        help_text=_("Only for an urgent protection need; the reason is logged."),
    )

    def __init__(self, *args, can_override, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_organization"].queryset = Organization.objects.published().order_by("name")
        if not can_override:
            del self.fields["override_reason"]
