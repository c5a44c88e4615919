from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from directory.models.activity import Activity
from directory.models.organization import Organization


class ProblemReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ProblemReport.Status.NEW)


class ProblemReport(models.Model):
    """A visitor says something on a public page is wrong; coordinators handle it in the admin.

    Reports are anonymous on purpose: no name or contact is asked, so none is stored.
    """

    class Problem(models.TextChoices):
        ADDRESS = "address", _("the address is wrong")
        PHONE = "phone", _("the phone number or e-mail is wrong")
        HOURS = "hours", _("the hours are wrong")
        CLOSED = "closed", _("it is closed or no longer exists")
        OTHER = "other", _("something else")

    class Status(models.TextChoices):
        NEW = "new", _("to be checked")
        FIXED = "fixed", _("corrected")
        DISMISSED = "dismissed", _("dismissed")

    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="problem_reports",
        verbose_name=_("activity"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="problem_reports",
        verbose_name=_("organization"),
    )
    problems = models.JSONField(_("what is wrong"), default=list, blank=True)
    message = models.TextField(_("message"), max_length=2000, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.NEW)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    coordinator_note = models.TextField(_("coordinator's note"), blank=True)

    objects = ProblemReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("reported mistake")
        verbose_name_plural = _("reported mistakes")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return str(self.activity or self.organization)

    def problem_labels(self):
        labels = dict(self.Problem.choices)
        return [labels.get(problem, problem) for problem in self.problems]
