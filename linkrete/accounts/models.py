from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in: association staff, desk operators, case teams, coordinators.

    Families never need an account. Roles are Django groups; what a user may touch is scoped
    by organization membership, desk and case team in each app's ``access.py``.
    """

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_unique_ci",
                violation_error_message=_("A user with this e-mail address already exists."),
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username


class RateCounter(models.Model):
    """How many times a client did something in the current window (``linkrete/throttle.py``).

    Here rather than in the cache: the default cache is files shared by the server's processes,
    whose ``incr`` reads and rewrites a file, so simultaneous requests lose counts. The database
    counts in one statement. The key is a hash: no address is stored. Lives in the accounts app
    to avoid an app for one table.
    """

    key = models.CharField(_("key"), max_length=100, primary_key=True)
    count = models.PositiveIntegerField(_("count"))
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("rate counter")
        verbose_name_plural = _("rate counters")

    def __str__(self):
        return self.key
