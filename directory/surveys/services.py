"""The survey's writes: each in one transaction, validated before it is saved."""

from django.db import transaction
from django.utils import timezone

from directory.models import SurveyAnswer, SurveyResponse


@transaction.atomic
def survey_round_save(*, form, questions=None):
    """The round, and its questionnaire when given (``None`` once it has answers)."""
    survey_round = form.save(commit=False)
    survey_round.full_clean()
    survey_round.save()
    if questions is not None:
        questions.instance = survey_round
        for question in questions.save(commit=False):
            question.round = survey_round
            question.full_clean()
            question.save()
        for question in questions.deleted_objects:
            question.delete()
    return survey_round


@transaction.atomic
def survey_response_save(*, survey_round, organization, answers, send: bool) -> SurveyResponse:
    """The organization's answers (``(question, chosen, text)``), kept as a draft or sent.
    Sending again later keeps the first sending's time."""
    response, _created = SurveyResponse.objects.select_for_update().get_or_create(
        round=survey_round, organization=organization
    )
    if send and response.submitted_at is None:
        response.submitted_at = timezone.now()
    response.save()
    for question, chosen, text in answers:
        SurveyAnswer.objects.update_or_create(
            response=response, question=question, defaults={"chosen": chosen, "text": text}
        )
    return response
