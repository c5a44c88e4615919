from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from linkrete.accounts.sign_in_limits import sign_in_refused


class _SignInChecks:
    """Refuse before anyone tries to authenticate: past the sign-in limits
    (``sign_in_limits``), and an over-long username.

    Django sets the username field's ``max_length`` after the field is built, so its validator
    is missing and ``authenticate()`` runs with any length: django-axes then records the failed
    attempt in a 255-character column, and PostgreSQL refuses it (a 500).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))

    def clean(self):
        # Before the password is checked: past the limits it is not even tried.
        username = self.cleaned_data.get("username")
        if username and self.request is not None:
            refused = sign_in_refused(self.request, username)
            if refused:
                raise ValidationError(refused, code="too_many_failures")
        return super().clean()


class LoginForm(_SignInChecks, AuthenticationForm):
    pass


class AdminLoginForm(_SignInChecks, AdminAuthenticationForm):
    pass
