"""The needs survey of a network's bodies (LINK's first phase): a coordinator opens a round with
a questionnaire; each member organization answers once in its area, and may save a draft.

The answers are the organizations' (what a body needs to do its work), not data about a person:
no row names who typed them, and they stay with the network's monitoring, so no retention rule
erases them (``directory/retention.py`` says so). The questionnaire can be changed until the
first answer, draft included: after that the answers would no longer match their questions.
"""

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models.network import Network
from directory.models.organization import Organization

SCALE = range(1, 6)
LONGEST_CHOICE = 200


class SurveyRound(models.Model):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="survey_rounds", verbose_name=_("network")
    )
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("needs survey round")
        verbose_name_plural = _("needs survey rounds")
        ordering = ["-opens_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="survey_round_closes_after_it_opens",
                violation_error_message=_("The round cannot close before it opens."),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The round cannot close before it opens.")})

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on

    def is_editable(self) -> bool:
        """The questionnaire changes until the first answer (a draft counts)."""
        return not self.responses.exists()


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("single choice")
    MULTIPLE = "multiple", _("multiple choice")
    SCALE = "scale", _("scale from 1 to 5")
    TEXT = "text", _("short text")


class SurveyQuestion(models.Model):
    round = models.ForeignKey(
        SurveyRound, on_delete=models.CASCADE, related_name="questions", verbose_name=_("round")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind)
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_("For single and multiple choice: one choice a line."),
    )
    required = models.BooleanField(_("an answer is required"), default=False)

    class Meta:
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")
        ordering = ["round", "position", "pk"]

    def __str__(self):
        return self.text

    def get_additional_data(self) -> dict:
        """Kept on each history entry (django-auditlog), so that the round's history finds the
        changes of its questions, deleted ones included."""
        return {"round": self.round_id}

    @property
    def options(self) -> list[str]:
        if self.kind == QuestionKind.SCALE:
            return [str(value) for value in SCALE]
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    @property
    def has_choices(self) -> bool:
        return self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)

    def clean(self):
        super().clean()
        options = self.options
        if self.has_choices and len(options) < 2:
            raise ValidationError({"choices": _("Give at least two choices, one a line.")})
        if self.has_choices and len(set(options)) != len(options):
            raise ValidationError({"choices": _("Each choice must be different.")})
        if self.has_choices and any(len(option) > LONGEST_CHOICE for option in options):
            raise ValidationError({"choices": _("A choice can be 200 characters long at most.")})
        if not self.has_choices and self.choices.strip():
            raise ValidationError({"choices": _("Only choice questions have choices.")})


class SurveyResponse(models.Model):
    """One organization's answer to a round: a draft until it is sent, changed until the round
    closes."""

    round = models.ForeignKey(
        SurveyRound, on_delete=models.CASCADE, related_name="responses", verbose_name=_("round")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="survey_responses",
        verbose_name=_("organization"),
    )
    submitted_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["round", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "organization"],
                name="survey_response_one_per_organization",
                violation_error_message=_("This organization has already answered this round."),
            ),
        ]

    def __str__(self):
        return f"{self.organization} – {self.round}"

    @property
    def is_draft(self) -> bool:
        return self.submitted_at is None


class SurveyAnswer(models.Model):
    response = models.ForeignKey(
        SurveyResponse, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        SurveyQuestion, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    # The choices taken (the scale's value as its digit); the free text of a short-text one.
    chosen = ArrayField(
        models.CharField(max_length=LONGEST_CHOICE),
        default=list,
        blank=True,
        verbose_name=_("chosen"),
    )
    text = models.CharField(_("text"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        ordering = ["response", "question__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="survey_answer_one_per_question"
            ),
        ]

    def __str__(self):
        return str(self.question)
