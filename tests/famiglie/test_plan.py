"""The accompaniment plan: objectives set and updated, reviews scheduled and held, the reviews
due on the team's home."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from famiglie.models import EventKind, Objective, ObjectiveStatus, Review
from tests.factories import CaseFactory, ObjectiveFactory, ReviewFactory

pytestmark = pytest.mark.usefixtures("pinned_now")


def test_an_objective_is_set_then_updated(client, case, case_worker):
    client.force_login(case_worker)
    url = reverse("famiglie:objective_create", args=[case.code])
    response = client.post(
        url,
        {
            "area": "future",
            "description": "Iscrivere Amina al doposcuola.",
            "target_date": "2027-01-31",
            "status": "in_progress",
        },
    )
    assert response.status_code == 302
    objective = Objective.objects.get(case=case)
    assert objective.created_by == case_worker
    assert case.events.filter(kind=EventKind.OBJECTIVE_SET).exists()

    edit = reverse("famiglie:objective_edit", args=[case.code, objective.pk])
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {"area": "future", "description": objective.description, "status": "achieved"},
    )
    assert response.status_code == 302
    objective.refresh_from_db()
    assert objective.status == ObjectiveStatus.ACHIEVED and objective.target_date is None
    assert case.events.filter(kind=EventKind.OBJECTIVE_CHANGED).exists()
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Iscrivere Amina al doposcuola." in page


def test_an_objective_of_another_case_is_a_404(client, case, case_worker, team):
    other = ObjectiveFactory(case=CaseFactory(team=team))
    client.force_login(case_worker)
    url = reverse("famiglie:objective_edit", args=[case.code, other.pk])
    assert client.get(url).status_code == 404
    assert (
        client.post(url, {"area": "work", "description": "x", "status": "dropped"}).status_code
        == 404
    )
    other.refresh_from_db()
    assert other.status == ObjectiveStatus.IN_PROGRESS


@pytest.mark.parametrize(
    "data",
    [
        {"area": "work", "description": "", "status": "in_progress"},
        {"area": "nowhere", "description": "CV aggiornato", "status": "in_progress"},
        {
            "area": "work",
            "description": "CV aggiornato",
            "status": "in_progress",
            "target_date": "31/31/2027",
        },
        {"area": "work", "description": "CV aggiornato", "status": "done"},
    ],
)
def test_a_bad_objective_is_told_and_kept(client, case, case_worker, data):
    client.force_login(case_worker)
    response = client.post(reverse("famiglie:objective_create", args=[case.code]), data)
    assert response.status_code == 400
    assert response.context["form"].errors
    if data["description"]:
        assert data["description"] in response.content.decode()
    assert not Objective.objects.exists()


def test_a_review_is_scheduled_held_and_the_next_one_scheduled(client, case, case_worker):
    client.force_login(case_worker)
    url = reverse("famiglie:review_create", args=[case.code])
    assert client.post(url, {"due_on": "2026-11-30"}).status_code == 400  # in the past
    assert client.post(url, {"due_on": "2026-12-04"}).status_code == 302
    review = Review.objects.get(case=case)

    hold = reverse("famiglie:review_hold", args=[case.code, review.pk])
    response = client.post(hold, {"held_on": "2026-12-02", "next_due_on": "2026-12-01"})
    assert response.status_code == 400  # the next one before this one
    response = client.post(
        hold, {"held_on": "2026-12-02", "notes": "Tirocinio avviato.", "next_due_on": "2027-03-01"}
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.held_on == datetime.date(2026, 12, 2) and review.held_by == case_worker
    following = Review.objects.pending().get(case=case)
    assert following.due_on == datetime.date(2027, 3, 1)
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds.count(EventKind.REVIEW_SCHEDULED) == 2 and EventKind.REVIEW_HELD in kinds
    # Held once: the page of a held review is gone.
    assert client.get(hold).status_code == 404


def test_the_home_lists_the_reviews_due_soon_or_overdue(client, case, case_worker, team):
    overdue = ReviewFactory(case=case, due_on=datetime.date(2026, 11, 20))
    soon = ReviewFactory(case=case, due_on=datetime.date(2026, 12, 9))
    later = ReviewFactory(case=case, due_on=datetime.date(2026, 12, 10))
    held = ReviewFactory(case=case, due_on=datetime.date(2026, 12, 1), held_on="2026-12-01")
    not_mine = ReviewFactory(case=CaseFactory(team=team), due_on=datetime.date(2026, 12, 3))
    closed = ReviewFactory(
        case=CaseFactory(team=team, state="closed", closure_reason="Trasferiti."),
        due_on=datetime.date(2026, 12, 3),
    )
    client.force_login(case_worker)

    listed = client.get("/famiglie/").context["reviews_due"]

    assert listed == [overdue, soon]
    assert not {later, held, not_mine, closed} & set(listed)


def test_opening_a_review_or_an_objective_is_an_audit_row(client, case, case_worker):
    review = ReviewFactory(case=case)
    objective = ObjectiveFactory(case=case)
    client.force_login(case_worker)
    client.get(reverse("famiglie:review_hold", args=[case.code, review.pk]))
    client.get(reverse("famiglie:objective_edit", args=[case.code, objective.pk]))
    reads = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=case_worker)
    assert reads.filter(content_type__model="review", object_id=review.pk).exists()
    assert reads.filter(content_type__model="objective", object_id=objective.pk).exists()
    assert reads.filter(content_type__model="case", object_id=case.pk).count() == 2
