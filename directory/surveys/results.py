"""A round's answers aggregated by zone or by area, for its coordinators.

Only sent answers count (drafts do not). An organization's zones are the network's zones its
places are in; its areas are the root categories of its published activities: an organization
in two zones (or areas) counts in each, and once in the "all bodies" column. Each choice or scale
question becomes an ``Indicator`` (rows: the choices; columns: all, then each zone or area), so
that the dashboard's chart and the CSV's suppression of counts from 1 to 4 apply unchanged.

Free text: listed without the organization, in alphabetical order (not the order of arrival),
and only once at least ``TEXTS_FROM`` organizations have sent their answers, so that a text is
not tied to one of very few bodies. Free text never goes into the export: it is not an
aggregate. The number of queries is the same whatever the answers (five).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from directory.indicators.rows import Column, Indicator, Row
from directory.models import Activity, Location, QuestionKind, SurveyAnswer
from directory.models.organization import PublicationStatus

TEXTS_FROM = 5
BY_ZONE = "zona"
BY_AREA = "area"
BREAKDOWNS = {BY_ZONE: _("zone"), BY_AREA: _("area")}


@dataclass
class QuestionText:
    question: str
    texts: list[str] = field(default_factory=list)


@dataclass
class Results:
    sent: int
    drafts: int
    indicators: list[Indicator]
    texts: list[QuestionText]
    texts_shown: bool


def results(survey_round, breakdown: str = BY_ZONE) -> Results:
    questions = list(survey_round.questions.all())
    responses = list(survey_round.responses.values_list("organization", "submitted_at"))
    sent = sorted(org for org, at in responses if at is not None)
    answers = SurveyAnswer.objects.filter(
        response__round=survey_round, response__submitted_at__isnull=False
    ).values_list("question", "response__organization", "chosen", "text")
    groups = _groups_of(survey_round.network, sent, breakdown)
    names = sorted({name for found in groups.values() for name in found})
    counts = defaultdict(lambda: defaultdict(int))  # (question, choice) -> group -> count
    texts = defaultdict(list)
    for question, organization, chosen, text in answers:
        for choice in chosen:
            cell = counts[(question, choice)]
            cell[None] += 1
            for name in groups.get(organization, ()):
                cell[name] += 1
        if text:
            texts[question].append(text)
    columns = (Column(_("all bodies")), *(Column(name) for name in names))
    indicators = [
        Indicator(
            f"question-{question.pk}",
            question.text,
            _("answer"),
            columns,
            [
                Row(option, tuple(counts[(question.pk, option)][key] for key in (None, *names)))
                for option in question.options
            ],
            note=_multiple_note(question),
        )
        for question in questions
        if question.kind != QuestionKind.TEXT
    ]
    shown = len(sent) >= TEXTS_FROM
    free = [
        QuestionText(question.text, sorted(texts[question.pk], key=str.casefold) if shown else [])
        for question in questions
        if question.kind == QuestionKind.TEXT
    ]
    return Results(len(sent), len(responses) - len(sent), indicators, free, shown)


def _multiple_note(question):
    if question.kind == QuestionKind.MULTIPLE:
        return _("More than one answer could be chosen: the counts add up to more than the bodies.")
    return ""


def _groups_of(network, organizations, breakdown) -> dict[int, set[str]]:
    if not organizations:
        return {}
    if breakdown == BY_AREA:
        rows = (
            Activity.objects.filter(
                organization__in=organizations,
                publication_status=PublicationStatus.PUBLISHED,
                categories__isnull=False,
            )
            .values_list("organization", Coalesce("categories__parent__name", "categories__name"))
            .distinct()
        )
    else:
        rows = (
            Location.objects.filter(
                organization__in=organizations,
                municipality__zones__in=network.zones.values("pk"),
            )
            .values_list("organization", F("municipality__zones__name"))
            .distinct()
        )
    groups = defaultdict(set)
    for organization, name in rows:
        groups[organization].add(name)
    return groups
