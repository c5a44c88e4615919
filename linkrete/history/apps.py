from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


def _drop_actor_email(sender, instance, created, **kwargs):
    # auditlog copies the author's e-mail address onto every entry; the author's account
    # already says who it was, and a copy would outlive the account. auditlog's middleware
    # connects its own receiver for each request, after this one: hence after the save.
    if instance.actor_email:
        sender.objects.filter(pk=instance.pk).update(actor_email=None)
        instance.actor_email = None


class HistoryConfig(AppConfig):
    name = "linkrete.history"
    label = "history"
    verbose_name = _("History")

    def ready(self):
        from auditlog.models import LogEntry

        from linkrete.history.tracked import register_all

        register_all()
        post_save.connect(_drop_actor_email, sender=LogEntry, dispatch_uid="history_actor_email")
