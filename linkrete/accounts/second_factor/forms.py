import re

from django import forms
from django.utils.translation import gettext_lazy as _

# What people type: six digits from the app (maybe with a space in the middle), or a recovery
# code of eight letters and digits.
CODE_RE = re.compile(r"[0-9]{6}|[a-z2-7]{8}")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_(
            "The six digits your authenticator app shows now, or one of your recovery codes."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "none"}),
    )

    def clean_code(self):
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"]).lower()
        if not CODE_RE.fullmatch(code):
            raise forms.ValidationError(
                _("Type the six digits of your app, or an eight-character recovery code.")
            )
        return code


class AuthenticatorCodeForm(CodeForm):
    code = forms.CharField(
        label=_("Code shown by the app"),
        max_length=20,
        help_text=_("Six digits; a new one every 30 seconds."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_code(self):
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(_("Type the six digits the app shows."))
        return code
