from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "linkrete.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # The sign-in receivers: connected before any request, a test's force_login included.
        from linkrete.accounts import (  # noqa: F401
            second_factor,
            session_lifetimes,
            sign_in_limits,
        )
