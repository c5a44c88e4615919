from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator


class _UsernameLengthChecked:
    """Refuse an over-long username before anyone tries to authenticate with it.

    Django sets the username field's ``max_length`` after the field is built, so its validator
    is missing and ``authenticate()`` runs with any length: django-axes then records the failed
    attempt in a 255-character column, and PostgreSQL refuses it (a 500).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


class LoginForm(_UsernameLengthChecked, AuthenticationForm):
    pass


class AdminLoginForm(_UsernameLengthChecked, AdminAuthenticationForm):
    pass
