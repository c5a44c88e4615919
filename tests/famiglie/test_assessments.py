"""Needs assessments: recorded per sub-area (level 0–3 and notes), repeatable, compared on the
case page; the first one moves an intake to "assessment"."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from famiglie.areas import SubArea
from famiglie.models import Assessment, CaseEvent, CaseState, EventKind
from tests.factories import AssessmentFactory, AssessmentScoreFactory

pytestmark = pytest.mark.usefixtures("pinned_now")


def _post_data(day="2026-12-01", level=1, **overrides):
    data = {"date": day}
    for sub_area in SubArea:
        key = sub_area.value.replace(".", "__")
        data[f"level_{key}"] = str(level)
        data[f"notes_{key}"] = ""
    data.update(overrides)
    return data


def _url(case):
    return reverse("famiglie:assessment_create", args=[case.code])


def test_the_first_assessment_is_recorded_and_moves_the_intake(client, case, case_worker):
    client.force_login(case_worker)
    data = _post_data(level_emergencies__food="3", notes_emergencies__food="Pacco ogni settimana.")

    response = client.post(_url(case), data)

    assert response.status_code == 302
    assessment = Assessment.objects.get(case=case)
    assert assessment.by == case_worker
    assert assessment.date == datetime.date(2026, 12, 1)
    scores = {s.sub_area: s for s in assessment.scores.all()}
    assert len(scores) == len(SubArea) == 16
    assert scores["emergencies.food"].level == 3
    assert scores["emergencies.food"].notes == "Pacco ogni settimana."
    assert scores["work.placement"].level == 1
    case.refresh_from_db()
    assert case.state == CaseState.ASSESSMENT
    kinds = list(case.events.values_list("kind", flat=True))
    assert EventKind.ASSESSMENT in kinds and EventKind.STATE in kinds


def test_a_later_assessment_leaves_the_state_and_the_page_compares_them(client, case, case_worker):
    case.state = CaseState.ACTIVE_PLAN
    case.save()
    client.force_login(case_worker)
    client.post(_url(case), _post_data(day="2026-10-01", level=3))
    client.post(_url(case), _post_data(day="2026-12-01", level=1))

    case.refresh_from_db()
    assert case.state == CaseState.ACTIVE_PLAN
    assert not case.events.filter(kind=EventKind.STATE).exists()
    assert case.events.filter(kind=EventKind.ASSESSMENT).count() == 2
    response = client.get(case.get_absolute_url())
    assert [a.date.month for a in response.context["assessments"]] == [10, 12]
    changes = dict(response.context["area_changes"])
    assert changes["Emergenze"] == [3, 1]
    page = response.content.decode().lower()
    assert "1 ott 2026" in page and "1 dic 2026" in page


def test_the_form_starts_from_the_last_assessment(client, case, case_worker):
    earlier = AssessmentFactory(case=case)
    AssessmentScoreFactory(assessment=earlier, sub_area="work.placement", level=3, notes="CV")
    client.force_login(case_worker)

    response = client.get(_url(case))

    assert response.status_code == 200
    form = response.context["form"]
    assert form["level_work__placement"].value() == 3
    assert form["notes_work__placement"].value() == "CV"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"date": "2026-12-09"}, "date"),
        ({"date": "ieri"}, "date"),
        ({"level_emergencies__food": "7"}, "level_emergencies__food"),
        ({"level_emergencies__food": "x"}, "level_emergencies__food"),
    ],
)
def test_bad_input_is_told_and_what_was_typed_is_kept(client, case, case_worker, overrides, field):
    client.force_login(case_worker)
    data = _post_data(notes_work__placement="Cerca lavoro come cuoca.", **overrides)

    response = client.post(_url(case), data)

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert "Cerca lavoro come cuoca." in response.content.decode()
    assert not Assessment.objects.exists()
    case.refresh_from_db()
    assert case.state == CaseState.INTAKE


def test_reads_and_changes_leave_audit_rows(client, case, case_worker):
    client.force_login(case_worker)
    client.get(_url(case))
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, actor=case_worker, object_id=case.pk
    ).exists()

    client.post(_url(case), _post_data(notes_emergencies__food="Nessuna nota sanitaria."))

    assessment = Assessment.objects.get()
    created = LogEntry.objects.filter(action=LogEntry.Action.CREATE, actor=case_worker)
    assert created.filter(object_id=assessment.pk, content_type__model="assessment").exists()
    assert created.filter(content_type__model="assessmentscore").count() == 16
    # The notes are masked in the history.
    assert not created.filter(changes_text__contains="Nessuna nota").exists()
    assert not LogEntry.objects.filter(changes__icontains="Nessuna nota").exists()
    assert CaseEvent.objects.filter(case=case, kind=EventKind.ASSESSMENT, by=case_worker)
