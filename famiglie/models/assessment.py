"""Needs assessments: per sub-area of the five areas of intervention, a level from 0 (no need)
to 3 (severe) and notes. Repeatable: each has a date and the operator who made it, and the case
page compares them (``AssessmentQuerySet.latest_for``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from famiglie.areas import Area, SubArea, area_of
from famiglie.models.case import Case
from famiglie.models.labels import ChoiceLabels


class Level(models.IntegerChoices):
    NONE = 0, _("0 – no need")
    LOW = 1, _("1 – low need")
    MODERATE = 2, _("2 – moderate need")
    SEVERE = 3, _("3 – severe need")


class AssessmentQuerySet(models.QuerySet):
    def latest_for(self, case: Case, limit: int):
        """The case's last ``limit`` assessments, newest first, with their scores (two
        queries, whatever the number of assessments)."""
        return (
            self.filter(case=case)
            .select_related("by")
            .prefetch_related("scores")
            .order_by("-date", "-pk")[:limit]
        )


class Assessment(ChoiceLabels, models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("case")
    )
    date = models.DateField(_("date of the assessment"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("operator"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("needs assessment")
        verbose_name_plural = _("needs assessments")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["case", "-date", "-id"], name="assessment_case_date_idx")]

    def __str__(self):
        return _("assessment %(number)s of case %(code)s") % {
            "number": self.pk,
            "code": self.case.code,
        }


class AssessmentScore(ChoiceLabels, models.Model):
    """One sub-area's level in one assessment."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="scores", verbose_name=_("assessment")
    )
    sub_area = models.CharField(_("sub-area"), max_length=40, choices=SubArea)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("assessed need")
        verbose_name_plural = _("assessed needs")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "sub_area"], name="assessment_score_once"
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=0, level__lte=3), name="assessment_score_level_0_3"
            ),
        ]

    def __str__(self):
        return f"{self.assessment_id} {self.sub_area}"

    @property
    def area(self):
        return area_of(self.sub_area)


SUB_AREA_ORDER = {value: index for index, value in enumerate(SubArea.values)}


def scores_in_order(assessment: Assessment) -> list[AssessmentScore]:
    """The prefetched scores, in the order of the list of sub-areas."""
    return sorted(assessment.scores.all(), key=lambda score: SUB_AREA_ORDER[score.sub_area])


def changes_by_area(assessments) -> list[tuple[str, list[int | None]]]:
    """Each area's level in each assessment given (oldest first): the highest of its
    sub-areas' levels, ``None`` where none was assessed."""
    rows = []
    for area in Area:
        levels = []
        for assessment in assessments:
            found = [s.level for s in assessment.scores.all() if s.area == area]
            levels.append(max(found) if found else None)
        rows.append((area.label, levels))
    return rows
