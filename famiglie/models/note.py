"""Diary notes (diario) on a case: the team's own words about the work with the family.

A note is for the whole case team (and its team lead), or for the psychologists only: the
members of that case's team with the psychologist role, and nobody else, not even the team lead.
Who sees what is ``NoteQuerySet.visible_to``; for the others a psychologist-only note does not
exist (absent from the lists, 404 by address). The text is encrypted at rest.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from famiglie.models.case import Case, CaseTeamMember
from famiglie.models.labels import ChoiceLabels
from famiglie.models.team import Role
from linkrete.field_encryption import EncryptedTextField


class Visibility(models.TextChoices):
    TEAM = "team", _("the case team")
    PSYCHOLOGIST = "psychologist", _("the psychologists only")


def is_case_psychologist(user, case: Case) -> bool:
    if not user.is_authenticated:
        return False
    return CaseTeamMember.objects.filter(case=case, user=user, role=Role.PSYCHOLOGIST).exists()


class NoteQuerySet(models.QuerySet):
    def visible_to(self, user, case: Case, *, psychologist: bool | None = None):
        """The notes of ``case`` that ``user`` may read, newest first; ``psychologist`` when the
        caller already knows (one query fewer)."""
        if psychologist is None:
            psychologist = is_case_psychologist(user, case)
        notes = (
            self.filter(case=case).select_related("author", "case").order_by("-written_at", "-pk")
        )
        return notes if psychologist else notes.filter(visibility=Visibility.TEAM)


class Note(ChoiceLabels, models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="notes", verbose_name=_("case")
    )
    visibility = models.CharField(
        _("who reads it"), max_length=20, choices=Visibility, default=Visibility.TEAM
    )
    # Encrypted at rest (linkrete/field_encryption.py), every note and not only the
    # psychologists': a team note is about a family too, and one column is simpler to keep.
    text = EncryptedTextField(_("note"), max_length=5000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    written_at = models.DateTimeField(_("written at"), auto_now_add=True)

    objects = NoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("diary note")
        verbose_name_plural = _("diary notes")
        ordering = ["-written_at", "-pk"]
        indexes = [
            models.Index(
                fields=["case", "visibility", "-written_at", "-id"], name="note_case_written_idx"
            )
        ]

    def __str__(self):
        # Audit entries show this: never the text.
        return _("note %(number)s of case %(code)s") % {"number": self.pk, "code": self.case.code}
