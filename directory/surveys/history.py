"""Who changed a round's questionnaire, and when: the history entries (django-auditlog,
``linkrete/history``) of the round and of its questions, deleted ones included (each question's
entry keeps its round's id: ``SurveyQuestion.get_additional_data``). One query."""

import datetime
from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q

from directory.models import SurveyQuestion, SurveyRound

RECENT = 30


@dataclass(frozen=True)
class Change:
    timestamp: datetime.datetime
    username: str  # empty: a change made by no signed-in person (a command, the system)
    action: str
    record: str  # the round, or the question's text
    is_question: bool
    fields: list[str]


def questionnaire_history(survey_round: SurveyRound, limit: int = RECENT) -> list[Change]:
    types = ContentType.objects.get_for_models(SurveyRound, SurveyQuestion)
    entries = (
        LogEntry.objects.filter(
            Q(content_type=types[SurveyRound], object_id=survey_round.pk)
            | Q(content_type=types[SurveyQuestion], additional_data__round=survey_round.pk)
        )
        .select_related("actor")
        .order_by("-timestamp", "-pk")[:limit]
    )
    changes = []
    for entry in entries:
        is_question = entry.content_type_id == types[SurveyQuestion].pk
        model = SurveyQuestion if is_question else SurveyRound
        changes.append(
            Change(
                entry.timestamp,
                entry.actor.get_username() if entry.actor else "",
                entry.get_action_display(),
                entry.object_repr,
                is_question,
                _labels(model, entry) if entry.action == LogEntry.Action.UPDATE else [],
            )
        )
    return changes


def _labels(model, entry) -> list[str]:
    names = []
    for name in entry.changes_dict:
        try:
            names.append(str(model._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:  # a field since removed from the model
            names.append(name)
    return names
